import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';
import type { Workload } from '../workload.ts';
import { workloadAt } from '../where.ts';
import { permits } from '../netpol/permits.ts';
import type { Leg, NewPod } from '../netpol/permits.ts';
import { universeOf } from '../netpol/peers.ts';

function newPod(w: Workload, label: string): NewPod {
  const template = w.template;
  return { name: `a new pod of ${label}`, labels: template?.metadata?.labels ?? {}, containerPorts: (template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []) };
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',') || 'no labels';
}

/**
 * policyPermits: the NetworkPolicies let a NEW pod of `from` reach a new pod
 * of `to` on the port — both legs, `from`'s egress and `to`'s ingress, judged
 * on the pod templates' labels with no address known. Reachability probes
 * see today's pods only: a label put on them by hand, or an ipBlock naming
 * their addresses, passes a probe and locks out the next pod. Not final: a
 * controller may still roll the template the learner changed.
 */
export function policyPermits(check: CheckOf<'policyPermits'>, ctx: CheckContext): Outcome {
  const from = resolveWorkload({ snapshot: ctx.snapshot, name: check.from, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!from.ok) return finalFail(from.reason, from.where);
  const to = resolveWorkload({ snapshot: ctx.snapshot, name: check.to, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!to.ok) return finalFail(to.reason, to.where);
  const source = newPod(from.workload, workloadLabel(check.from));
  const target = newPod(to.workload, workloadLabel(check.to));
  const legs = permits({ policies: ctx.snapshot.networkPolicies, universe: universeOf(ctx.snapshot), from: source, to: target, protocol: check.protocol, port: check.port });
  const what = `${check.protocol} ${check.port}`;
  const closed = legs.find((l): l is Extract<Leg, { open: false }> => !l.open);
  if (closed) {
    const [subject, peer] = closed.direction === 'Egress' ? [source, target] : [target, source];
    const policies = closed.policies.length === 1 ? `NetworkPolicy ${closed.policies[0]} restricts` : `NetworkPolicies ${closed.policies.join(', ')} restrict`;
    const verb = closed.direction === 'Egress' ? `let it reach ${peer.name} (${labelText(peer.labels)})` : `let ${peer.name} (${labelText(peer.labels)}, an address not known yet) in`;
    return fail(
      `${policies} the ${closed.direction.toLowerCase()} of ${subject.name} (${labelText(subject.labels)}), and no rule of them would ${verb} on ${what}: the pods of today may get through by labels or addresses of their own, the next pod would not`,
      workloadAt(closed.direction === 'Egress' ? check.from : check.to, `${closed.direction.toLowerCase()} allowed by NetworkPolicies`),
    );
  }
  const [egress, ingress] = legs.map((l) => (l.open ? l.by : ''));
  return pass(`${source.name} (${labelText(source.labels)}) may reach ${target.name} on ${what}: egress — ${egress}; ingress — ${ingress}`);
}
