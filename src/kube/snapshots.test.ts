import { describe, expect, it } from 'vitest';
import { BASE_KINDS, type SnapshotKind } from './kinds.ts';
import { readSnapshot, readSnapshots, type SnapshotApis } from './snapshot.ts';

/** The cluster a fake API serves: objects by API kind (Pod, Node…), namespaced ones with metadata.namespace. */
const cluster: Record<string, { metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: unknown }[]> = {
  Namespace: [{ metadata: { name: 'seat-01-crashloop' } }, { metadata: { name: 'seat-02-crashloop' } }, { metadata: { name: 'kube-system' } }],
  Pod: [
    { metadata: { name: 'api-1', namespace: 'seat-01-crashloop' } },
    { metadata: { name: 'api-2', namespace: 'seat-02-crashloop' } },
    { metadata: { name: 'coredns', namespace: 'kube-system' } },
  ],
  Deployment: [{ metadata: { name: 'api', namespace: 'seat-01-crashloop' } }, { metadata: { name: 'api', namespace: 'seat-02-crashloop' } }],
  Secret: [{ metadata: { name: 'db', namespace: 'seat-02-crashloop' } }],
  Node: [{ metadata: { name: 'node-1' } }],
  PriorityClass: [{ metadata: { name: 'seat-01-high' } }],
  ClusterRoleBinding: [{ metadata: { name: 'other' }, subjects: [{ kind: 'ServiceAccount', name: 'x', namespace: 'elsewhere' }], roleRef: { kind: 'ClusterRole', name: 'view' } }],
};

/** Answers every list and read method of the client APIs the way the API server would, counting calls. */
function fakeApis(calls: string[]): SnapshotApis {
  const api = new Proxy(
    {},
    {
      get: (_t, method: string) => async (args: { namespace?: string; name?: string } = {}) => {
        calls.push(method);
        const across = /^list(\w+?)ForAllNamespaces$/.exec(method);
        const namespaced = /^listNamespaced(\w+)$/.exec(method);
        const clusterList = /^list(\w+)$/.exec(method);
        if (method === 'readNamespace') return cluster.Namespace!.find((n) => n.metadata.name === args.name);
        if (across) return { items: cluster[across[1]!] ?? [] };
        if (namespaced) return { items: (cluster[namespaced[1]!] ?? []).filter((o) => o.metadata.namespace === args.namespace) };
        if (clusterList) return { items: cluster[clusterList[1]!] ?? [] };
        throw new Error(`fake API has no ${method}`);
      },
    },
  );
  return { core: api, apps: api, net: api, sched: api, batch: api, rbac: api, storage: api, discovery: api } as unknown as SnapshotApis;
}

describe('a room read at once', () => {
  const kinds: SnapshotKind[] = [...BASE_KINDS, 'secrets', 'clusterRoleBindings'];
  const namespaces = ['seat-01-crashloop', 'seat-02-crashloop', 'seat-03-gone'];

  it('gives each namespace what reading it alone gives, with one list call per kind', async () => {
    const calls: string[] = [];
    const room = await readSnapshots(fakeApis(calls), namespaces, kinds);
    expect(calls).toHaveLength(kinds.length);
    for (const namespace of namespaces) {
      const alone = await readSnapshot(fakeApis([]), namespace, kinds);
      expect({ ...room.get(namespace), takenAt: 0 }).toEqual({ ...alone, takenAt: 0 });
    }
    expect(room.get('seat-02-crashloop')!.pods.map((p) => p.metadata?.name)).toEqual(['api-2']);
    expect(room.get('seat-03-gone')!.namespaceObject).toBeUndefined();
  });
});
