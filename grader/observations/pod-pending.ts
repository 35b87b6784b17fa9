import { count, listSome } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { ObservationOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { Snapshot } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/** podPending: an owned pod is in phase Pending, its PodScheduled condition with `reason` (e.g. Unschedulable) when given. */
export function podPending(o: ObservationOf<'podPending'>, snapshot: Snapshot): Outcome {
  const found = resolveWorkload({ snapshot, name: o.workload });
  if (!found.ok) return fail(found.reason, found.where);
  const seen: string[] = [];
  for (const pod of found.workload.pods) {
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const phase = pod.status?.phase ?? 'Unknown';
    const why = scheduled?.reason ? ` (PodScheduled ${scheduled.status} ${scheduled.reason})` : '';
    if (phase === 'Pending' && (o.reason === undefined || scheduled?.reason === o.reason)) return pass(`pod ${podName(pod)} is Pending${why}`);
    seen.push(`${podName(pod)} ${phase}${why}`);
  }
  const want = o.reason ? `Pending with PodScheduled reason ${o.reason}` : 'Pending';
  return fail(`${workloadLabel(o.workload)}: expected a pod ${want}, saw ${seen.length ? listSome(seen) : 'no pods'} (${count(found.workload.pods.length, 'pod')})`, workloadAt(o.workload));
}
