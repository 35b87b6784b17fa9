import { count, listSome } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { ObservationOf, Outcome } from '../outcome.ts';
import { allStatuses, podName } from '../pod-state.ts';
import type { Snapshot } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/** podTerminated: some container of an owned pod terminated (now or last time) with `reason` and/or `exitCode`. */
export function podTerminated(o: ObservationOf<'podTerminated'>, snapshot: Snapshot): Outcome {
  const found = resolveWorkload({ snapshot, name: o.workload });
  if (!found.ok) return fail(found.reason, found.where);
  const want = [o.reason ?? 'any reason', o.exitCode === undefined ? undefined : `exit ${o.exitCode}`].filter(Boolean).join(', ');
  const seen: string[] = [];
  for (const pod of found.workload.pods) {
    for (const status of allStatuses(pod)) {
      for (const [field, t] of [['state', status.state?.terminated], ['lastState', status.lastState?.terminated]] as const) {
        if (!t) continue;
        const matches = (o.reason === undefined || t.reason === o.reason) && (o.exitCode === undefined || t.exitCode === o.exitCode);
        const what = `pod ${podName(pod)} container ${status.name} ${field}.terminated ${t.reason ?? '(no reason)'} (exit ${t.exitCode})`;
        if (matches) return pass(what);
        seen.push(what);
      }
    }
  }
  return fail(`${workloadLabel(o.workload)}: expected a container terminated with ${want}, saw ${seen.length ? listSome(seen) : 'no terminations'} in ${count(found.workload.pods.length, 'pod')}`, workloadAt(o.workload));
}
