import type { V1ContainerPort, V1NetworkPolicy, V1NetworkPolicyPeer, V1NetworkPolicyPort } from '@kubernetes/client-node';
import { selectorMatches } from '../selector.ts';
import { everyPeer, peersOf } from './peers.ts';
import type { Peers, Universe } from './peers.ts';
import { everyPort, portSpec } from './ports.ts';
import type { PortSpec } from './ports.ts';

/** Which traffic of the subject pods: what they send, or what they receive. */
export type Direction = 'Egress' | 'Ingress';

/** The pods a judgement is about, by their pod template. */
export interface Subject {
  /** Pod template labels (what policies' podSelectors match). */
  labels: Record<string, string>;
  /** The template's container ports: named ingress ports resolve against them. */
  containerPorts: V1ContainerPort[];
}

/**
 * One peer of one rule of one policy, with the rule's ports: the unit the
 * union of policies is made of. An allowed set is a list of grants, and a
 * set of grants is inside an intent when each grant is.
 */
export interface Grant {
  /** The policy and the rule (`spec.egress[2]`); absent for an intent or the implicit allow-all. */
  source?: { policy: string; path: string };
  /** The peer as written; absent when the rule names none (every peer). */
  peer?: V1NetworkPolicyPeer;
  peers: Peers;
  ports: PortSpec;
  /** The rule's ports as written; absent or empty: every port. */
  rawPorts?: V1NetworkPolicyPort[];
}

/** What a policy set allows the subject in one direction. */
export interface Allowed {
  /** The policies that select the subject for this direction; none means nothing is restricted. */
  policies: string[];
  grants: Grant[];
}

/** The API server's defaulting of policyTypes: Ingress always, Egress when there are egress rules. */
export function policyTypes(policy: V1NetworkPolicy): string[] {
  const explicit = policy.spec?.policyTypes ?? [];
  return explicit.length > 0 ? explicit : ['Ingress', ...((policy.spec?.egress?.length ?? 0) > 0 ? ['Egress'] : [])];
}

interface Rule {
  peers?: V1NetworkPolicyPeer[];
  ports?: V1NetworkPolicyPort[];
}

function rulesOf(policy: V1NetworkPolicy, direction: Direction): Rule[] {
  if (direction === 'Egress') return (policy.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
  // client-node names it _from, raw JSON from
  return (policy.spec?.ingress ?? []).map((r) => ({ peers: r._from ?? (r as { from?: V1NetworkPolicyPeer[] }).from, ports: r.ports }));
}

/** What `allowedBy` reads. */
export interface AllowedOptions {
  policies: V1NetworkPolicy[];
  subject: Subject;
  direction: Direction;
  universe: Universe;
}

/**
 * What the union of the policies selecting the subject allows in one
 * direction, as grants. No such policy: one grant of everything. Rules OR
 * together; within a rule every peer gets the rule's ports; an empty `to` /
 * `from` is every peer and empty `ports` every port. Policies of another
 * namespace are skipped (they select other pods).
 */
export function allowedBy(options: AllowedOptions): Allowed {
  const { subject, direction, universe } = options;
  const selecting = options.policies.filter(
    (p) =>
      (p.metadata?.namespace === undefined || p.metadata.namespace === universe.namespace) &&
      selectorMatches(p.spec?.podSelector ?? {}, subject.labels) &&
      policyTypes(p).includes(direction),
  );
  if (selecting.length === 0) return { policies: [], grants: [{ peers: everyPeer(universe), ports: everyPort }] };
  const field = direction === 'Egress' ? 'egress' : 'ingress';
  const grants = selecting.flatMap((policy) =>
    rulesOf(policy, direction).flatMap((rule, i): Grant[] => {
      const source = { policy: policy.metadata?.name ?? '<unnamed>', path: `spec.${field}[${i}]` };
      const ports = portSpec(rule.ports);
      const base = { source, ports, ...(rule.ports ? { rawPorts: rule.ports } : {}) };
      if (!rule.peers || rule.peers.length === 0) return [{ ...base, peers: everyPeer(universe) }];
      return rule.peers.map((peer) => ({ ...base, peer, peers: peersOf(peer, universe) }));
    }),
  );
  return { policies: selecting.map((p) => p.metadata?.name ?? '<unnamed>'), grants };
}
