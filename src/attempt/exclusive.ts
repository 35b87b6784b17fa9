import type { Kube } from '../kube/client.ts';
import { ClusterError } from '../../cluster/errors.ts';
import { EXCLUSIVE_LOCK } from './record.ts';

/**
 * One exclusive attempt per cluster, across processes and learners: the lock
 * names the attempt namespace holding it; a holder whose namespace is gone is
 * stale and taken over. cleanupAttempt releases it.
 */
export async function takeExclusiveLock(
  kube: Pick<Kube, 'acquireLock' | 'readNamespace'>,
  namespace: string,
  waitMs: number,
  signal?: AbortSignal,
  pollMs = 2000,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  // A holder still terminating is mid-cleanup (restoring nodes); only a gone one is stale.
  const stale = async (holder: string): Promise<boolean> => !(await kube.readNamespace(holder));
  for (;;) {
    signal?.throwIfAborted();
    const holder = await kube.acquireLock(EXCLUSIVE_LOCK, namespace, stale);
    if (holder === undefined) return;
    if (Date.now() >= deadline) {
      throw new ClusterError(`another attempt that changes cluster-wide state is running in namespace ${holder}; only one such scenario can run at a time`, {
        fix: `wait for it to end, or stop it: kubedrill stop ${holder}`,
      });
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
