import { count, listSome } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podProblems, problemPath } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { podAt, unreadyWhere } from '../where.ts';
import { desiredText, judged, podLabel, resolveWorkload, strayNote } from '../workload.ts';

/**
 * podsHealthy: the workload owns at least one pod, and every pod it owns or
 * that carries its selector (a bare or orphaned pod, being its Service's too)
 * is Running and Ready with every container running and ready. Waiting
 * reasons (ErrImagePull, CrashLoopBackOff, ContainerCreating…) are named.
 * Pods being deleted and Succeeded/Failed pods are not judged.
 */
export function podsHealthy(check: CheckOf<'podsHealthy'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const note = strayNote(w);
  if (w.pods.length === 0) {
    return fail(`${w.kind} ${w.name} pods: expected at least 1 Running and Ready pod, saw none (${desiredText(w)})${note}`, unreadyWhere(w));
  }
  const all = judged(w);
  const sick = all.map((p) => ({ pod: p, problems: podProblems(p) })).filter((p) => p.problems.length > 0);
  const unhealthy = sick.map((p) => `${podLabel(w, p.pod)}: ${p.problems.join(', ')}`);
  if (sick[0]) {
    return fail(`${w.kind} ${w.name}: ${unhealthy.length} of ${count(all.length, 'pod')} not Running and Ready — ${listSome(unhealthy)}${note}`, podAt(sick[0].pod, problemPath(sick[0].pod)));
  }
  return pass(`${w.kind} ${w.name}: ${count(w.pods.length, 'pod')} Running and Ready, every container running and ready${note}`);
}
