import type { NodeAccess } from '../../cluster/node-access.ts';
import {
  AppsV1Api,
  AuthorizationV1Api,
  BatchV1Api,
  CoreV1Api,
  DiscoveryV1Api,
  RbacAuthorizationV1Api,
  StorageV1Api,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
  PatchStrategy,
  SchedulingV1Api,
  setHeaderOptions,
  type KubernetesObject,
  type V1Namespace,
  type V1Node,
  type V1Pod,
  type V1PriorityClass,
} from '@kubernetes/client-node';
import type { AccessAnswer, AccessQuestion, ExecResult, KubeObject, Snapshot } from '../../grader/types.ts';
import { BASE_KINDS, type SnapshotKind } from './kinds.ts';
import { plain, readSnapshot, readSnapshots, type SnapshotApis } from './snapshot.ts';
import { execInPod } from './exec.ts';
import { watchChanges, type Changes, type WatchedKind } from './changes.ts';
import { watchEventLag, type EventLag } from './event-lag.ts';
import { ClusterError } from '../../cluster/errors.ts';
import { typedForClient } from './wire.ts';

export type { SnapshotKind } from './kinds.ts';

/** The field manager of every object kubedrill applies. */
export const FIELD_MANAGER = 'kubedrill';

/** Kinds that live outside namespaces (the ones scenarios may use). */
const CLUSTER_SCOPED = new Set(['PriorityClass', 'Namespace', 'Node', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PersistentVolume', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);

/** Whether `kind` is cluster-scoped. */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/**
 * The one module that talks to the Kubernetes API. Everything else in src/
 * goes through a Kube; unit tests hand in a fake with the same shape.
 */
export interface Kube {
  readonly context: string;
  /** Root on the cluster's nodes (kind, local), for the node probe; absent where kubedrill cannot reach them. */
  readonly nodes?: NodeAccess;
  /** Server-side apply (field manager kubedrill, forced) into `namespace` (ignored for cluster-scoped kinds). */
  apply(objects: KubeObject[], namespace: string): Promise<void>;
  /** One read of the namespace: one list call per kind (`only` those kinds, default BASE_KINDS; the rest read as empty). */
  snapshot(namespace: string, only?: readonly SnapshotKind[]): Promise<Snapshot>;
  /** Snapshots of many namespaces from one list call per kind across the cluster (a workshop's room), by namespace. */
  snapshotAll(namespaces: readonly string[], only?: readonly SnapshotKind[]): Promise<Map<string, Snapshot>>;
  exec(namespace: string, pod: string, container: string | undefined, command: string[], timeoutMs?: number): Promise<ExecResult>;
  /** A container's log, the previous instance's with `previous`, the last `tail` lines when given. */
  logs(namespace: string, pod: string, container: string | undefined, options?: { previous?: boolean; tail?: number }): Promise<string>;
  /** Ask the authorizer (a SubjectAccessReview) whether a ServiceAccount may do something. */
  access(question: AccessQuestion): Promise<AccessAnswer>;
  /** A server-side dry-run create of `pod` in `namespace`: admitted, or the API server's refusal. */
  admit(namespace: string, pod: V1Pod): Promise<AccessAnswer>;
  /**
   * Create `pod` in `namespace`, wait until it ends (Succeeded or Failed) or
   * `timeoutMs` passes ('Timeout'), read its log, then delete it and wait
   * until it is gone: a one-shot task such as writing a node's directory.
   */
  runPod(namespace: string, pod: V1Pod, timeoutMs: number): Promise<{ phase: string; log: string }>;
  /** Delete a cluster-scoped object of one of the kinds attempts make (absent is fine). */
  deleteClusterObject(kind: string, name: string): Promise<void>;
  /** Cluster-scoped objects attempts can leave behind: PVs, StorageClasses, ClusterRoles, ClusterRoleBindings, PriorityClasses. */
  listClusterObjects(): Promise<ClusterObjects>;
  readNamespace(name: string): Promise<V1Namespace | undefined>;
  listNamespaces(labelSelector: string): Promise<V1Namespace[]>;
  createNamespace(name: string, labels: Record<string, string>, annotations: Record<string, string>): Promise<void>;
  /** Merge-patch the namespace's annotations. */
  annotateNamespace(name: string, annotations: Record<string, string | null>): Promise<void>;
  /** Delete and wait until gone (or timeout; 0 = do not wait). */
  deleteNamespace(name: string, timeoutMs?: number): Promise<void>;
  listNodes(): Promise<V1Node[]>;
  /** Set (quantity) or remove (null) an extended resource in a node's status capacity. */
  setNodeResource(node: string, resource: string, quantity: string | null): Promise<void>;
  /** Set (or with null remove, idempotently) one label on a node. */
  setNodeLabel(node: string, key: string, value: string | null): Promise<void>;
  listPriorityClasses(): Promise<V1PriorityClass[]>;
  /** Pods of every namespace (cluster-wide questions such as "who uses this PriorityClass"). */
  listAllPods(): Promise<V1Pod[]>;
  deletePriorityClass(name: string): Promise<void>;
  /**
   * Take the cluster-wide lock `name` for `holder` (a ConfigMap in namespace
   * default: creation is atomic). Returns the current holder when someone else
   * has it, undefined when taken. `stale(holder)` true → the lock is taken over.
   */
  acquireLock(name: string, holder: string, stale: (holder: string) => Promise<boolean>): Promise<string | undefined>;
  /** Release the lock if `holder` holds it. */
  releaseLock(name: string, holder: string): Promise<void>;
  /** Cheap reachability probe (GET /version); throws ClusterError when unreachable. */
  ping(): Promise<void>;
  /** Wake a poll when `kinds` change in `namespace` (watches); close it when done. */
  changes(namespace: string, kinds: WatchedKind[]): Changes;
  /** Measure how late the kubelet's events arrive (one watch of every namespace's events); close it when done. */
  eventLag(): EventLag;
}

/** The cluster-scoped objects an attempt can leave behind, each kind's whole list. */
export interface ClusterObjects {
  persistentVolumes: NonNullable<Snapshot['persistentVolumes']>;
  storageClasses: NonNullable<Snapshot['storageClasses']>;
  clusterRoles: NonNullable<Snapshot['clusterRoles']>;
  clusterRoleBindings: NonNullable<Snapshot['clusterRoleBindings']>;
  priorityClasses: Snapshot['priorityClasses'];
}

/** Options for {@link connect}. */
export interface ConnectOptions {
  kubeconfig?: string;
  context?: string;
  /** A reader with a workshop seat's rights: snapshot lists it may not make read as empty and are added here. */
  forbidden?: Set<SnapshotKind>;
  /** The provider's way onto the nodes (`nodeAccessFor`), passed on as `Kube.nodes`. */
  nodes?: NodeAccess | null;
}

/** A Kube backed by a real API server. */
export function connect(options: ConnectOptions = {}): Kube {
  const kc = new KubeConfig();
  if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
  else kc.loadFromDefault();
  if (options.context) kc.setCurrentContext(options.context);
  // Every request of every API client tries again while the API server sheds load.
  const core = admittedApi(kc.makeApiClient(CoreV1Api));
  const apps = admittedApi(kc.makeApiClient(AppsV1Api));
  const net = admittedApi(kc.makeApiClient(NetworkingV1Api));
  const sched = admittedApi(kc.makeApiClient(SchedulingV1Api));
  const batch = admittedApi(kc.makeApiClient(BatchV1Api));
  const rbac = admittedApi(kc.makeApiClient(RbacAuthorizationV1Api));
  const storage = admittedApi(kc.makeApiClient(StorageV1Api));
  const discovery = admittedApi(kc.makeApiClient(DiscoveryV1Api));
  const authz = admittedApi(kc.makeApiClient(AuthorizationV1Api));
  const apis: SnapshotApis = { core, apps, net, sched, batch, rbac, storage, discovery };
  const objects = admittedApi(KubernetesObjectApi.makeApiClient(kc));
  const jsonPatch = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);
  const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
  return {
    context: kc.getCurrentContext(),
    ...(options.nodes ? { nodes: options.nodes } : {}),
    changes: (namespace, kinds) => watchChanges(kc, namespace, kinds),
    eventLag: () => watchEventLag(kc),
    async apply(items, namespace) {
      for (const item of items) {
        const body = structuredClone(item) as KubernetesObject;
        if (!isClusterScoped(item.kind)) body.metadata = { ...body.metadata, namespace };
        const typed = typedForClient(body);
        await whenAdmitted(() => objects.patch(typed, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply));
      }
    },
    snapshot: (namespace, only = BASE_KINDS) => readSnapshot(apis, namespace, only, options.forbidden),
    snapshotAll: (namespaces, only = BASE_KINDS) => readSnapshots(apis, namespaces, only),
    exec: (namespace, pod, container, command, timeoutMs) => execInPod(kc, { namespace, pod, container, command, timeoutMs }),
    async logs(namespace, pod, container, options = {}) {
      const text = await core.readNamespacedPodLog({ name: pod, namespace, container, previous: options.previous, tailLines: options.tail });
      return String(text ?? '');
    },
    async access(question) {
      const { serviceAccount: sa } = question;
      const review = await whenAdmitted(() => authz.createSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: `system:serviceaccount:${sa.namespace}:${sa.name}`,
            groups: ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`, 'system:authenticated'],
            resourceAttributes: {
              verb: question.verb,
              resource: question.resource,
              group: question.group,
              ...(question.subresource ? { subresource: question.subresource } : {}),
              ...(question.resourceName ? { name: question.resourceName } : {}),
              ...(question.namespace ? { namespace: question.namespace } : {}),
            },
          },
        },
      }));
      const status = review.status;
      return { allowed: status?.allowed === true && status?.denied !== true, reason: status?.reason || status?.evaluationError || (status?.allowed ? 'allowed' : 'no rule allows it') };
    },
    async admit(namespace, pod) {
      try {
        await core.createNamespacedPod({ namespace, body: pod, dryRun: 'All' });
        return { allowed: true, reason: 'admitted' };
      } catch (error) {
        const code = (error as { code?: number })?.code;
        if (code !== 403 && code !== 422 && code !== 400) throw error;
        const body = (error as { body?: unknown }).body;
        const message = typeof body === 'string' ? (JSON.parse(body) as { message?: string }).message : (body as { message?: string } | undefined)?.message;
        return { allowed: false, reason: message ?? String((error as Error).message) };
      }
    },
    async runPod(namespace, pod, timeoutMs) {
      const name = pod.metadata?.name ?? '';
      await whenAdmitted(() => core.createNamespacedPod({ namespace, body: pod }));
      const deadline = Date.now() + timeoutMs;
      let phase = 'Pending';
      try {
        while (Date.now() < deadline) {
          phase = (await core.readNamespacedPod({ name, namespace })).status?.phase ?? 'Pending';
          if (phase === 'Succeeded' || phase === 'Failed') break;
          await sleep(1000);
        }
        if (phase !== 'Succeeded' && phase !== 'Failed') phase = 'Timeout';
        const log = phase === 'Timeout' ? '' : String((await core.readNamespacedPodLog({ name, namespace }).catch(() => '')) ?? '');
        return { phase, log };
      } finally {
        await core.deleteNamespacedPod({ name, namespace, gracePeriodSeconds: 0 }).catch(() => undefined);
        for (let gone = false, i = 0; !gone && i < 60; i++) {
          gone = await core.readNamespacedPod({ name, namespace }).then(() => false, (error: unknown) => isNotFound(error));
          if (!gone) await sleep(500);
        }
      }
    },
    async deleteClusterObject(kind, name) {
      const apiVersion = CLUSTER_API_VERSIONS[kind];
      if (!apiVersion) throw new Error(`deleteClusterObject: ${kind} is not a kind attempts or workshops make`);
      try {
        await objects.delete({ apiVersion, kind, metadata: { name } });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    async listClusterObjects() {
      const [pvs, classes, roles, bindings, priority] = await Promise.all([
        core.listPersistentVolume(),
        storage.listStorageClass(),
        rbac.listClusterRole(),
        rbac.listClusterRoleBinding(),
        sched.listPriorityClass(),
      ]);
      return plain({ persistentVolumes: pvs.items, storageClasses: classes.items, clusterRoles: roles.items, clusterRoleBindings: bindings.items, priorityClasses: priority.items });
    },
    async readNamespace(name) {
      try {
        return await core.readNamespace({ name });
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async listNamespaces(labelSelector) {
      return (await core.listNamespace({ labelSelector })).items;
    },
    async createNamespace(name, labels, annotations) {
      await whenAdmitted(() => core.createNamespace({ body: { metadata: { name, labels, annotations } } }));
    },
    async annotateNamespace(name, annotations) {
      await core.patchNamespace({ name, body: { metadata: { annotations } } }, mergePatch);
    },
    async deleteNamespace(name, timeoutMs = 180_000) {
      try {
        await core.deleteNamespace({ name });
      } catch (error) {
        if (isNotFound(error)) return;
        throw error;
      }
      if (timeoutMs === 0) return;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        try {
          await core.readNamespace({ name });
        } catch (error) {
          if (isNotFound(error)) return;
          throw error;
        }
        await sleep(500);
      }
      throw new ClusterError(`namespace ${name} still terminating after ${timeoutMs / 1000}s`);
    },
    async listNodes() {
      return (await core.listNode()).items;
    },
    async setNodeResource(node, resource, quantity) {
      // Capacity and allocatable together: the scheduler reads allocatable, and
      // the kubelet would copy it over only at its next node status update.
      const key = resource.replace(/~/g, '~0').replace(/\//g, '~1');
      const paths = [`/status/capacity/${key}`, `/status/allocatable/${key}`];
      if (quantity === null) {
        // Idempotent restore: removing a resource that is already gone is a no-op.
        const current = await core.readNode({ name: node });
        const present = [current.status?.capacity?.[resource] !== undefined, current.status?.allocatable?.[resource] !== undefined];
        const ops = paths.filter((_, i) => present[i]).map((path) => ({ op: 'remove', path }));
        if (ops.length > 0) await core.patchNodeStatus({ name: node, body: ops }, jsonPatch);
        return;
      }
      await core.patchNodeStatus({ name: node, body: paths.map((path) => ({ op: 'add', path, value: quantity })) }, jsonPatch);
    },
    async setNodeLabel(node, key, value) {
      // A merge patch: null removes the key, and removing an absent one is a no-op.
      await core.patchNode({ name: node, body: { metadata: { labels: { [key]: value } } } }, mergePatch);
    },
    async listPriorityClasses() {
      return (await sched.listPriorityClass()).items;
    },
    async listAllPods() {
      return (await core.listPodForAllNamespaces()).items;
    },
    async deletePriorityClass(name) {
      try {
        await sched.deletePriorityClass({ name });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    async acquireLock(name, holder, stale) {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await core.createNamespacedConfigMap({
            namespace: 'default',
            body: { metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kubedrill' } }, data: { holder } },
          });
          return undefined;
        } catch (error) {
          if ((error as { code?: number })?.code !== 409 && !/HTTP-Code: 409/.test(String((error as Error)?.message))) throw error;
        }
        const current = await core.readNamespacedConfigMap({ name, namespace: 'default' }).catch(() => undefined);
        const who = current?.data?.holder;
        if (who === holder) return undefined;
        if (who !== undefined && !(await stale(who))) return who;
        await core.deleteNamespacedConfigMap({ name, namespace: 'default' }).catch(() => undefined);
      }
      return 'unknown';
    },
    async releaseLock(name, holder) {
      const current = await core.readNamespacedConfigMap({ name, namespace: 'default' }).catch(() => undefined);
      if (current?.data?.holder === holder) await core.deleteNamespacedConfigMap({ name, namespace: 'default' }).catch(() => undefined);
    },
    async ping() {
      const cluster = kc.getCurrentCluster();
      try {
        await core.listNamespace({ limit: 1, timeoutSeconds: 5 });
      } catch (error) {
        throw new ClusterError(`cluster unreachable: context ${kc.getCurrentContext()} (${cluster?.server ?? 'no server'})`, {
          cause: error,
          fix: 'run `kubedrill up` to bring the kubedrill cluster up, or `kubedrill up --provider existing --context <name>`',
        });
      }
    },
  };
}

/** The API version of each cluster-scoped kind an attempt or a workshop can make. */
export const CLUSTER_API_VERSIONS: Record<string, string> = {
  PriorityClass: 'scheduling.k8s.io/v1',
  PersistentVolume: 'v1',
  StorageClass: 'storage.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  // A workshop's guardrails (src/workshop/guardrails.ts).
  ValidatingAdmissionPolicy: 'admissionregistration.k8s.io/v1',
  ValidatingAdmissionPolicyBinding: 'admissionregistration.k8s.io/v1',
};

/**
 * An API client whose every request goes through whenAdmitted: a 429 on any
 * call (a list in a snapshot, a delete in cleanup, a read in injection) is
 * tried again, not reported as a failed case. Methods that return no promise
 * are passed through as they are.
 */
export function admittedApi<T extends object>(api: T): T {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const first = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (typeof (first as { then?: unknown } | undefined)?.then !== 'function') return first;
        let used = false;
        return whenAdmitted(() => {
          if (used) return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          used = true;
          return first as Promise<unknown>;
        });
      };
    },
  });
}

/**
 * Run a request again while the API server sheds load (429 Too Many
 * Requests, its priority and fairness queues full on a busy 2-core cluster):
 * up to 8 tries, waiting its Retry-After (1 s) plus a little more each time
 * (28 s in all).
 */
export async function whenAdmitted<T>(request: () => Promise<T>, tries = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const code = (error as { code?: number })?.code;
      if (attempt >= tries || (code !== 429 && !/HTTP-Code: 429/.test(String((error as Error)?.message)))) throw error;
      await sleep(1000 * attempt);
    }
  }
}

/** Whether an API error is a 404. */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: number; statusCode?: number })?.code ?? (error as { statusCode?: number })?.statusCode;
  return code === 404 || /HTTP-Code: 404/.test(String((error as Error)?.message));
}

/** Promise-based sleep. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
