import { show } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { describeSelector, selectorMatches } from '../selector.ts';
import type { CheckContext } from '../types.ts';
import { resolveWorkload } from '../workload.ts';

/**
 * policyApplies: NetworkPolicy `policy` exists (any uid: recreating it is a
 * fair fix; the reachability checks judge what it allows), its podSelector
 * selects the workload's pod template labels, and its effective policyTypes
 * include `policyType`.
 */
export function policyApplies(check: CheckOf<'policyApplies'>, ctx: CheckContext): Outcome {
  const subject = `NetworkPolicy ${check.policy}`;
  const policy = ctx.snapshot.networkPolicies.find((p) => p.metadata?.name === check.policy);
  if (!policy) return fail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected it to exist and select Deployment ${check.workload}`);
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(found.reason);
  const labels = found.workload.deployment.spec?.template.metadata?.labels ?? {};
  const selector = policy.spec?.podSelector;
  const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') || 'no labels';
  if (!selectorMatches(selector ?? {}, labels)) {
    return fail(`${subject} spec.podSelector: expected to select Deployment ${check.workload}'s pods (${labelText}), saw ${describeSelector(selector ?? {})}`);
  }
  const explicit = policy.spec?.policyTypes ?? [];
  // The API server's defaulting: Ingress always, Egress when there are egress rules.
  const types = explicit.length > 0 ? explicit : ['Ingress', ...((policy.spec?.egress?.length ?? 0) > 0 ? ['Egress'] : [])];
  if (!types.includes(check.policyType)) return fail(`${subject} spec.policyTypes: expected to include ${check.policyType}, saw ${show(types)}`);
  return pass(`${subject} selects Deployment ${check.workload}'s pods (${labelText}) with ${describeSelector(selector ?? {})} and lists ${check.policyType} (policyTypes ${show(types)})`);
}
