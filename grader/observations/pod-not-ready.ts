import { fail, pass } from '../outcome.ts';
import type { ObservationOf, Outcome } from '../outcome.ts';
import { podName, podReady } from '../pod-state.ts';
import type { Snapshot } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/** podNotReady: the workload owns at least one pod and some owned pod is not Ready. */
export function podNotReady(o: ObservationOf<'podNotReady'>, snapshot: Snapshot): Outcome {
  const found = resolveWorkload({ snapshot, name: o.workload });
  if (!found.ok) return fail(found.reason, found.where);
  const pods = found.workload.pods;
  if (pods.length === 0) return fail(`${workloadLabel(o.workload)}: expected a pod that is not Ready, saw no pods`, workloadAt(o.workload));
  const notReady = pods.find((p) => !podReady(p));
  if (notReady) return pass(`pod ${podName(notReady)} is not Ready (phase ${notReady.status?.phase ?? 'Unknown'})`);
  return fail(`${workloadLabel(o.workload)}: expected a pod that is not Ready, saw all ${pods.length} Ready`, workloadAt(o.workload));
}
