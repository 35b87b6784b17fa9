import { fail, finalFail, pass } from '../outcome.ts';
import { deployment } from '../where.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { resolveWorkload, strayNote } from '../workload.ts';

/**
 * rolloutComplete: `kubectl rollout status` would report success (its
 * DeploymentStatusViewer rules, in its order) AND spec.replicas is the
 * expected count AND the rollout is not paused — so scaling to zero or
 * pausing a broken rollout never passes. Those two are final failures
 * (only the learner writes a Deployment's spec); status never is.
 */
export function rolloutComplete(check: CheckOf<'rolloutComplete'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const d = w.deployment;
  const subject = `Deployment ${w.name}`;
  const note = strayNote(w);
  const specReplicas = d.spec?.replicas ?? 1;
  if (specReplicas !== check.replicas) {
    return finalFail(`${subject} spec.replicas: expected ${check.replicas}, saw ${specReplicas}${note}`, deployment(w.name, 'spec.replicas'));
  }
  if (d.spec?.paused) return finalFail(`${subject} spec.paused: expected false, saw true (rollout is paused)${note}`, deployment(w.name, 'spec.paused'));

  const status = d.status ?? {};
  const generation = d.metadata?.generation ?? 0;
  const observed = status.observedGeneration ?? 0;
  if (generation > observed) {
    return fail(`${subject} status.observedGeneration: expected ${generation} (metadata.generation), saw ${observed} (spec update not yet observed)${note}`, deployment(w.name, 'status.observedGeneration'));
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    const message = progressing.message ? `: ${progressing.message}` : '';
    return fail(`${subject} exceeded its progress deadline (condition Progressing reason ProgressDeadlineExceeded${message})${note}`, deployment(w.name, 'status.conditions[type=Progressing]'));
  }
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < specReplicas) {
    return fail(`${subject} status.updatedReplicas: expected ${specReplicas}, saw ${updated} (${updated} of ${specReplicas} new replicas updated)${note}`, deployment(w.name, 'status.updatedReplicas'));
  }
  if (total > updated) {
    return fail(`${subject} status.replicas: expected ${updated} (updatedReplicas), saw ${total} (${total - updated} old replicas pending termination)${note}`, deployment(w.name, 'status.replicas'));
  }
  if (available < updated) {
    return fail(`${subject} status.availableReplicas: expected ${updated} (updatedReplicas), saw ${available} (${available} of ${updated} updated replicas available)${note}`, deployment(w.name, 'status.availableReplicas'));
  }
  return pass(`${subject} successfully rolled out: ${specReplicas}/${check.replicas} replicas updated and available, generation ${generation} observed${note}`);
}
