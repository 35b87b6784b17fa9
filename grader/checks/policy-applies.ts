import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { describeSelector, selectorMatches } from '../selector.ts';
import type { CheckContext } from '../types.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/**
 * policyApplies: NetworkPolicy `policy` exists (any uid: recreating it is a
 * fair fix), its podSelector selects the workload's pod template labels, and
 * its effective policyTypes include `policyType`. What the policies allow is
 * judged by what they allow, not how they are spelled: `policyAllows`
 * (grader/netpol/) — this check no longer recognises "open" rule shapes.
 * Every failure is final: the policy and the pod template are the learner's.
 */
export function policyApplies(check: CheckOf<'policyApplies'>, ctx: CheckContext): Outcome {
  const subject = `NetworkPolicy ${check.policy}`;
  const policy = ctx.snapshot.networkPolicies.find((p) => p.metadata?.name === check.policy);
  if (!policy) return finalFail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected it to exist and select ${workloadLabel(check.workload)}`, { kind: 'NetworkPolicy', name: check.policy });
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const labels = found.workload.template?.metadata?.labels ?? {};
  const selector = policy.spec?.podSelector;
  const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') || 'no labels';
  if (!selectorMatches(selector ?? {}, labels)) {
    return finalFail(`${subject} spec.podSelector: expected to select ${workloadLabel(check.workload)}'s pods (${labelText}), saw ${describeSelector(selector ?? {})}`, { kind: 'NetworkPolicy', name: check.policy, path: 'spec.podSelector' });
  }
  const types = policyTypes(policy);
  if (!types.includes(check.policyType)) return finalFail(`${subject} spec.policyTypes: expected to include ${check.policyType}, saw ${show(types)}`, { kind: 'NetworkPolicy', name: check.policy, path: 'spec.policyTypes' });
  return pass(`${subject} selects ${workloadLabel(check.workload)}'s pods (${labelText}) with ${describeSelector(selector ?? {})} and lists ${check.policyType} (policyTypes ${show(types)})`);
}

// The API server's defaulting: Ingress always, Egress when there are egress rules.
function policyTypes(policy: V1NetworkPolicy): string[] {
  const explicit = policy.spec?.policyTypes ?? [];
  return explicit.length > 0 ? explicit : ['Ingress', ...((policy.spec?.egress?.length ?? 0) > 0 ? ['Egress'] : [])];
}
