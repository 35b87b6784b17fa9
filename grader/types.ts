import type {
  CoreV1Event,
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1ConfigMap,
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1EndpointSlice,
  V1Job,
  V1ControllerRevision,
  V1LimitRange,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1Pod,
  V1PriorityClass,
  V1ReplicaSet,
  V1ResourceQuota,
  V1Role,
  V1RoleBinding,
  V1Secret,
  V1Service,
  V1ServiceAccount,
  V1StatefulSet,
  V1StorageClass,
} from '@kubernetes/client-node';

import type { StoredObject } from './stored/content.ts';

/**
 * One read of an attempt's namespace (one list call per kind) plus the few
 * cluster-scoped kinds scenarios touch. Objects are the API's JSON; timestamps
 * may be Date (live) or ISO strings (recorded fixtures): read them with toMillis().
 * The kinds after `priorityClasses` are read only when a scenario needs them
 * (src/kube/kinds.ts): absent reads as an empty list. Cluster-scoped ones
 * hold only what concerns the attempt (PVs bound to its claims, bindings
 * naming its ServiceAccounts, the classes and roles those name).
 */
export interface Snapshot {
  /** When the reads finished, ms since epoch. */
  takenAt: number;
  namespace: string;
  namespaceObject?: V1Namespace;
  deployments: V1Deployment[];
  replicaSets: V1ReplicaSet[];
  pods: V1Pod[];
  services: V1Service[];
  configMaps: V1ConfigMap[];
  networkPolicies: V1NetworkPolicy[];
  events: CoreV1Event[];
  nodes: V1Node[];
  priorityClasses: V1PriorityClass[];
  statefulSets?: V1StatefulSet[];
  daemonSets?: V1DaemonSet[];
  jobs?: V1Job[];
  cronJobs?: V1CronJob[];
  secrets?: V1Secret[];
  endpointSlices?: V1EndpointSlice[];
  persistentVolumeClaims?: V1PersistentVolumeClaim[];
  persistentVolumes?: V1PersistentVolume[];
  storageClasses?: V1StorageClass[];
  serviceAccounts?: V1ServiceAccount[];
  roles?: V1Role[];
  roleBindings?: V1RoleBinding[];
  clusterRoles?: V1ClusterRole[];
  clusterRoleBindings?: V1ClusterRoleBinding[];
  resourceQuotas?: V1ResourceQuota[];
  limitRanges?: V1LimitRange[];
  /** A StatefulSet's revisions (templateEquals on a StatefulSet compares with those recorded at injection). */
  controllerRevisions?: V1ControllerRevision[];
  /** The attempt's other namespaces, by role (multi-namespace scenarios): the same read of each. */
  others?: Record<string, Snapshot>;
}

/** Result of running a command in a pod. Same shape on success and failure. */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What a SubjectAccessReview asks: may this ServiceAccount do this? */
export interface AccessQuestion {
  serviceAccount: { namespace: string; name: string };
  verb: string;
  resource: string;
  group: string;
  subresource?: string;
  resourceName?: string;
  /** Undefined: cluster-wide. */
  namespace?: string;
}

/** The API server's answer to an AccessQuestion. */
export interface AccessAnswer {
  allowed: boolean;
  /** The authorizer's reason (RBAC names the binding that allowed it). */
  reason: string;
}

/** The only ways a check reaches the cluster beyond the snapshot: exec into a pod, read a container's log, ask the authorizer. */
export interface Probe {
  exec(target: { pod: string; container?: string }, command: string[], options?: { timeoutMs?: number }): Promise<ExecResult>;
  /** A container's log (the previous instance with `previous`), the last `tail` lines when given. */
  logs(target: { pod: string; container?: string }, options?: { previous?: boolean; tail?: number }): Promise<string>;
  /** A SubjectAccessReview through the API. */
  access(question: AccessQuestion): Promise<AccessAnswer>;
  /** Would the API server admit this pod in the probe's namespace now? (a server-side dry-run create) */
  admit(pod: V1Pod): Promise<AccessAnswer>;
  /** Run a command as root on a node (kind: in the node container; local: on this host); absent where kubedrill cannot reach nodes (existing). */
  node?(name: string, command: string[], options?: { timeoutMs?: number }): Promise<ExecResult>;
}

/** A manifest object as written in the scenario files. */
export type KubeObject = { apiVersion: string; kind: string; metadata: { name: string; [k: string]: unknown }; [k: string]: unknown };

/** Identity recorded at injection: "Deployment/api" -> uid ("<role>:Deployment/api" in another namespace of the attempt). Signed with the attempt. */
export type Fingerprint = Record<string, string>;

/** Everything a check may read. */
export interface CheckContext {
  snapshot: Snapshot;
  /** A snapshot taken one stability window earlier (restartsStable). */
  before?: Snapshot;
  probe: Probe;
  /** The scenario's manifests, in inject order (expected values come from here). */
  injected: KubeObject[];
  fingerprint: Fingerprint;
  /** The attempt's objects as the API server stored them once the symptom was seen (keep-lists compare against them). */
  baseline?: StoredObject[];
  /** The attempt's namespaces by role (`main` and each key of the scenario's `namespaces`). */
  namespaces?: Record<string, string>;
  /** A probe into each other namespace of the attempt, by role (`snapshot.others` holds their reads). */
  probes?: Record<string, Probe>;
  /** In the context of another namespace of the attempt (a check's `namespace: <role>`): the main context, whole. */
  attempt?: CheckContext;
}

/**
 * Where a check looked: the object and, when it matters, the field — what
 * `kubedrill hint` points the learner at. Only kinds, names and field paths,
 * never an expected value (those stay in the reason).
 */
export interface Where {
  /** Deployment, Pod, Service, ConfigMap, NetworkPolicy, PriorityClass, Node, Namespace… */
  kind: string;
  name: string;
  /** Set for namespaced kinds (grade() stamps the snapshot's namespace). */
  namespace?: string;
  /** A field path (`status.availableReplicas`, `spec.template.spec.volumes[name=settings]`), a file (`/etc/web/settings.conf`) or a connection (`egress to db:5432`). */
  path?: string;
}

/** A check's outcome. The same shape on pass and fail. */
export interface Verdict {
  id: string;
  passed: boolean;
  /** One line: what was seen and what was expected (also on pass: what held). */
  reason: string;
  /** The object (and field) the verdict is about: on a failure, what was found wrong. */
  where: Where;
  /** On a failure only a learner's change can undo (the tracked object gone, a learner-owned field wrong): see docs/decisions/0080. */
  final?: true;
  /** On a failure final only once the learner has been done this long (what RBAC allows): see docs/decisions/0080. */
  finalAfterS?: number;
}
