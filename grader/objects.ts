import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { CheckOf } from './outcome.ts';
import type { Snapshot } from './types.ts';

/** The kinds a check may name in an object reference. */
export type ObjectKind = CheckOf<'objectExists'>['object']['kind'];

/** Any API object: what the grader reads of every kind. */
export interface AnyObject {
  metadata?: V1ObjectMeta;
}

/** The snapshot's list for a kind. */
export function objectsOf(snapshot: Snapshot, kind: ObjectKind): AnyObject[] {
  switch (kind) {
    case 'Deployment':
      return snapshot.deployments;
    case 'ReplicaSet':
      return snapshot.replicaSets;
    case 'Pod':
      return snapshot.pods;
    case 'Service':
      return snapshot.services;
    case 'ConfigMap':
      return snapshot.configMaps;
    case 'NetworkPolicy':
      return snapshot.networkPolicies;
    case 'PriorityClass':
      return snapshot.priorityClasses;
    case 'StatefulSet':
      return snapshot.statefulSets ?? [];
    case 'DaemonSet':
      return snapshot.daemonSets ?? [];
    case 'Job':
      return snapshot.jobs ?? [];
    case 'CronJob':
      return snapshot.cronJobs ?? [];
    case 'Secret':
      return snapshot.secrets ?? [];
    case 'ServiceAccount':
      return snapshot.serviceAccounts ?? [];
    case 'Role':
      return snapshot.roles ?? [];
    case 'RoleBinding':
      return snapshot.roleBindings ?? [];
    case 'PersistentVolumeClaim':
      return snapshot.persistentVolumeClaims ?? [];
    case 'Namespace':
      return snapshot.namespaceObject ? [snapshot.namespaceObject] : [];
    case 'ResourceQuota':
      return snapshot.resourceQuotas ?? [];
  }
}

/** The object of that kind and name in the snapshot, if any. */
export function findObject(snapshot: Snapshot, kind: ObjectKind, name: string): AnyObject | undefined {
  return objectsOf(snapshot, kind).find((o) => o.metadata?.name === name);
}
