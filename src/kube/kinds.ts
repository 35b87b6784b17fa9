import type { Snapshot } from '../../grader/types.ts';

/** The parts of a Snapshot one read can be limited to. */
export type SnapshotKind = Exclude<keyof Snapshot, 'takenAt' | 'namespace' | 'others'>;

/** What every grading reads: the kinds the original checks know. */
export const BASE_KINDS: readonly SnapshotKind[] = [
  'namespaceObject',
  'deployments',
  'replicaSets',
  'pods',
  'services',
  'configMaps',
  'networkPolicies',
  'events',
  'nodes',
  'priorityClasses',
];

/** The snapshot list an API kind lives in (only the kinds a scenario can name). */
const LIST_OF: Record<string, SnapshotKind> = {
  StatefulSet: 'statefulSets',
  DaemonSet: 'daemonSets',
  Job: 'jobs',
  CronJob: 'cronJobs',
  Secret: 'secrets',
  EndpointSlice: 'endpointSlices',
  PersistentVolumeClaim: 'persistentVolumeClaims',
  PersistentVolume: 'persistentVolumes',
  StorageClass: 'storageClasses',
  ServiceAccount: 'serviceAccounts',
  Role: 'roles',
  RoleBinding: 'roleBindings',
  ClusterRole: 'clusterRoles',
  ClusterRoleBinding: 'clusterRoleBindings',
  ResourceQuota: 'resourceQuotas',
  LimitRange: 'limitRanges',
};

/** Kinds a check kind reads beyond the workloads and objects it names. */
const CHECK_READS: Record<string, SnapshotKind[]> = {
  secretData: ['secrets'],
  claimBound: ['persistentVolumeClaims', 'persistentVolumes'],
  // The ServiceAccount must exist, `default` included (which no manifest creates).
  accessReview: ['serviceAccounts'],
  // An envFrom Secret later in the list may supply the variable whatever the check's source.
  envSource: ['secrets'],
  // A database pod's IP pinned in a Secret or a hand-made EndpointSlice is found there.
  logNamesTarget: ['secrets', 'endpointSlices'],
  // The Service's endpoints are judged: who wrote them, and what they list.
  serviceRoutes: ['endpointSlices'],
};

/**
 * The kinds one grading of a scenario reads: the base kinds, plus the list
 * of every kind its manifests create or its checks and keep-list name
 * (a StatefulSet check reads statefulSets, a Secret check secrets…). Still
 * one list call per kind per namespace, whatever the number of checks.
 */
export function snapshotKinds(scenario: { injected: Array<{ kind: string }>; checks: Array<Record<string, unknown> & { kind: string }>; keep?: Array<{ kind: string }> }): SnapshotKind[] {
  const kinds = new Set<SnapshotKind>(BASE_KINDS);
  const add = (kind: string | undefined): void => {
    const list = kind ? LIST_OF[kind] : undefined;
    if (list) kinds.add(list);
    // A CronJob's pods are found through its Jobs.
    if (kind === 'CronJob') kinds.add('jobs');
  };
  for (const o of scenario.injected) add(o.kind);
  for (const k of scenario.keep ?? []) add(k.kind);
  for (const check of scenario.checks) {
    for (const list of CHECK_READS[check.kind] ?? []) kinds.add(list);
    // A StatefulSet's revisions live in ControllerRevisions (a Deployment's in its ReplicaSets, read anyway).
    if (check.kind === 'templateEquals' && (check.workload as { kind?: string } | undefined)?.kind === 'StatefulSet') kinds.add('controllerRevisions');
    for (const value of Object.values(check)) {
      if (value && typeof value === 'object' && 'kind' in value) add(String((value as { kind: unknown }).kind));
    }
  }
  return [...kinds];
}
