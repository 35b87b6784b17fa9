import type { Kube } from '../kube/client.ts';
import type { Progress } from '../../cluster/progress.ts';
import { ClusterError } from '../../cluster/errors.ts';
import { isClusterScoped } from '../kube/client.ts';
import { signingKey } from '../home.ts';
import { appendHistory } from '../history.ts';
import type { ScenarioView } from '../engine/scenario-view.ts';
import { runInjectSteps } from '../engine/inject.ts';
import { waitForSymptom } from '../engine/symptom.ts';
import { cleanupAttempt } from '../engine/cleanup.ts';
import { decodeRecordUnverified, DRILL_LABEL, encodeRecord, EXCLUSIVE_LOCK, MANAGED_BY, SCENARIO_LABEL, type AttemptRecord } from './record.ts';
import { writeAttempt } from './store.ts';
import { BASELINE, encodeBaseline } from './baseline.ts';
import { storedObjects } from '../../grader/stored/content.ts';
import type { KubeObject, Snapshot } from '../../grader/types.ts';
import { findObject, type ObjectKind } from '../../grader/objects.ts';
import { nodeLabelKey } from '../../grader/checks/node-targeted.ts';
import { readAttempt } from '../engine/grade.ts';
import { snapshotKinds } from '../kube/kinds.ts';
import { ATTEMPT_NS_LABEL } from '../engine/labels.ts';
import { takeExclusiveLock } from './exclusive.ts';

/** Options for {@link startAttempt}. */
export interface StartOptions {
  kube: Kube;
  scenario: ScenarioView;
  /** Default: the scenario's own namespace (as the brief names it). */
  namespace?: string;
  drill?: string;
  /** A proof run (verify, fixture recording), not a learner's attempt. */
  proof?: boolean;
  progress: Progress;
  /** Abort (Ctrl-C) → everything made so far is removed before the error surfaces. */
  signal?: AbortSignal;
  /** Exclusive scenarios: how long to wait for another exclusive attempt to end (default 0: refuse at once). */
  exclusiveWaitMs?: number;
  /** The other namespaces by role (default: the scenario's `namespaces` as named). */
  namespaces?: Record<string, string>;
  /** More labels on the namespaces it creates (a workshop's and seat's: `workshop end` finds them by these). */
  labels?: Record<string, string>;
  /** Run in the new namespace before anything is injected (a workshop seat's LimitRange and quota). */
  prepare?: (namespace: string) => Promise<void>;
}


/** A started attempt and how long its symptom took to appear. */
export interface StartResult {
  record: AttemptRecord;
  symptomSeconds: number;
}

/**
 * Inject a scenario into a fresh namespace and return once its symptom is
 * observed. An abandoned attempt in the namespace is cleaned up first; any
 * failure (or Ctrl-C) removes what this call made.
 */
export async function startAttempt(options: StartOptions): Promise<StartResult> {
  const { kube, scenario, progress } = options;
  const namespace = options.namespace ?? scenario.namespace;
  const others = options.namespaces ?? Object.fromEntries(Object.entries(scenario.namespaces ?? {}).map(([role, n]) => [role, n.name]));
  await checkPreconditions(kube, scenario);
  for (const ns of [namespace, ...Object.values(others)]) await clearNamespace(kube, ns, progress);
  if (scenario.exclusive) await takeExclusiveLock(kube, namespace, options.exclusiveWaitMs ?? 0, options.signal);
  const record: AttemptRecord = {
    scenario: scenario.id,
    namespace,
    startedAt: new Date().toISOString(),
    hintsUsed: 0,
    revealed: false,
    fingerprint: {},
    nodeResources: [],
    clusterObjects: [],
    state: 'injecting',
    ...(Object.keys(others).length ? { namespaces: others } : {}),
    ...(options.drill ? { drill: options.drill } : {}),
    ...(options.proof ? { proof: true as const } : {}),
  };
  const labels: Record<string, string> = { ...options.labels, [MANAGED_BY]: 'kubedrill', [SCENARIO_LABEL]: scenario.id };
  if (options.drill) labels[DRILL_LABEL] = options.drill;
  await kube.createNamespace(namespace, { ...scenario.namespaceLabels, ...labels }, encodeRecord(record, await signingKey()));
  try {
    for (const [role, ns] of Object.entries(others)) {
      await kube.createNamespace(ns, { ...scenario.namespaces?.[role]?.labels, ...labels, [ATTEMPT_NS_LABEL]: namespace }, {});
    }
    await options.prepare?.(namespace);
    await runInjectSteps({ kube, scenario, record, progress, signal: options.signal, save: (r) => writeAttempt(kube, r) });
    const symptomSeconds = await progress.step(`wait for the symptom: ${scenario.symptom.description}`, () =>
      waitForSymptom(kube, scenario, namespace, options.signal),
    );
    const stored = await readAttempt(kube, record, snapshotKinds(scenario));
    record.fingerprint = fingerprint(scenario, stored);
    // Kept PriorityClasses are recorded even when no Deployment names them.
    const keptClasses = (scenario.keep ?? []).filter((k) => k.kind === 'PriorityClass').map((k) => k.name);
    const baseline = encodeBaseline(storedObjects(stored, keptClasses));
    record.baselineDigest = baseline.digest;
    record.state = 'active';
    record.startedAt = new Date().toISOString();
    await writeAttempt(kube, record, { [BASELINE]: baseline.annotation });
    return { record, symptomSeconds };
  } catch (error) {
    await cleanupAttempt(kube, record, progress).catch(() => undefined);
    throw error;
  }
}


/** End an attempt: clean up everything it made and record it in history unless it already passed. */
export async function stopAttempt(kube: Kube, record: AttemptRecord, progress: Progress): Promise<void> {
  await cleanupAttempt(kube, record, progress);
  if (!record.passedAt && record.state === 'active') {
    await appendHistory({
      type: 'attempt',
      scenario: record.scenario,
      namespace: record.namespace,
      startedAt: record.startedAt,
      endedAt: new Date().toISOString(),
      passed: false,
      seconds: (Date.now() - Date.parse(record.startedAt)) / 1000,
      hintsUsed: record.hintsUsed,
      revealed: record.revealed,
      ...(record.drill ? { drill: record.drill } : {}),
    });
  }
}

/** UIDs of the injected namespaced objects, their Deployments' ReplicaSets and StatefulSets' ControllerRevisions: checks follow these, not names ("<role>:Kind/name" in another namespace). */
function fingerprint(scenario: ScenarioView, snapshot: Snapshot): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { role, objects } of injectedByRole(scenario)) {
    const read = role === 'main' ? snapshot : snapshot.others?.[role];
    if (!read) continue;
    for (const object of objects) {
      if (isClusterScoped(object.kind) || !FINGERPRINTED.has(object.kind)) continue;
      const uid = findObject(read, object.kind as ObjectKind, object.metadata.name)?.metadata?.uid;
      const prefix = role === 'main' ? '' : `${role}:`;
      if (uid) result[`${prefix}${object.kind}/${object.metadata.name}`] = uid;
      // A Deployment's ReplicaSets hold its injected revisions (templateEquals compares with them, not with a learner's).
      if (uid && object.kind === 'Deployment') {
        for (const rs of read.replicaSets) {
          if (rs.metadata?.ownerReferences?.some((o) => o.uid === uid) && rs.metadata.uid) result[`${prefix}ReplicaSet/${rs.metadata.name}`] = rs.metadata.uid;
        }
      }
      // A StatefulSet's ControllerRevisions likewise (read when a templateEquals check names it).
      if (uid && object.kind === 'StatefulSet') {
        for (const r of read.controllerRevisions ?? []) {
          if (r.metadata?.ownerReferences?.some((o) => o.uid === uid) && r.metadata.uid) result[`${prefix}ControllerRevision/${r.metadata.name}`] = r.metadata.uid;
        }
      }
    }
  }
  // Node labels as they were, where a check judges placement by them (a label added to be selected on is a changed node).
  if (scenario.checks.some((c) => c.kind === 'nodeTargeted')) {
    for (const node of snapshot.nodes) {
      for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) result[nodeLabelKey(node.metadata?.name ?? '', key)] = value;
    }
  }
  return result;
}

// Kinds whose identity a check follows (a recreated one is not the injected one). Secrets, claims and
// RBAC objects are followed by name: recreating them is often the honest fix (a RoleBinding's roleRef is immutable).
const FINGERPRINTED = new Set(['Deployment', 'Service', 'ConfigMap', 'NetworkPolicy', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** The scenario's manifest objects grouped by the namespace role their apply step names. */
export function injectedByRole(scenario: Pick<ScenarioView, 'inject' | 'manifests'>): Array<{ role: string; objects: KubeObject[] }> {
  return scenario.inject.flatMap((step) => {
    if (!('apply' in step)) return [];
    return [{ role: step.namespace ?? 'main', objects: scenario.manifests.find((m) => m.file === step.apply)?.objects ?? [] }];
  });
}

/** A namespace with that name: ours (abandoned attempt) → cleaned; someone else's → refuse. */
async function clearNamespace(kube: Kube, namespace: string, progress: Progress): Promise<void> {
  const existing = await kube.readNamespace(namespace);
  if (!existing) return;
  if (existing.metadata?.labels?.[MANAGED_BY] !== 'kubedrill') {
    throw new ClusterError(`namespace ${namespace} already exists and was not created by kubedrill; refusing to touch it`, {
      fix: `delete it yourself (kubectl delete namespace ${namespace}) if it is disposable`,
    });
  }
  const old = decodeRecordUnverified(existing);
  await cleanupAttempt(
    kube,
    old ?? { scenario: '', namespace, startedAt: new Date().toISOString(), hintsUsed: 0, revealed: false, fingerprint: {}, nodeResources: [], clusterObjects: [], state: 'injecting' },
    progress,
  );
}

async function checkPreconditions(kube: Kube, scenario: ScenarioView): Promise<void> {
  for (const condition of scenario.preconditions) {
    if (condition === 'noGlobalDefaultPriorityClass') {
      const global = (await kube.listPriorityClasses()).find((c) => c.globalDefault);
      if (global) {
        throw new ClusterError(
          `scenario ${scenario.id} needs pods without a PriorityClass to get priority 0, but PriorityClass ${global.metadata?.name} is globalDefault (value ${global.value})`,
          { fix: `run it on a cluster without a globalDefault PriorityClass, or remove that flag (kubectl delete priorityclass ${global.metadata?.name}) if it is yours` },
        );
      }
    }
  }
}
