import type { Kube } from '../kube/client.ts';
import { isClusterScoped } from '../kube/client.ts';
import type { Progress } from '../../cluster/progress.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { ScenarioView } from './scenario-view.ts';
import { withAttemptLabels } from './labels.ts';
import { parseDuration, pollUntil } from './wait.ts';
import { waitStatefulSetReady } from './wait-statefulset.ts';
import { seedHostPath } from './host-files.ts';

/** Why an injection could not complete: names what was expected and what was seen. */
export class InjectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InjectionError';
  }
}

/** Options for {@link runInjectSteps}. */
export interface InjectOptions {
  kube: Kube;
  scenario: ScenarioView;
  record: AttemptRecord;
  /** Persist the record (called before each cluster-scoped change, so Ctrl-C can undo it). */
  save: (record: AttemptRecord) => Promise<void>;
  progress: Progress;
  signal?: AbortSignal;
}

/** Run the scenario's inject steps in order into record.namespace. */
export async function runInjectSteps(options: InjectOptions): Promise<void> {
  const { kube, scenario, record, progress } = options;
  for (const step of scenario.inject) {
    options.signal?.throwIfAborted();
    if ('apply' in step) {
      const objects = (scenario.manifests.find((m) => m.file === step.apply)?.objects ?? []).map((o) => withAttemptLabels(o, scenario.id, record.namespace));
      const cluster = objects.filter((o) => isClusterScoped(o.kind)).map((o) => ({ kind: o.kind, name: o.metadata.name }));
      if (cluster.length > 0) {
        record.clusterObjects.push(...cluster.filter((c) => !record.clusterObjects.some((r) => r.kind === c.kind && r.name === c.name)));
        await options.save(record);
      }
      const into = namespaceOf(record, step.namespace);
      await progress.step(`apply ${step.apply}${into === record.namespace ? '' : ` into namespace ${into}`}`, () => kube.apply(objects, into));
    } else if ('waitFor' in step) {
      const { workload, timeout } = step.waitFor;
      const name = typeof workload === 'string' ? workload : workload.name;
      if (typeof workload !== 'string' && workload.kind === 'StatefulSet') {
        await progress.step(`wait for StatefulSet ${name} to be ready`, async () => {
          const r = await waitStatefulSetReady(kube, namespaceOf(record, step.waitFor.namespace), name, parseDuration(timeout), options.signal);
          if (!r.done) throw new InjectionError(`StatefulSet ${name}: expected every replica ready on one revision within ${timeout}, saw ${r.seen}`);
        });
        continue;
      }
      await progress.step(`wait for Deployment ${name} to be available`, () =>
        waitAvailable(kube, namespaceOf(record, step.waitFor.namespace), name, parseDuration(timeout), options.signal),
      );
    } else if ('hostFiles' in step) {
      const { path, files } = step.hostFiles;
      await progress.step(`write ${Object.keys(files).join(', ')} into ${path} on a node`, async () => {
        const target = { node: await pickNode(kube), path };
        record.hostPaths = [...(record.hostPaths ?? []), target];
        await options.save(record);
        await seedHostPath(kube, record.namespace, target, files).catch((error: Error) => {
          throw new InjectionError(error.message, { cause: error });
        });
      });
    } else if ('nodeLabel' in step) {
      const { key, value } = step.nodeLabel;
      await progress.step(`label a node ${key}=${value}`, async () => {
        const node = await pickNode(kube);
        record.nodeLabels = [...(record.nodeLabels ?? []), { node, key }];
        await options.save(record);
        await kube.setNodeLabel(node, key, value);
      });
    } else {
      const { name, quantity } = step.nodeResource;
      await progress.step(`advertise ${name}=${quantity} on a node`, async () => {
        const node = await pickNode(kube);
        record.nodeResources.push({ node, resource: name });
        await options.save(record);
        await kube.setNodeResource(node, name, quantity);
        await pollUntil(
          async () => {
            const n = (await kube.listNodes()).find((x) => x.metadata?.name === node);
            return { done: n?.status?.allocatable?.[name] === quantity };
          },
          { timeoutMs: 60_000, signal: options.signal },
        ).then((r) => {
          if (!r.done) throw new InjectionError(`node ${node}: status.allocatable["${name}"] never showed ${quantity} within 60s`);
        });
      });
    }
  }
}

/** The namespace an inject step's role names: the attempt's own, or one of its others. */
export function namespaceOf(record: Pick<AttemptRecord, 'namespace' | 'namespaces'>, role: string | undefined): string {
  if (role === undefined || role === 'main') return record.namespace;
  const ns = record.namespaces?.[role];
  if (!ns) throw new InjectionError(`the scenario names namespace role ${role}, which this attempt does not have`);
  return ns;
}

async function waitAvailable(kube: Kube, namespace: string, name: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const changes = kube.changes(namespace, ['deployments']);
  const result = await pollUntil(
    async () => {
      const snapshot = await kube.snapshot(namespace, ['deployments']);
      const d = snapshot.deployments.find((x) => x.metadata?.name === name);
      const want = d?.spec?.replicas ?? 1;
      const available = d?.status?.availableReplicas ?? 0;
      const condition = d?.status?.conditions?.find((c) => c.type === 'Available')?.status;
      const updated = d?.status?.updatedReplicas ?? 0;
      // The controller must have seen the latest spec, and the old ReplicaSets must be gone (what `rollout status` waits for).
      const observed = (d?.status?.observedGeneration ?? 0) >= (d?.metadata?.generation ?? 1);
      const seen = d ? `${available}/${want} available, ${updated} updated of ${d.status?.replicas ?? 0}, Available=${condition ?? 'unset'}${observed ? '' : ', latest spec not yet observed'}` : 'no such Deployment';
      return { done: Boolean(d) && observed && condition === 'True' && available >= want && updated >= want && (d?.status?.replicas ?? 0) <= updated, seen };
    },
    { timeoutMs, signal, intervalMs: 5000, changes },
  ).finally(() => changes.close());
  if (!result.done) throw new InjectionError(`Deployment ${name}: expected available within ${timeoutMs / 1000}s, saw ${result.seen}`);
}

/** The first Ready, schedulable node (deterministic: sorted by name). */
async function pickNode(kube: Kube): Promise<string> {
  const nodes = (await kube.listNodes())
    .filter((n) => !n.spec?.unschedulable)
    .filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .map((n) => n.metadata?.name ?? '')
    .sort();
  if (!nodes[0]) throw new InjectionError('no Ready, schedulable node to advertise an extended resource on');
  return nodes[0];
}
