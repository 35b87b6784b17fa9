import { count, listSome } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { ObservationOf, Outcome } from '../outcome.ts';
import { allStatuses, describeState, podName } from '../pod-state.ts';
import type { Snapshot } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/** podWaiting: some container (init or regular) of an owned pod is waiting with one of `reasons`. */
export function podWaiting(o: ObservationOf<'podWaiting'>, snapshot: Snapshot): Outcome {
  const found = resolveWorkload({ snapshot, name: o.workload });
  if (!found.ok) return fail(found.reason, found.where);
  const wanted = o.reasons.join('|');
  const seen: string[] = [];
  for (const pod of found.workload.pods) {
    for (const status of allStatuses(pod)) {
      const reason = status.state?.waiting?.reason;
      if (reason !== undefined && o.reasons.includes(reason)) {
        return pass(`pod ${podName(pod)} container ${status.name} is waiting with ${reason}`);
      }
      seen.push(`${podName(pod)}/${status.name} ${describeState(status.state)}`);
    }
    if (allStatuses(pod).length === 0) seen.push(`${podName(pod)} ${pod.status?.phase ?? 'Unknown'}, no container statuses`);
  }
  return fail(`${workloadLabel(o.workload)}: expected a container waiting with ${wanted}, saw ${seen.length ? listSome(seen) : 'no pods'} in ${count(found.workload.pods.length, 'pod')}`, workloadAt(o.workload));
}
