import type { AppsV1Api, BatchV1Api, CoreV1Api, DiscoveryV1Api, NetworkingV1Api, RbacAuthorizationV1Api, SchedulingV1Api, StorageV1Api } from '@kubernetes/client-node';
import type { Snapshot } from '../../grader/types.ts';
import type { SnapshotKind } from './kinds.ts';

/** The API clients one read of a namespace lists through. */
export interface SnapshotApis {
  core: CoreV1Api;
  apps: AppsV1Api;
  net: NetworkingV1Api;
  sched: SchedulingV1Api;
  batch: BatchV1Api;
  rbac: RbacAuthorizationV1Api;
  storage: StorageV1Api;
  discovery: DiscoveryV1Api;
}

/** One read of `namespace`: one list call per kind in `only`, all at once; the rest read as empty (the extra kinds as absent). */
export async function readSnapshot(apis: SnapshotApis, namespace: string, only: readonly SnapshotKind[], forbidden?: Set<SnapshotKind>): Promise<Snapshot> {
  const { core, apps, net, sched, batch, rbac, storage, discovery } = apis;

  // A kind left out reads as an empty list (polls that need a few kinds spare the API server the rest).
  const want = new Set(only);
  // With `forbidden` (a workshop seat's read-only look), a list the reader may not make reads as empty and is named there.
  const refused = (kind: SnapshotKind) => (error: unknown): [] => {
    if (!forbidden || !isForbidden(error)) throw error;
    forbidden.add(kind);
    return [];
  };
  const read = <T>(kind: SnapshotKind, list: () => Promise<{ items: T[] }>): Promise<T[] | undefined> => (want.has(kind) ? list().then((r) => r.items, refused(kind)) : Promise.resolve(undefined));
  const [ns, deployments, replicaSets, pods, services, configMaps, networkPolicies, events, nodes, priorityClasses, ...more] = await Promise.all([
    want.has('namespaceObject') ? core.readNamespace({ name: namespace }).catch(() => undefined) : undefined,
    read('deployments', () => apps.listNamespacedDeployment({ namespace })),
    read('replicaSets', () => apps.listNamespacedReplicaSet({ namespace })),
    read('pods', () => core.listNamespacedPod({ namespace })),
    read('services', () => core.listNamespacedService({ namespace })),
    read('configMaps', () => core.listNamespacedConfigMap({ namespace })),
    read('networkPolicies', () => net.listNamespacedNetworkPolicy({ namespace })),
    read('events', () => core.listNamespacedEvent({ namespace })),
    read('nodes', () => core.listNode()),
    read('priorityClasses', () => sched.listPriorityClass()),
    read('statefulSets', () => apps.listNamespacedStatefulSet({ namespace })),
    read('daemonSets', () => apps.listNamespacedDaemonSet({ namespace })),
    read('jobs', () => batch.listNamespacedJob({ namespace })),
    read('cronJobs', () => batch.listNamespacedCronJob({ namespace })),
    read('secrets', () => core.listNamespacedSecret({ namespace })),
    read('endpointSlices', () => discovery.listNamespacedEndpointSlice({ namespace })),
    read('persistentVolumeClaims', () => core.listNamespacedPersistentVolumeClaim({ namespace })),
    read('persistentVolumes', () => core.listPersistentVolume()),
    read('storageClasses', () => storage.listStorageClass()),
    read('serviceAccounts', () => core.listNamespacedServiceAccount({ namespace })),
    read('roles', () => rbac.listNamespacedRole({ namespace })),
    read('roleBindings', () => rbac.listNamespacedRoleBinding({ namespace })),
    read('clusterRoles', () => rbac.listClusterRole()),
    read('clusterRoleBindings', () => rbac.listClusterRoleBinding()),
    read('resourceQuotas', () => core.listNamespacedResourceQuota({ namespace })),
    read('limitRanges', () => core.listNamespacedLimitRange({ namespace })),
    read('controllerRevisions', () => apps.listNamespacedControllerRevision({ namespace })),
  ] as const);
  const [statefulSets, daemonSets, jobs, cronJobs, secrets, endpointSlices, persistentVolumeClaims, persistentVolumes, storageClasses, serviceAccounts, roles, roleBindings, clusterRoles, clusterRoleBindings, resourceQuotas, limitRanges, controllerRevisions] = more;
  const extra = Object.fromEntries(
    Object.entries({ statefulSets, daemonSets, jobs, cronJobs, secrets, endpointSlices, persistentVolumeClaims, persistentVolumes, storageClasses, serviceAccounts, roles, roleBindings, clusterRoles, clusterRoleBindings, resourceQuotas, limitRanges, controllerRevisions }).filter(([, v]) => v !== undefined),
  );
  // Plain JSON (dates as ISO strings): the same shape as recorded fixtures.
  return concerning(
    plain({
      takenAt: Date.now(),
      namespace,
      namespaceObject: ns,
      deployments: deployments ?? [],
      replicaSets: replicaSets ?? [],
      pods: pods ?? [],
      services: services ?? [],
      configMaps: configMaps ?? [],
      networkPolicies: networkPolicies ?? [],
      events: events ?? [],
      nodes: nodes ?? [],
      priorityClasses: priorityClasses ?? [],
      ...extra,
    }) as Snapshot,
  );
}

/**
 * A snapshot with its cluster-scoped extras cut down to what concerns its
 * namespace: PVs claimed from it, ClusterRoleBindings naming its
 * ServiceAccounts, the ClusterRoles those and its RoleBindings name, the
 * StorageClasses its claims and their volumes use — and anything labelled
 * as made for it. Other attempts' objects on a shared cluster stay out.
 */
export function concerning(snapshot: Snapshot): Snapshot {
  const ns = snapshot.namespace;
  const ours = (o: { metadata?: { labels?: Record<string, string> } }): boolean => o.metadata?.labels?.['kubedrill.io/attempt-namespace'] === ns;
  const result = { ...snapshot };
  if (snapshot.persistentVolumes) result.persistentVolumes = snapshot.persistentVolumes.filter((pv) => ours(pv) || pv.spec?.claimRef?.namespace === ns);
  if (snapshot.clusterRoleBindings) result.clusterRoleBindings = snapshot.clusterRoleBindings.filter((b) => ours(b) || (b.subjects ?? []).some((s) => s.namespace === ns));
  if (snapshot.clusterRoles) {
    const named = new Set([...(result.clusterRoleBindings ?? []), ...(snapshot.roleBindings ?? [])].filter((b) => b.roleRef.kind === 'ClusterRole').map((b) => b.roleRef.name));
    result.clusterRoles = snapshot.clusterRoles.filter((r) => ours(r) || named.has(r.metadata?.name ?? ''));
  }
  if (snapshot.storageClasses) {
    const used = new Set([...(snapshot.persistentVolumeClaims ?? []).map((c) => c.spec?.storageClassName), ...(result.persistentVolumes ?? []).map((v) => v.spec?.storageClassName)]);
    result.storageClasses = snapshot.storageClasses.filter((c) => ours(c) || used.has(c.metadata?.name));
  }
  return result;
}

/** Plain JSON (dates as ISO strings): the shape of recorded fixtures. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isForbidden(error: unknown): boolean {
  return (error as { code?: number })?.code === 403 || /HTTP-Code: 403/.test(String((error as Error)?.message));
}

type Listed = Promise<{ items: unknown[] }>;

/** Each namespaced kind listed across every namespace at once. */
const ACROSS: Partial<Record<SnapshotKind, (apis: SnapshotApis) => Listed>> = {
  deployments: (a) => a.apps.listDeploymentForAllNamespaces(),
  replicaSets: (a) => a.apps.listReplicaSetForAllNamespaces(),
  pods: (a) => a.core.listPodForAllNamespaces(),
  services: (a) => a.core.listServiceForAllNamespaces(),
  configMaps: (a) => a.core.listConfigMapForAllNamespaces(),
  networkPolicies: (a) => a.net.listNetworkPolicyForAllNamespaces(),
  events: (a) => a.core.listEventForAllNamespaces(),
  statefulSets: (a) => a.apps.listStatefulSetForAllNamespaces(),
  daemonSets: (a) => a.apps.listDaemonSetForAllNamespaces(),
  jobs: (a) => a.batch.listJobForAllNamespaces(),
  cronJobs: (a) => a.batch.listCronJobForAllNamespaces(),
  secrets: (a) => a.core.listSecretForAllNamespaces(),
  endpointSlices: (a) => a.discovery.listEndpointSliceForAllNamespaces(),
  persistentVolumeClaims: (a) => a.core.listPersistentVolumeClaimForAllNamespaces(),
  serviceAccounts: (a) => a.core.listServiceAccountForAllNamespaces(),
  roles: (a) => a.rbac.listRoleForAllNamespaces(),
  roleBindings: (a) => a.rbac.listRoleBindingForAllNamespaces(),
  resourceQuotas: (a) => a.core.listResourceQuotaForAllNamespaces(),
  limitRanges: (a) => a.core.listLimitRangeForAllNamespaces(),
  controllerRevisions: (a) => a.apps.listControllerRevisionForAllNamespaces(),
};

/** The cluster-scoped kinds, listed once and shared by every namespace's snapshot. */
const CLUSTER: Partial<Record<SnapshotKind, (apis: SnapshotApis) => Listed>> = {
  nodes: (a) => a.core.listNode(),
  priorityClasses: (a) => a.sched.listPriorityClass(),
  persistentVolumes: (a) => a.core.listPersistentVolume(),
  storageClasses: (a) => a.storage.listStorageClass(),
  clusterRoles: (a) => a.rbac.listClusterRole(),
  clusterRoleBindings: (a) => a.rbac.listClusterRoleBinding(),
};

/** The lists every Snapshot holds, read or not (the rest are present only when read). */
const ALWAYS: readonly SnapshotKind[] = ['deployments', 'replicaSets', 'pods', 'services', 'configMaps', 'networkPolicies', 'events', 'nodes', 'priorityClasses'];

/**
 * One snapshot per namespace from one list call per kind across the whole
 * cluster (and one of namespaces), split by namespace: a room of seats
 * graded at once costs as many calls as one seat. Each snapshot is what
 * readSnapshot would have read for its namespace alone.
 */
export async function readSnapshots(apis: SnapshotApis, namespaces: readonly string[], only: readonly SnapshotKind[]): Promise<Map<string, Snapshot>> {
  const want = new Set(only);
  const kinds = [...want].filter((k) => k !== 'namespaceObject' && (ACROSS[k] || CLUSTER[k]));
  const [nsList, ...lists] = await Promise.all([
    want.has('namespaceObject') ? apis.core.listNamespace() : Promise.resolve({ items: [] }),
    ...kinds.map((k) => (ACROSS[k] ?? CLUSTER[k])!(apis)),
  ]);
  const listed = new Map(kinds.map((k, i) => [k, lists[i]!.items as { metadata?: { namespace?: string; name?: string } }[]]));
  const takenAt = Date.now();
  const result = new Map<string, Snapshot>();
  for (const namespace of namespaces) {
    const snapshot: Record<string, unknown> = { takenAt, namespace, namespaceObject: nsList.items.find((n) => n.metadata?.name === namespace) };
    for (const k of ALWAYS) snapshot[k] = [];
    for (const [k, items] of listed) snapshot[k] = CLUSTER[k] ? items : items.filter((o) => o.metadata?.namespace === namespace);
    result.set(namespace, concerning(plain(snapshot) as unknown as Snapshot));
  }
  return result;
}
