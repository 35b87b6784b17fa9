import type { V1ContainerPort, V1NetworkPolicy, V1Pod } from '@kubernetes/client-node';
import { allowedBy } from './allowed.ts';
import type { Direction, Grant, Subject } from './allowed.ts';
import type { Universe } from './peers.ts';
import { has } from './intervals.ts';
import { resolvePorts } from './ports.ts';
import type { Protocol } from './ports.ts';

/** A pod not made yet: its workload's template labels and container ports, no address. */
export interface NewPod {
  /** "a new pod of Deployment frontend", for reasons. */
  name: string;
  labels: Record<string, string>;
  containerPorts: V1ContainerPort[];
}

/** One direction's answer: the rule that lets the traffic through, or the policies that restrict it without doing so. */
export type Leg = { direction: Direction; open: true; by: string } | { direction: Direction; open: false; policies: string[] };

/** What `permits` reads. */
export interface PermitsOptions {
  policies: V1NetworkPolicy[];
  universe: Universe;
  from: NewPod;
  to: NewPod;
  protocol: Protocol;
  port: number;
}

// A stand-in pod object for the universe: policies match it by its labels; without an IP only a
// block covering the whole pod network holds it (peers.ts), as for any pod not scheduled yet.
function standIn(pod: NewPod): V1Pod {
  return { metadata: { name: pod.name, labels: pod.labels }, spec: { containers: [{ name: 'new', ports: pod.containerPorts }] }, status: {} };
}

/**
 * Would the NetworkPolicies let a new pod of one workload reach a new pod of
 * another (same namespace) on `protocol`/`port`? Both legs must be open:
 * the egress of `from` towards `to`, and the ingress of `to` from `from`.
 * The pods are judged by their templates, not the live pods: a label put on
 * today's pods by hand, or an ipBlock naming today's addresses, lets today's
 * pods through and not the next ones.
 */
export function permits(options: PermitsOptions): [Leg, Leg] {
  const from = standIn(options.from);
  const to = standIn(options.to);
  const universe: Universe = { ...options.universe, pods: [...options.universe.pods, from, to] };
  const leg = (direction: Direction, subject: NewPod, peer: V1Pod): Leg => {
    const own: Subject = { labels: subject.labels, containerPorts: subject.containerPorts };
    const allowed = allowedBy({ policies: options.policies, subject: own, direction, universe });
    if (allowed.policies.length === 0) return { direction, open: true, by: 'no NetworkPolicy restricts it' };
    // Named ports resolve on the destination: the peer for egress, the subject itself for ingress.
    const destination = direction === 'Egress' ? options.to.containerPorts : subject.containerPorts;
    const opens = (g: Grant): boolean => g.peers.pods.includes(peer) && has(resolvePorts(g.ports, destination).numbers[options.protocol], options.port);
    const grant = allowed.grants.find(opens);
    return grant?.source ? { direction, open: true, by: `NetworkPolicy ${grant.source.policy} ${grant.source.path}` } : { direction, open: false, policies: allowed.policies };
  };
  return [leg('Egress', options.from, to), leg('Ingress', options.to, from)];
}
