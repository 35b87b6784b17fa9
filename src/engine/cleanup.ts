import type { Kube } from '../kube/client.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { Progress } from '../../cluster/progress.ts';
import { EXCLUSIVE_LOCK } from '../attempt/record.ts';
import { ATTEMPT_NS_LABEL } from './labels.ts';
import { selectorMatches } from '../../grader/selector.ts';
import { HOST_TASK_NAMESPACE, removeHostPath } from './host-files.ts';
import { constrainedKeys, nodeLabelKey } from '../../grader/checks/node-targeted.ts';

const SYSTEM_CLASSES = new Set(['system-cluster-critical', 'system-node-critical']);

/**
 * Undo an attempt: restore node resources, delete its namespaces, the
 * cluster-scoped objects its manifests created, what the learner made
 * outside its namespaces for it (ClusterRoleBindings naming its
 * ServiceAccounts and the ClusterRoles only those name, PersistentVolumes
 * claimed from it — each created after the attempt began; see
 * {@link learnerClusterObjects}) and the PriorityClasses the learner created for it
 * (referenced from the namespace, created after the attempt started, used by
 * no pod elsewhere), then delete the namespace and wait until it is gone.
 * A globalDefault class created during an attempt that changed cluster-wide
 * state goes too, though other namespaces' pods name it (admission writes its
 * name into every new pod): only one such attempt runs at a time (the
 * exclusive lock), so it is that attempt's; any other attempt leaves it.
 * Last, the directories it seeded on nodes go (after its namespaces, waited
 * for); HostPathsLeftError names any that could not be proven removed.
 */
export async function cleanupAttempt(
  kube: Kube,
  record: AttemptRecord,
  progress: Progress,
  options: { wait?: boolean } = {},
): Promise<void> {
  const namespace = record.namespace;
  // Waiting matters when the name is reused (start, reset) or node resources
  // must be free again; a verify case's unique namespace (and its own copy of
  // every cluster-scoped name) can go in the background.
  const wait = options.wait ?? true;
  const others = Object.values(record.namespaces ?? {});
  await progress.step(`clean up namespace ${[namespace, ...others].join(', ')}`, async () => {
    const learnerClasses = await learnerPriorityClasses(kube, record);
    const learnerObjects = await learnerClusterObjects(kube, record);
    const nodeLabels = await learnerNodeLabels(kube, record);
    // With seeded node directories, wait until the namespaces are gone: a container that starts after its
    // hostPath directory was removed has the runtime create it again (empty).
    const seeded = (record.hostPaths ?? []).length > 0;
    // The namespaces go first: their pods must not keep using resources we restore.
    const stuck = await Promise.all([namespace, ...others].map((ns) => kube.deleteNamespace(ns, wait || seeded ? undefined : 0))).then(
      () => undefined,
      (error: Error) => error,
    );
    if (stuck && !seeded) throw stuck;
    for (const { node, resource } of record.nodeResources) await kube.setNodeResource(node, resource, null);
    for (const { node, key } of record.nodeLabels ?? []) await kube.setNodeLabel(node, key, null);
    for (const { node, key, value } of nodeLabels) await kube.setNodeLabel(node, key, value);
    for (const object of [...record.clusterObjects, ...learnerObjects]) await kube.deleteClusterObject(object.kind, object.name);
    for (const name of learnerClasses) await kube.deletePriorityClass(name);
    await kube.releaseLock(EXCLUSIVE_LOCK, namespace);
    const hostLeft = stuck ? hostPathsKept(record, `not removed: ${stuck.message}`) : await removeHostPaths(kube, record);
    if (hostLeft.length > 0) throw new HostPathsLeftError(hostLeft);
  });
}

/** Node directories an attempt seeded that cleanup could not prove removed (everything else was cleaned up). */
export class HostPathsLeftError extends Error {
  readonly left: Leftover[];
  constructor(left: Leftover[]) {
    super(`could not remove ${left.map((l) => `${l.name} (${l.why})`).join('; ')}`);
    this.name = 'HostPathsLeftError';
    this.left = left;
  }
}

/**
 * Remove each directory the attempt seeded on a node, once its namespaces are
 * gone (the removing pod runs in namespace default); what could not be proven
 * gone, as leftovers.
 */
async function removeHostPaths(kube: Kube, record: AttemptRecord): Promise<Leftover[]> {
  const left: Leftover[] = [];
  for (const target of record.hostPaths ?? []) {
    const why = await removeHostPath(kube, HOST_TASK_NAMESPACE, target);
    if (why) left.push(...hostPathsKept({ ...record, hostPaths: [target] }, why));
  }
  return left;
}

function hostPathsKept(record: AttemptRecord, why: string): Leftover[] {
  return (record.hostPaths ?? []).map((t) => ({ kind: 'HostPath', name: `${t.node}:${t.path}`, why: `seeded for namespace ${record.namespace}; ${why}` }));
}

/**
 * Node labels the learner changed for the attempt: a label its workloads'
 * node constraints name that differs from what the node carried when the
 * attempt began (recorded in the fingerprint where a check judges placement),
 * with the value to put back (null: remove). The labels the scenario itself
 * set are its record's, removed anyway.
 */
export async function learnerNodeLabels(kube: Kube, record: AttemptRecord): Promise<Array<{ node: string; key: string; value: string | null }>> {
  const recorded = Object.keys(record.fingerprint).filter((k) => k.startsWith('NodeLabel/'));
  if (recorded.length === 0) return [];
  const reads = await Promise.all([record.namespace, ...Object.values(record.namespaces ?? {})].map((ns) => kube.snapshot(ns, ['deployments', 'statefulSets', 'daemonSets']).catch(() => undefined)));
  const templates = reads.flatMap((s) => [...(s?.deployments ?? []), ...(s?.statefulSets ?? []), ...(s?.daemonSets ?? [])]).map((w) => w.spec?.template.spec);
  const keys = new Set(templates.flatMap((spec) => [...constrainedKeys(spec)]));
  const ours = new Set((record.nodeLabels ?? []).map((l) => `${l.node}/${l.key}`));
  const nodes = await kube.listNodes().catch(() => []);
  return nodes.flatMap((n) => {
    const node = n.metadata?.name ?? '';
    if (!recorded.some((k) => k.startsWith(nodeLabelKey(node, '')))) return [];
    return [...keys].flatMap((key) => {
      const was = record.fingerprint[nodeLabelKey(node, key)];
      const now = n.metadata?.labels?.[key];
      return was === now || ours.has(`${node}/${key}`) ? [] : [{ node, key, value: was ?? null }];
    });
  });
}

/**
 * What a learner made outside the attempt's namespaces for it: the
 * ClusterRoleBindings naming one of its ServiceAccounts; the ClusterRoles
 * those or its RoleBindings name, and the ones such a role aggregates, that
 * no other binding names; and the PersistentVolumes claimed from its
 * namespaces — each created after the attempt began (a cluster's own
 * objects, and other attempts', are older or name other namespaces).
 */
export async function learnerClusterObjects(kube: Kube, record: AttemptRecord): Promise<Array<{ kind: string; name: string }>> {
  const namespaces = new Set([record.namespace, ...Object.values(record.namespaces ?? {})]);
  const started = Date.parse(record.startedAt) - 1000;
  const made = (o: { metadata?: { creationTimestamp?: Date | string; name?: string } }): boolean => Date.parse(String(o.metadata?.creationTimestamp ?? 0)) >= started && Boolean(o.metadata?.name);
  const injected = new Set(record.clusterObjects.map((o) => `${o.kind}/${o.name}`));
  const all = await kube.listClusterObjects().catch(() => undefined);
  if (!all) return [];
  const bindings = all.clusterRoleBindings.filter((b) => made(b) && (b.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && namespaces.has(s.namespace ?? '')));
  const gone = new Set(bindings.map((b) => b.metadata?.name));
  const stillNamed = new Set(all.clusterRoleBindings.filter((b) => !gone.has(b.metadata?.name)).map((b) => b.roleRef.name));
  // RoleBindings go with their namespaces: the ClusterRoles they name are read before.
  const roleBindings = (await Promise.all([...namespaces].map((ns) => kube.snapshot(ns, ['roleBindings']).catch(() => undefined)))).flatMap((s) => s?.roleBindings ?? []);
  const named = new Set([...bindings, ...roleBindings].filter((b) => b.roleRef.kind === 'ClusterRole').map((b) => b.roleRef.name));
  const ours = all.clusterRoles.filter((r) => made(r) && named.has(r.metadata?.name ?? ''));
  // The parts an aggregated role of ours gathers, when the learner made them too.
  const parts = all.clusterRoles.filter((r) => made(r) && ours.some((agg) => (agg.aggregationRule?.clusterRoleSelectors ?? []).some((sel) => selectorMatches(sel, r.metadata?.labels))));
  const roles = [...new Set([...ours, ...parts])].filter((r) => !stillNamed.has(r.metadata?.name ?? ''));
  const volumes = all.persistentVolumes.filter((v) => made(v) && namespaces.has(v.spec?.claimRef?.namespace ?? ''));
  return [
    ...bindings.map((b) => ({ kind: 'ClusterRoleBinding', name: b.metadata!.name! })),
    ...roles.map((r) => ({ kind: 'ClusterRole', name: r.metadata!.name! })),
    ...volumes.map((v) => ({ kind: 'PersistentVolume', name: v.metadata!.name! })),
  ].filter((o) => !injected.has(`${o.kind}/${o.name}`));
}

/** A cluster-scoped object a run left behind, and why it counts as the run's. */
export interface Leftover {
  kind: string;
  name: string;
  why: string;
}

/**
 * The sweep after a proof run: cluster-scoped objects that still stand (not
 * being deleted) and belong to one of `namespaces` — labelled as made for it,
 * a ClusterRoleBinding naming one of its ServiceAccounts, a PersistentVolume
 * claimed from it, a PriorityClass labelled for it. Cleanup should have
 * removed every one; what is listed here would pile up on a learner's cluster.
 */
export async function leftovers(kube: Kube, namespaces: ReadonlySet<string>, suffixes: ReadonlySet<string> = new Set()): Promise<Leftover[]> {
  const all = await kube.listClusterObjects();
  const standing = (o: { metadata?: { deletionTimestamp?: unknown } }): boolean => !o.metadata?.deletionTimestamp;
  // Labelled for one of the namespaces, or named with a case's $KD_SUFFIX (scripts name what they create so).
  const labelled = (o: { metadata?: { name?: string; labels?: Record<string, string> } }): string | undefined => {
    const ns = o.metadata?.labels?.[ATTEMPT_NS_LABEL];
    if (ns && namespaces.has(ns)) return `labelled for namespace ${ns}`;
    const suffix = [...suffixes].find((x) => o.metadata?.name?.endsWith(x));
    return suffix ? `named with a case's suffix ${suffix}` : undefined;
  };
  const found: Leftover[] = [];
  const add = (kind: string, o: { metadata?: { name?: string } }, why: string | undefined): void => {
    if (why) found.push({ kind, name: o.metadata?.name ?? '?', why });
  };
  for (const o of all.persistentVolumes.filter(standing)) add('PersistentVolume', o, labelled(o) ?? (namespaces.has(o.spec?.claimRef?.namespace ?? '') ? `claimed from namespace ${o.spec?.claimRef?.namespace}` : undefined));
  for (const o of all.clusterRoleBindings.filter(standing)) {
    const subject = (o.subjects ?? []).find((x) => x.kind === 'ServiceAccount' && namespaces.has(x.namespace ?? ''));
    add('ClusterRoleBinding', o, labelled(o) ?? (subject ? `binds ServiceAccount ${subject.namespace}/${subject.name}` : undefined));
  }
  for (const o of all.clusterRoles.filter(standing)) add('ClusterRole', o, labelled(o));
  for (const o of all.storageClasses.filter(standing)) add('StorageClass', o, labelled(o));
  for (const o of all.priorityClasses.filter(standing)) add('PriorityClass', o, labelled(o));
  return found;
}

async function learnerPriorityClasses(kube: Kube, record: AttemptRecord): Promise<string[]> {
  const snapshot = await kube.snapshot(record.namespace).catch(() => undefined);
  if (!snapshot) return [];
  const referenced = new Set<string>();
  for (const d of snapshot.deployments) {
    const name = d.spec?.template?.spec?.priorityClassName;
    if (name) referenced.add(name);
  }
  for (const p of snapshot.pods) if (p.spec?.priorityClassName) referenced.add(p.spec.priorityClassName);
  const injected = new Set(record.clusterObjects.filter((o) => o.kind === 'PriorityClass').map((o) => o.name));
  const started = Date.parse(record.startedAt);
  const classes = snapshot.priorityClasses.filter(
    (c) =>
      referenced.has(c.metadata?.name ?? '') &&
      !injected.has(c.metadata?.name ?? '') &&
      !SYSTEM_CLASSES.has(c.metadata?.name ?? '') &&
      Date.parse(String(c.metadata?.creationTimestamp ?? 0)) >= started - 1000,
  );
  if (classes.length === 0) return [];
  const clusterWide = record.nodeResources.length > 0 || record.clusterObjects.length > 0;
  // A class some other namespace's pods use is not ours to delete.
  const usedElsewhere = new Set<string>();
  for (const p of await kube.listAllPods()) {
    if (p.metadata?.namespace !== record.namespace && p.spec?.priorityClassName) usedElsewhere.add(p.spec.priorityClassName);
  }
  return classes
    .filter((c) => (c.globalDefault === true && clusterWide) || !usedElsewhere.has(c.metadata?.name ?? ''))
    .map((c) => c.metadata?.name ?? '')
    .filter(Boolean);
}
