import type { V1NetworkPolicy } from '@kubernetes/client-node';
import { listSome } from '../format.ts';
import { fail as failNow, finalFail, pass } from '../outcome.ts';
import type { Outcome } from '../outcome.ts';
import { selectorMatches } from '../selector.ts';
import type { CheckContext, Where } from '../types.ts';
import { resolveWorkload, workloadId, workloadLabel } from '../workload.ts';
import { workloadAt } from '../where.ts';
import { allowedBy, policyTypes } from './allowed.ts';
import type { Subject } from './allowed.ts';
import { escapesBeyondPods, firstEscape } from './contain.ts';
import type { Escape } from './contain.ts';
import { intentOf } from './intent.ts';
import type { PolicyAllowsParams } from './intent.ts';
import { universeOf } from './peers.ts';
import type { Universe } from './peers.ts';
import { escapePortsWords, grantWords, peerWords } from './words.ts';

/** `app → pods app=legacy-db in namespace netpol on TCP 5432` (egress) or `… → app on TCP 8080` (ingress). */
function arrow(e: Escape, u: Universe, params: PolicyAllowsParams): string {
  const ports = escapePortsWords(e);
  const peer = peerWords(e, u);
  return params.direction === 'Egress' ? `${workloadId(params.workload).name} → ${peer} on ${ports}` : `${peer} → ${workloadId(params.workload).name} on ${ports}`;
}

// With no policy restricting the workload, point at the injected policy that used to (else the Deployment).
function unrestrictedWhere(params: PolicyAllowsParams, ctx: CheckContext, subject: Subject): Where {
  const injected = (ctx.injected.filter((o) => o.kind === 'NetworkPolicy') as unknown as V1NetworkPolicy[]).find(
    (p) => selectorMatches(p.spec?.podSelector ?? {}, subject.labels) && policyTypes(p).includes(params.direction),
  );
  const name = injected?.metadata?.name;
  if (!name) return workloadAt(params.workload);
  const now = ctx.snapshot.networkPolicies.find((p) => p.metadata?.name === name);
  if (!now) return { kind: 'NetworkPolicy', name };
  return { kind: 'NetworkPolicy', name, path: selectorMatches(now.spec?.podSelector ?? {}, subject.labels) ? 'spec.policyTypes' : 'spec.podSelector' };
}

/**
 * policyAllows: the union of the NetworkPolicies selecting the workload's
 * pods allows, in `direction`, nothing beyond `allow` (plus DNS and what the
 * injected policies allowed, when asked). Judged by what the rules allow —
 * every spelling of "open" counts the same — and a failure names the policy
 * rule and one concrete peer and port it allows that it should not. Final
 * when the pod template's own escape reaches a peer no pod decides (another
 * namespace, an address outside the pod network, IPv6).
 */
export function policyAllows(params: PolicyAllowsParams, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: params.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const template = found.workload.template;
  const containerPorts = (template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const subject: Subject = { labels: template?.metadata?.labels ?? {}, containerPorts };
  const universe = universeOf(ctx.snapshot);
  const intent = intentOf(params, { universe, subject, injected: ctx.injected });
  const dir = params.direction.toLowerCase();
  const expected = `expected ${workloadId(params.workload).name}'s ${dir} within {${intent.words.join(', ')}}`;
  // Policies select live pods by their labels: a label put on one pod opens that pod alone.
  const seen = new Set([labelText(subject.labels)]);
  const pods = [...found.workload.pods, ...found.workload.strays].filter((p) => {
    const key = labelText(p.metadata?.labels ?? {});
    return !seen.has(key) && Boolean(seen.add(key));
  });
  const subjects: Array<{ subject: Subject; pod?: string }> = [{ subject }, ...pods.map((p) => ({ subject: { labels: p.metadata?.labels ?? {}, containerPorts }, pod: p.metadata?.name ?? '' }))];
  const allowed = allowedBy({ policies: ctx.snapshot.networkPolicies, subject, direction: params.direction, universe });
  for (const one of subjects) {
    const now = one.pod === undefined ? allowed : allowedBy({ policies: ctx.snapshot.networkPolicies, subject: one.subject, direction: params.direction, universe });
    const contain = { allowed: now.grants, intent: intent.grants, subject: one.subject, direction: params.direction, universe };
    const escape = firstEscape(contain);
    if (!escape) continue;
    // The template's own escape to a peer no pod decides lasts until the learner changes a policy or the template: final.
    const fail = one.pod === undefined && escapesBeyondPods(contain) ? finalFail : failNow;
    const whose = one.pod === undefined ? '' : ` (pod ${one.pod}, whose labels ${labelText(one.subject.labels)} differ from the pod template's)`;
    if (escape.grant.source) {
      const { policy, path } = escape.grant.source;
      return fail(`NetworkPolicy ${policy} ${path} allows ${arrow(escape, universe, params)}${whose}: ${expected}`, { kind: 'NetworkPolicy', name: policy, path });
    }
    return fail(
      `no NetworkPolicy in namespace ${universe.namespace} selects ${workloadId(params.workload).name}'s pods (${labelText(one.subject.labels)}) with ${params.direction} in policyTypes, so all ${dir} is allowed, e.g. ${arrow(escape, universe, params)}${whose}: ${expected}`,
      unrestrictedWhere(params, ctx, one.subject),
    );
  }
  const policies = allowed.policies.length === 1 ? `NetworkPolicy ${allowed.policies[0]} allows` : `NetworkPolicies ${allowed.policies.join(', ')} allow`;
  const what = allowed.policies.length ? `${policies} ${listSome(allowed.grants.map((g) => grantWords(g, universe)), 4) || 'nothing'}` : `no policy restricts it, and the intent allows everything`;
  return pass(`${workloadId(params.workload).name}'s ${dir} stays within {${intent.words.join(', ')}}: ${what}`, workloadAt(params.workload));
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',') || 'no labels';
}
