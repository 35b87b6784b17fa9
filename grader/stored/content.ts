import type { Snapshot } from '../types.ts';

/**
 * What an object holds, as the API server stored it, without what the server
 * or controllers keep changing (status, uid, resourceVersion, generation,
 * managedFields, the Deployment revision annotation): two contents differ only
 * where someone changed the object.
 */
export interface StoredObject {
  kind: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** spec (workloads, Services, policies), data (ConfigMaps), rules (Roles), subjects and roleRef (RoleBindings), or the fields of a PriorityClass. */
  body: Record<string, unknown>;
}

/** Objects a learner edits, by kind, from a snapshot (pods and ReplicaSets belong to their controllers). */
export const STORED_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Service', 'ConfigMap', 'NetworkPolicy', 'ServiceAccount', 'Role', 'RoleBinding', 'PriorityClass', 'ResourceQuota'] as const;

// Written by the server, controllers or kubectl itself, never a learner's intent.
const NOISE_ANNOTATIONS = new Set(['deployment.kubernetes.io/revision', 'kubectl.kubernetes.io/last-applied-configuration']);
const SYSTEM_CONFIGMAPS = new Set(['kube-root-ca.crt']);
const SYSTEM_CLASSES = /^system-/;

// What a learner can change of each kind beyond its metadata (default: spec).
const BODY: Record<string, string[]> = {
  ConfigMap: ['data', 'binaryData', 'immutable'],
  PriorityClass: ['value', 'globalDefault', 'preemptionPolicy', 'description'],
  ServiceAccount: ['automountServiceAccountToken', 'imagePullSecrets'],
  Role: ['rules'],
  RoleBinding: ['subjects', 'roleRef'],
};

type Meta = { name?: string; uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
type Raw = { metadata?: Meta; [field: string]: unknown };

/** The stored content of one API object (plain JSON) of `kind`. */
export function storedContent(kind: string, object: Raw): StoredObject {
  const meta = object.metadata ?? {};
  const annotations = Object.fromEntries(Object.entries(meta.annotations ?? {}).filter(([key]) => !NOISE_ANNOTATIONS.has(key)));
  const pick = (fields: string[]): Record<string, unknown> =>
    Object.fromEntries(fields.filter((f) => object[f] !== undefined).map((f) => [f, structuredClone(object[f])]));
  const body = pick(BODY[kind] ?? ['spec']);
  return { kind, name: meta.name ?? '', uid: meta.uid ?? '', labels: { ...(meta.labels ?? {}) }, annotations, body };
}

/**
 * Every object of the stored kinds in a snapshot's namespace, plus the
 * PriorityClasses it concerns: those its Deployments name and those in
 * `alsoClasses` (e.g. the ones a baseline holds). PriorityClasses are
 * cluster-wide: on a shared cluster the others belong to other attempts.
 * Sorted by kind, then name.
 */
export function storedObjects(snapshot: Snapshot, alsoClasses: string[] = []): StoredObject[] {
  const classes = new Set(alsoClasses);
  for (const d of snapshot.deployments) if (d.spec?.template?.spec?.priorityClassName) classes.add(d.spec.template.spec.priorityClassName);
  const lists: Array<[string, Raw[]]> = [
    ['Deployment', snapshot.deployments as Raw[]],
    ['StatefulSet', (snapshot.statefulSets ?? []) as Raw[]],
    ['DaemonSet', (snapshot.daemonSets ?? []) as Raw[]],
    ['CronJob', (snapshot.cronJobs ?? []) as unknown as Raw[]],
    ['ServiceAccount', ((snapshot.serviceAccounts ?? []) as Raw[]).filter((a) => a.metadata?.name !== 'default')],
    ['Role', (snapshot.roles ?? []) as Raw[]],
    ['RoleBinding', (snapshot.roleBindings ?? []) as unknown as Raw[]],
    ['Service', snapshot.services as Raw[]],
    ['ConfigMap', (snapshot.configMaps as Raw[]).filter((c) => !SYSTEM_CONFIGMAPS.has(c.metadata?.name ?? ''))],
    ['NetworkPolicy', snapshot.networkPolicies as Raw[]],
    ['ResourceQuota', (snapshot.resourceQuotas ?? []) as Raw[]],
    ['PriorityClass', (snapshot.priorityClasses as Raw[]).filter((c) => classes.has(c.metadata?.name ?? '') && !SYSTEM_CLASSES.test(c.metadata?.name ?? ''))],
  ];
  return lists.flatMap(([kind, items]) => items.map((item) => storedContent(kind, item))).sort(byKindAndName);
}

/** "Deployment/api" — the key a stored object is found by. */
export function storedKey(object: { kind: string; name: string }): string {
  return `${object.kind}/${object.name}`;
}

function byKindAndName(a: StoredObject, b: StoredObject): number {
  const order = (kind: string): number => STORED_KINDS.indexOf(kind as (typeof STORED_KINDS)[number]);
  return order(a.kind) - order(b.kind) || a.name.localeCompare(b.name);
}
