import type { V1Namespace } from '@kubernetes/client-node';
import type { Kube } from '../kube/client.ts';
import type { Snapshot } from '../../grader/types.ts';

/**
 * An in-memory Kube that keeps namespaces (labels, annotations) and answers
 * snapshots with empty lists: enough for the drill's record, finish and timer
 * logic in unit tests. Anything else throws; the real client is covered by
 * test/real/drill.test.ts.
 */
export function fakeKube(): Kube & { namespaces: Map<string, V1Namespace>; snapshots: string[] } {
  const namespaces = new Map<string, V1Namespace>();
  const snapshots: string[] = [];
  const unsupported = (name: string) => (): never => {
    throw new Error(`fakeKube: ${name} is not faked`);
  };
  const matches = (ns: V1Namespace, selector: string): boolean =>
    selector.split(',').every((term) => {
      const [key, value] = term.split('=');
      return ns.metadata?.labels?.[key!] === value;
    });
  return {
    namespaces,
    snapshots,
    context: 'fake',
    apply: unsupported('apply'),
    exec: unsupported('exec'),
    logs: unsupported('logs'),
    access: unsupported('access'),
    admit: unsupported('admit'),
    runPod: unsupported('runPod'),
    deleteClusterObject: async () => undefined,
    listClusterObjects: async () => ({ persistentVolumes: [], storageClasses: [], clusterRoles: [], clusterRoleBindings: [], priorityClasses: [] }),
    listNodes: async () => [],
    setNodeResource: unsupported('setNodeResource'),
    setNodeLabel: unsupported('setNodeLabel'),
    listPriorityClasses: async () => [],
    listAllPods: async () => [],
    deletePriorityClass: async () => undefined,
    acquireLock: async () => undefined,
    releaseLock: async () => undefined,
    ping: async () => undefined,
    changes: () => ({ wait: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10))), close: () => undefined }),
    eventLag: () => ({ seconds: () => 0, close: () => undefined }),
    async readNamespace(name) {
      return structuredClone(namespaces.get(name));
    },
    async listNamespaces(selector) {
      return [...namespaces.values()].filter((ns) => matches(ns, selector)).map((ns) => structuredClone(ns));
    },
    async createNamespace(name, labels, annotations) {
      if (namespaces.has(name)) throw new Error(`namespaces "${name}" already exists`);
      namespaces.set(name, { metadata: { name, labels, annotations }, status: { phase: 'Active' } });
    },
    async annotateNamespace(name, annotations) {
      const ns = namespaces.get(name);
      if (!ns) throw new Error(`namespaces "${name}" not found`);
      const merged: Record<string, string> = { ...ns.metadata!.annotations };
      for (const [key, value] of Object.entries(annotations)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      ns.metadata!.annotations = merged;
    },
    async deleteNamespace(name) {
      namespaces.delete(name);
    },
    async snapshot(namespace): Promise<Snapshot> {
      snapshots.push(namespace);
      return { takenAt: Date.now(), namespace, deployments: [], replicaSets: [], pods: [], services: [], configMaps: [], networkPolicies: [], events: [], nodes: [], priorityClasses: [] };
    },
    async snapshotAll(names: readonly string[]): Promise<Map<string, Snapshot>> {
      return new Map(await Promise.all(names.map(async (n) => [n, await this.snapshot(n)] as const)));
    },
  } as Kube & { namespaces: Map<string, V1Namespace>; snapshots: string[] };
}
