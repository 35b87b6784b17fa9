import type { CheckSpec, Observation } from '../src/scenario/schema.ts';
import { configMapData } from './checks/config-map-data.ts';
import { envNamesService } from './checks/env-names-service.ts';
import { fieldCompare } from './checks/field-compare.ts';
import { fileContent } from './checks/file-content.ts';
import { mountsConfigMap } from './checks/mounts-config-map.ts';
import { networkReachable } from './checks/network-reachable.ts';
import { serviceRoutes } from './checks/service-routes.ts';
import { noTerminationReason } from './checks/no-termination-reason.ts';
import { objectAbsent } from './checks/object-absent.ts';
import { objectExists } from './checks/object-exists.ts';
import { objectUnchanged } from './checks/object-unchanged.ts';
import { podsHealthy } from './checks/pods-healthy.ts';
import { policyApplies } from './checks/policy-applies.ts';
import { policyAllows } from './netpol/check.ts';
import { policyPermits } from './checks/policy-permits.ts';
import { priorityOrder } from './checks/priority-order.ts';
import { restartsStable } from './checks/restarts-stable.ts';
import { rolloutComplete } from './checks/rollout-complete.ts';
import { specUnchanged } from './checks/spec-unchanged.ts';
import { accessReview } from './checks/access-review.ts';
import { admitted } from './checks/admitted.ts';
import { claimBound } from './checks/claim-bound.ts';
import { jobComplete } from './checks/job-complete.ts';
import { logContains } from './checks/log-contains.ts';
import { namespaceLabel } from './checks/namespace-label.ts';
import { secretData } from './checks/secret-data.ts';
import { envSource } from './checks/env-source.ts';
import { fileFromConfigMap } from './checks/file-from-config-map.ts';
import { mainProcess } from './checks/main-process.ts';
import { writablePaths } from './checks/writable-paths.ts';
import { probe } from './checks/probe.ts';
import { templateEquals } from './checks/template-equals.ts';
import { logNamesTarget } from './checks/log-names-target.ts';
import { nodeTargeted } from './checks/node-targeted.ts';
import { contextIn } from './role-context.ts';
import { eventSeen } from './observations/event.ts';
import { podNotReady } from './observations/pod-not-ready.ts';
import { podPending } from './observations/pod-pending.ts';
import { podTerminated } from './observations/pod-terminated.ts';
import { podWaiting } from './observations/pod-waiting.ts';
import type { CheckOf, ObservationOf, Outcome } from './outcome.ts';
import { parseDuration } from './time.ts';
import type { CheckContext, Snapshot, Verdict } from './types.ts';
import { checkWhere, inNamespace, observationWhere } from './where.ts';
import { workloadLabel } from './workload.ts';

export { contextIn } from './role-context.ts';

/** The grader's input and output types, re-exported for callers. */
export type { CheckContext, ExecResult, Fingerprint, KubeObject, Probe, Snapshot, Verdict, Where } from './types.ts';

type CheckKind = CheckSpec['kind'];
type ObservationKind = Observation['kind'];

/** The function behind every check kind of the scenario schema (the type makes a missing kind a compile error). */
export const checks: { [K in CheckKind]: (check: CheckOf<K>, ctx: CheckContext) => Outcome | Promise<Outcome> } = {
  rolloutComplete,
  podsHealthy,
  restartsStable,
  noTerminationReason,
  specUnchanged,
  fieldCompare,
  objectExists,
  objectAbsent,
  objectUnchanged,
  configMapData,
  networkReachable,
  serviceRoutes,
  fileContent,
  priorityOrder,
  policyApplies,
  policyAllows,
  policyPermits,
  mountsConfigMap,
  envNamesService,
  jobComplete,
  secretData,
  claimBound,
  logContains,
  accessReview,
  namespaceLabel,
  admitted,
  envSource,
  fileFromConfigMap,
  mainProcess,
  writablePaths,
  probe,
  templateEquals,
  logNamesTarget,
  nodeTargeted,
};

/** The function behind every symptom observation kind. */
export const observations: { [K in ObservationKind]: (o: ObservationOf<K>, snapshot: Snapshot) => Outcome } = {
  podWaiting,
  podTerminated,
  podPending,
  podNotReady,
  event: eventSeen,
};

/**
 * Grade every check against one snapshot (and probe). Never throws: a check
 * that throws — a bad regex in a scenario, an exec that could not start —
 * becomes a failed verdict carrying the message. Probes run concurrently;
 * verdicts come back in the order of `specs`. Every verdict has a `where`:
 * the check's own when it gave one, else the object its spec names.
 */
export async function grade(specs: CheckSpec[], ctx: CheckContext): Promise<Verdict[]> {
  return Promise.all(
    specs.map(async (spec): Promise<Verdict> => {
      const own = contextIn(ctx, spec.namespace);
      const ns = own?.snapshot.namespace ?? ctx.namespaces?.[spec.namespace ?? 'main'] ?? ctx.snapshot.namespace;
      try {
        if (!own) throw new Error(`no snapshot of the attempt's namespace with role ${spec.namespace}`);
        const run = checks[spec.kind] as (check: CheckSpec, ctx: CheckContext) => Outcome | Promise<Outcome>;
        const outcome = await run(spec, own);
        const verdict: Verdict = { id: spec.id, passed: outcome.passed, reason: outcome.reason, where: inNamespace(outcome.where ?? checkWhere(spec, ns), ns) };
        if (outcome.passed) return verdict;
        if (outcome.final) return { ...verdict, final: true };
        return outcome.finalAfterS !== undefined ? { ...verdict, finalAfterS: outcome.finalAfterS } : verdict;
      } catch (error) {
        return { id: spec.id, passed: false, reason: `internal error in ${spec.kind} check: ${errorMessage(error)}`, where: inNamespace(checkWhere(spec, ns), ns) };
      }
    }),
  );
}

/**
 * Look for each symptom observation in a snapshot (for `start` and `verify`:
 * did the injection break what it should?). One verdict per observation, id
 * "<kind>:<workload or reason>"; `passed` means observed. Never throws.
 */
export function observe(list: Observation[], snapshot: Snapshot): Verdict[] {
  return list.map((o): Verdict => {
    const id = `${o.kind}:${'workload' in o ? workloadLabel(o.workload).replace(/^Deployment /, '').replace(' ', '/') : o.reason}`;
    try {
      const look = observations[o.kind] as (o: Observation, snapshot: Snapshot) => Outcome;
      const outcome = look(o, snapshot);
      return { id, passed: outcome.passed, reason: outcome.reason, where: inNamespace(outcome.where ?? observationWhere(o, snapshot.namespace), snapshot.namespace) };
    } catch (error) {
      return { id, passed: false, reason: `internal error in ${o.kind} observation: ${errorMessage(error)}`, where: inNamespace(observationWhere(o, snapshot.namespace), snapshot.namespace) };
    }
  });
}

/**
 * How long before the grading snapshot `ctx.before` must be taken: the largest
 * restartsStable window among `specs` in ms, 0 when none needs one. The caller
 * takes `before`, waits this long, then takes `snapshot`.
 */
export function stabilityWindowMs(specs: CheckSpec[]): number {
  return specs.reduce((max, spec) => (spec.kind === 'restartsStable' ? Math.max(max, parseDuration(spec.window)) : max), 0);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
