import type { V1Pod, V1Service } from '@kubernetes/client-node';
import { count } from './format.ts';
import { podName, runningReady } from './pod-state.ts';
import { selectorMatches } from './selector.ts';
import type { CheckContext, KubeObject, Snapshot, Where } from './types.ts';
import { unreadyWhere } from './where.ts';
import { controllerOf, lastInjected, resolveWorkload, strayNote, workloadLabel } from './workload.ts';
import type { WorkloadRef } from '../src/scenario/schema.ts';
import type { Workload } from './workload.ts';

/**
 * The genuine target behind a Service name: the Deployment the scenario's own
 * Service manifest selects, found through the injected manifests (never the
 * live Service, which a learner could re-point), still the injected one by
 * uid, with the pods it owns through its ReplicaSets.
 */
export interface Target {
  service: string;
  workload: Workload;
  /** The Service port probed and the container port it maps to in the manifest (a name is resolved per pod). */
  port: number;
  targetPort: number | string;
}

/** A target found, or why not (and where that shows). */
export type TargetResolution = { ok: true; target: Target } | { ok: false; reason: string; where: Where };

/**
 * Resolve Service `service` of the manifests to its Deployment; `port` defaults to the Service's first port.
 * `deployment` names the target outright, for a scenario whose injected selector is the break.
 */
export function resolveTarget(ctx: CheckContext, service: string, port?: number, deployment?: string): TargetResolution {
  const internal = (reason: string): TargetResolution => ({ ok: false, reason: `internal: ${reason}`, where: { kind: 'Service', name: service } });
  const manifest = lastInjected(ctx.injected, 'Service', service) as (KubeObject & { spec?: V1Service['spec'] }) | undefined;
  if (!manifest) return internal(`Service ${service} is not one the scenario injects, so the genuine target behind it is unknown`);
  const selector = manifest.spec?.selector ?? {};
  const names = deployment !== undefined ? [deployment] : [...new Set(ctx.injected.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name))].filter((name) => {
    const d = lastInjected(ctx.injected, 'Deployment', name) as { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } };
    return Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, d.spec?.template?.metadata?.labels);
  });
  if (names.length !== 1) return internal(`Service ${service} of the manifests selects ${names.length === 0 ? 'no injected Deployment' : `several (${names.join(', ')})`}; expected one`);
  const servicePort = port === undefined ? manifest.spec?.ports?.[0] : manifest.spec?.ports?.find((p) => p.port === port);
  if (!servicePort) return internal(`Service ${service} of the manifests has no port ${port ?? ''}`.trimEnd());
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: names[0]!, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return found;
  return { ok: true, target: { service, workload: found.workload, port: servicePort.port, targetPort: servicePort.targetPort ?? servicePort.port } };
}

/** The Running and Ready pods of a workload (by name), or why there are none. */
export type ReadyPods = { ok: true; workload: Workload; pods: V1Pod[] } | { ok: false; reason: string; where: Where };

/** Every Running and Ready pod the workload owns, sorted by name, so a replay sees the same order. */
export function readyPods(ctx: CheckContext, workload: WorkloadRef): ReadyPods {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return found;
  const byName = [...found.workload.pods].sort((a, b) => podName(a).localeCompare(podName(b)));
  const pods = byName.filter(runningReady);
  if (pods.length > 0) return { ok: true, workload: found.workload, pods };
  const states = byName.map((p) => `${podName(p)} ${p.status?.phase ?? 'Unknown'}`).join(', ') || 'no pods';
  return { ok: false, reason: `no Running and Ready pod of ${workloadLabel(workload)} to exec into (saw ${states})${strayNote(found.workload)}`, where: unreadyWhere(found.workload) };
}

/** A container port by number or by the name a pod's containers give it. */
export function resolvePort(port: number | string, pod: V1Pod): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === port);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** What owns an address of the namespace, in words: "pod db-7d6f-x of Deployment db", "bare pod stand-in", "Service db's ClusterIP", or "". */
export function addressOwner(snapshot: Snapshot, ip: string): string {
  const pod = snapshot.pods.find((p) => p.status?.podIP === ip && p.status?.phase === 'Running');
  if (pod) {
    const rs = controllerOf(pod.metadata);
    const owner = rs?.kind === 'ReplicaSet' ? controllerOf(snapshot.replicaSets.find((r) => r.metadata?.uid === rs.uid)?.metadata) : rs;
    return owner ? `pod ${podName(pod)} of ${owner.kind} ${owner.name}` : `bare pod ${podName(pod)}`;
  }
  const service = snapshot.services.find((s) => s.spec?.clusterIP === ip);
  return service ? `Service ${service.metadata?.name}'s ClusterIP` : '';
}

/** "2 pods of Deployment app" and their names. */
export function podsText(pods: V1Pod[], workload: WorkloadRef): string {
  return `${count(pods.length, 'pod')} of ${workloadLabel(workload)} (${pods.map(podName).join(', ')})`;
}
