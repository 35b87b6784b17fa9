import type { V1DaemonSet, V1Deployment, V1StatefulSet } from '@kubernetes/client-node';
import { fail, finalFail, pass } from '../outcome.ts';
import { workloadAt } from '../where.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { resolveWorkload, strayNote, type Workload } from '../workload.ts';

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
  if (w.kind === 'StatefulSet') return statefulSetRollout(check, w);
  if (w.kind === 'DaemonSet') return daemonSetRollout(check, w);
  if (w.kind !== 'Deployment') return fail(`internal: rolloutComplete judges Deployments, StatefulSets and DaemonSets, not a ${w.kind} (use jobComplete or podsHealthy)`, workloadAt(w));
  const d = w.object as V1Deployment;
  const subject = `Deployment ${w.name}`;
  const note = strayNote(w);
  const specReplicas = d.spec?.replicas ?? 1;
  if (specReplicas !== check.replicas) {
    return finalFail(`${subject} spec.replicas: expected ${check.replicas}, saw ${specReplicas}${note}`, workloadAt(w.name, 'spec.replicas'));
  }
  if (d.spec?.paused) return finalFail(`${subject} spec.paused: expected false, saw true (rollout is paused)${note}`, workloadAt(w.name, 'spec.paused'));

  const status = d.status ?? {};
  const generation = d.metadata?.generation ?? 0;
  const observed = status.observedGeneration ?? 0;
  if (generation > observed) {
    return fail(`${subject} status.observedGeneration: expected ${generation} (metadata.generation), saw ${observed} (spec update not yet observed)${note}`, workloadAt(w.name, 'status.observedGeneration'));
  }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    const message = progressing.message ? `: ${progressing.message}` : '';
    return fail(`${subject} exceeded its progress deadline (condition Progressing reason ProgressDeadlineExceeded${message})${note}`, workloadAt(w.name, 'status.conditions[type=Progressing]'));
  }
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < specReplicas) {
    return fail(`${subject} status.updatedReplicas: expected ${specReplicas}, saw ${updated} (${updated} of ${specReplicas} new replicas updated)${note}`, workloadAt(w.name, 'status.updatedReplicas'));
  }
  if (total > updated) {
    return fail(`${subject} status.replicas: expected ${updated} (updatedReplicas), saw ${total} (${total - updated} old replicas pending termination)${note}`, workloadAt(w.name, 'status.replicas'));
  }
  if (available < updated) {
    return fail(`${subject} status.availableReplicas: expected ${updated} (updatedReplicas), saw ${available} (${available} of ${updated} updated replicas available)${note}`, workloadAt(w.name, 'status.availableReplicas'));
  }
  return pass(`${subject} successfully rolled out: ${specReplicas}/${check.replicas} replicas updated and available, generation ${generation} observed${note}`);
}

/**
 * A StatefulSet's rollout, by `kubectl rollout status sts` (its
 * StatefulSetStatusViewer, in its order): the spec update observed, every
 * replica ready, and — since kubectl calls a partitioned rollout "complete"
 * with old pods left — no partition holding pods back (spec, so final):
 * every replica updated and, under RollingUpdate, updateRevision equal to
 * currentRevision. kubectl refuses OnDelete; there the controller never
 * moves currentRevision, so every pod at updateRevision is the whole rollout.
 */
function statefulSetRollout(check: CheckOf<'rolloutComplete'>, w: Workload): Outcome {
  const s = w.object as V1StatefulSet;
  const subject = `StatefulSet ${w.name}`;
  const at = (path: string) => workloadAt(w, path);
  const replicas = s.spec?.replicas ?? 1;
  if (replicas !== check.replicas) return finalFail(`${subject} spec.replicas: expected ${check.replicas}, saw ${replicas}`, at('spec.replicas'));
  const partition = s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  if (partition > 0) return finalFail(`${subject} spec.updateStrategy.rollingUpdate.partition: expected 0 (every pod on the current template), saw ${partition} (pods below ordinal ${partition} are held back)`, at('spec.updateStrategy.rollingUpdate.partition'));
  const status = s.status ?? { replicas: 0 };
  const generation = s.metadata?.generation ?? 0;
  const observed = status.observedGeneration ?? 0;
  if (observed === 0 || generation > observed) return fail(`${subject} status.observedGeneration: expected ${generation} (metadata.generation), saw ${observed} (spec update not yet observed)`, at('status.observedGeneration'));
  const ready = status.readyReplicas ?? 0;
  if (ready < replicas) return fail(`${subject} status.readyReplicas: expected ${replicas}, saw ${ready} (waiting for ${replicas - ready} pods to be ready)${strayNote(w)}`, at('status.readyReplicas'));
  const updated = status.updatedReplicas ?? 0;
  // Under OnDelete the controller never moves currentRevision: every pod at updateRevision is the whole rollout.
  const onDelete = s.spec?.updateStrategy?.type === 'OnDelete';
  if (updated < replicas || (!onDelete && status.updateRevision !== status.currentRevision)) {
    const current = onDelete ? 'OnDelete: a pod takes the new template only once deleted' : `currentRevision ${status.currentRevision ?? '?'}`;
    return fail(`${subject} rolling update: expected every pod at revision ${status.updateRevision ?? '?'}, saw ${updated} of ${replicas} updated (${current})`, at(onDelete ? 'status.updatedReplicas' : 'status.currentRevision'));
  }
  const available = status.availableReplicas ?? ready;
  if (available < replicas) return fail(`${subject} status.availableReplicas: expected ${replicas}, saw ${available}`, at('status.availableReplicas'));
  return pass(`${subject} rolling update complete: ${replicas}/${check.replicas} pods ready at revision ${status.updateRevision}${strayNote(w)}`);
}

/**
 * A DaemonSet's rollout, by `kubectl rollout status ds` (DaemonSetStatusViewer):
 * the spec update observed, every scheduled pod updated and available — and
 * desiredNumberScheduled is the expected count, so a nodeSelector that
 * matches no node (nothing to roll out) never passes.
 */
function daemonSetRollout(check: CheckOf<'rolloutComplete'>, w: Workload): Outcome {
  const d = w.object as V1DaemonSet;
  const subject = `DaemonSet ${w.name}`;
  const at = (path: string) => workloadAt(w, path);
  const status = d.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  const generation = d.metadata?.generation ?? 0;
  const observed = status.observedGeneration ?? 0;
  if (generation > observed) return fail(`${subject} status.observedGeneration: expected ${generation} (metadata.generation), saw ${observed} (spec update not yet observed)`, at('status.observedGeneration'));
  const desired = status.desiredNumberScheduled;
  if (desired !== check.replicas) return fail(`${subject} status.desiredNumberScheduled: expected ${check.replicas} (a pod on every node it should run on), saw ${desired}`, at('status.desiredNumberScheduled'));
  const updated = status.updatedNumberScheduled ?? 0;
  if (updated < desired) return fail(`${subject} status.updatedNumberScheduled: expected ${desired}, saw ${updated} (${desired - updated} pods not yet updated)`, at('status.updatedNumberScheduled'));
  const available = status.numberAvailable ?? 0;
  if (available < desired) return fail(`${subject} status.numberAvailable: expected ${desired}, saw ${available} (${desired - available} pods not available)${strayNote(w)}`, at('status.numberAvailable'));
  return pass(`${subject} successfully rolled out: ${updated} of ${desired} pods updated and available${strayNote(w)}`);
}
