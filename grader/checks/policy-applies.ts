import type { V1NetworkPolicy, V1NetworkPolicyPeer, V1NetworkPolicyPort } from '@kubernetes/client-node';
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
 * include `policyType` — and no policy selecting the workload (this one or
 * another: policies add up) has a rule open to every destination on every
 * port, which would leave `policy` restricting nothing.
 */
export function policyApplies(check: CheckOf<'policyApplies'>, ctx: CheckContext): Outcome {
  const subject = `NetworkPolicy ${check.policy}`;
  const policy = ctx.snapshot.networkPolicies.find((p) => p.metadata?.name === check.policy);
  if (!policy) return fail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected it to exist and select Deployment ${check.workload}`, { kind: 'NetworkPolicy', name: check.policy });
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(found.reason, found.where);
  const labels = found.workload.deployment.spec?.template.metadata?.labels ?? {};
  const selector = policy.spec?.podSelector;
  const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') || 'no labels';
  if (!selectorMatches(selector ?? {}, labels)) {
    return fail(`${subject} spec.podSelector: expected to select Deployment ${check.workload}'s pods (${labelText}), saw ${describeSelector(selector ?? {})}`, { kind: 'NetworkPolicy', name: check.policy, path: 'spec.podSelector' });
  }
  const types = policyTypes(policy);
  if (!types.includes(check.policyType)) return fail(`${subject} spec.policyTypes: expected to include ${check.policyType}, saw ${show(types)}`, { kind: 'NetworkPolicy', name: check.policy, path: 'spec.policyTypes' });
  const direction = check.policyType === 'Egress' ? 'egress' : 'ingress';
  for (const other of ctx.snapshot.networkPolicies) {
    if (!selectorMatches(other.spec?.podSelector ?? {}, labels) || !policyTypes(other).includes(check.policyType)) continue;
    const rules: { peers?: V1NetworkPolicyPeer[]; ports?: V1NetworkPolicyPort[] }[] =
      direction === 'egress' ? (other.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports })) : (other.spec?.ingress ?? []).map((r) => ({ peers: r._from ?? (r as { from?: V1NetworkPolicyPeer[] }).from, ports: r.ports })); // client-node names it _from, raw JSON from
    const open = rules.findIndex((rule) => openRule(rule.peers, rule.ports));
    if (open >= 0) {
      return fail(`NetworkPolicy ${other.metadata?.name} spec.${direction}[${open}] allows Deployment ${check.workload} all ${direction} (every destination, every port): expected ${subject} to still restrict ${direction} of ${check.workload}`, {
        kind: 'NetworkPolicy',
        name: other.metadata?.name ?? '',
        path: `spec.${direction}[${open}]`,
      });
    }
  }
  return pass(`${subject} selects Deployment ${check.workload}'s pods (${labelText}) with ${describeSelector(selector ?? {})} and lists ${check.policyType} (policyTypes ${show(types)})`);
}

// The API server's defaulting: Ingress always, Egress when there are egress rules.
function policyTypes(policy: V1NetworkPolicy): string[] {
  const explicit = policy.spec?.policyTypes ?? [];
  return explicit.length > 0 ? explicit : ['Ingress', ...((policy.spec?.egress?.length ?? 0) > 0 ? ['Egress'] : [])];
}

const emptySelector = (s: { matchLabels?: object; matchExpressions?: unknown[] } | undefined): boolean =>
  s !== undefined && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

/** A rule with no port limit whose peers include everything: no peers, 0.0.0.0/0 or ::/0 (whatever it excepts), or every pod of every namespace. */
function openRule(peers: V1NetworkPolicyPeer[] | undefined, ports: V1NetworkPolicyPort[] | undefined): boolean {
  if ((ports ?? []).length > 0) return false;
  if ((peers ?? []).length === 0) return true;
  return (peers ?? []).some(
    (p) =>
      p.ipBlock?.cidr === '0.0.0.0/0' ||
      p.ipBlock?.cidr === '::/0' ||
      (emptySelector(p.namespaceSelector) && (p.podSelector === undefined || emptySelector(p.podSelector))),
  );
}
