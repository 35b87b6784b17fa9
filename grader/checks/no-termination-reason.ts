import { count, listSome } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { allStatuses } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import type { Where } from '../types.ts';
import { podAt, statusPath, unreadyWhere } from '../where.ts';
import { judged, podLabel, resolveWorkload, strayNote } from '../workload.ts';

/**
 * noTerminationReason: no container of any owned pod — nor of a pod that
 * carries the workload's selector without being owned — shows the reason
 * (e.g. OOMKilled) in state.terminated or lastState.terminated. Needs at
 * least one owned pod: with none there is nothing to prove.
 */
export function noTerminationReason(check: CheckOf<'noTerminationReason'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const note = strayNote(w);
  if (w.pods.length === 0) return fail(`${w.kind} ${w.name}: expected pods without ${check.reason} terminations, saw no pods to inspect${note}`, unreadyWhere(w));
  const hits: string[] = [];
  let first: Where | undefined;
  let containers = 0;
  for (const pod of judged(w)) {
    const label = podLabel(w, pod);
    for (const status of allStatuses(pod)) {
      if (w.pods.includes(pod)) containers++;
      const current = status.state?.terminated;
      const last = status.lastState?.terminated;
      if (current?.reason === check.reason) hits.push(`${label} container ${status.name} state.terminated.reason ${check.reason} (exit ${current.exitCode})`);
      else if (last?.reason === check.reason) hits.push(`${label} container ${status.name} lastState.terminated.reason ${check.reason} (exit ${last.exitCode})`);
      else continue;
      first ??= podAt(pod, statusPath(pod, status.name, current?.reason === check.reason ? 'state.terminated' : 'lastState.terminated'));
    }
  }
  if (first) return fail(`${w.kind} ${w.name}: expected no ${check.reason}, saw ${listSome(hits)}${note}`, first);
  return pass(`${w.kind} ${w.name}: no ${check.reason} in state or lastState of ${count(containers, 'container')} in ${count(w.pods.length, 'pod')}${note}`);
}
