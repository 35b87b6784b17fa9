import { count, listSome } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { allStatuses, podName } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { resolveWorkload, strayNote } from '../workload.ts';

/**
 * noTerminationReason: no container of any owned pod shows the reason (e.g.
 * OOMKilled) in state.terminated or lastState.terminated. Needs at least one
 * pod: with none there is nothing to prove.
 */
export function noTerminationReason(check: CheckOf<'noTerminationReason'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(found.reason);
  const w = found.workload;
  const note = strayNote(w);
  if (w.pods.length === 0) return fail(`Deployment ${w.name}: expected pods without ${check.reason} terminations, saw no pods to inspect${note}`);
  const hits: string[] = [];
  let containers = 0;
  for (const pod of w.pods) {
    for (const status of allStatuses(pod)) {
      containers++;
      const current = status.state?.terminated;
      const last = status.lastState?.terminated;
      if (current?.reason === check.reason) hits.push(`pod ${podName(pod)} container ${status.name} state.terminated.reason ${check.reason} (exit ${current.exitCode})`);
      else if (last?.reason === check.reason) hits.push(`pod ${podName(pod)} container ${status.name} lastState.terminated.reason ${check.reason} (exit ${last.exitCode})`);
    }
  }
  if (hits.length > 0) return fail(`Deployment ${w.name}: expected no ${check.reason}, saw ${listSome(hits)}${note}`);
  return pass(`Deployment ${w.name}: no ${check.reason} in state or lastState of ${count(containers, 'container')} in ${count(w.pods.length, 'pod')}${note}`);
}
