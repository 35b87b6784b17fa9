import type { V1StatefulSet } from '@kubernetes/client-node';
import type { Kube } from '../kube/client.ts';
import { pollUntil } from './wait.ts';

/**
 * Whether a StatefulSet has settled on its template as `kubectl rollout
 * status sts` would say (spec observed, every replica ready and on
 * updateRevision, currentRevision caught up), and what was seen. An inject
 * step that updates the template next must wait for this: applied while the
 * first pods are still coming up, the update would reach every ordinal.
 */
export function statefulSetSettled(s: V1StatefulSet | undefined): { done: boolean; seen: string } {
  if (!s) return { done: false, seen: 'no such StatefulSet' };
  const want = s.spec?.replicas ?? 1;
  const st = s.status ?? { replicas: 0 };
  const observed = (st.observedGeneration ?? 0) >= (s.metadata?.generation ?? 1);
  const ready = st.readyReplicas ?? 0;
  const updated = st.updatedReplicas ?? 0;
  const caughtUp = st.updateRevision !== undefined && st.updateRevision === st.currentRevision;
  const seen = `${ready}/${want} ready, ${updated} updated of ${st.replicas ?? 0}, currentRevision ${st.currentRevision ?? 'unset'} (update ${st.updateRevision ?? 'unset'})${observed ? '' : ', latest spec not yet observed'}`;
  return { done: observed && ready >= want && updated >= want && (st.replicas ?? 0) <= want && caughtUp, seen };
}

/** Wait until StatefulSet `name` has settled ({@link statefulSetSettled}); returns what was seen last. */
export async function waitStatefulSetReady(kube: Kube, namespace: string, name: string, timeoutMs: number, signal?: AbortSignal): Promise<{ done: boolean; seen: string }> {
  const changes = kube.changes(namespace, ['pods']);
  return pollUntil(
    async () => statefulSetSettled((await kube.snapshot(namespace, ['statefulSets'])).statefulSets?.find((x) => x.metadata?.name === name)),
    { timeoutMs, signal, intervalMs: 3000, changes },
  ).finally(() => changes.close());
}
