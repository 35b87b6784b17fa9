import { describe, expect, it } from 'vitest';
import type { V1Namespace } from '@kubernetes/client-node';
import { takeExclusiveLock } from './exclusive.ts';

/** A lock with the API's semantics: atomic create, holder stored; namespaces by name. */
function fakeCluster(namespaces: string[]) {
  let holder: string | undefined;
  const live = new Set(namespaces);
  return {
    live,
    holder: (): string | undefined => holder,
    release: (): void => {
      holder = undefined;
    },
    async acquireLock(_name: string, who: string, stale: (h: string) => Promise<boolean>): Promise<string | undefined> {
      if (holder === undefined || holder === who || (await stale(holder))) {
        holder = who;
        return undefined;
      }
      return holder;
    },
    async readNamespace(name: string): Promise<V1Namespace | undefined> {
      return live.has(name) ? { metadata: { name } } : undefined;
    },
  };
}

describe('takeExclusiveLock', () => {
  it('takes a free lock', async () => {
    const cluster = fakeCluster([]);
    await takeExclusiveLock(cluster, 'preemption', 0);
    expect(cluster.holder()).toBe('preemption');
  });

  it('refuses at once while another live attempt holds it, naming it and how to stop it', async () => {
    const cluster = fakeCluster(['preemption']);
    await takeExclusiveLock(cluster, 'preemption', 0);
    await expect(takeExclusiveLock(cluster, 'preemption-v3', 0)).rejects.toMatchObject({
      message: expect.stringMatching(/running in namespace preemption; only one such scenario/),
      fix: 'wait for it to end, or stop it: kubedrill stop preemption',
    });
  });

  it('takes over from a holder whose namespace is gone (a killed run)', async () => {
    const cluster = fakeCluster(['old']);
    await takeExclusiveLock(cluster, 'old', 0);
    cluster.live.delete('old');
    await takeExclusiveLock(cluster, 'new', 0);
    expect(cluster.holder()).toBe('new');
  });

  it('waits for the holder to release it when asked to wait', async () => {
    const cluster = fakeCluster(['a']);
    await takeExclusiveLock(cluster, 'a', 0);
    setTimeout(() => cluster.release(), 30);
    await takeExclusiveLock(cluster, 'b', 1000, undefined, 10);
    expect(cluster.holder()).toBe('b');
  });
});
