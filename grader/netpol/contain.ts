import type { V1ContainerPort, V1Pod } from '@kubernetes/client-node';
import { selectorMatches } from '../selector.ts';
import type { Direction, Grant, Subject } from './allowed.ts';
import { has, isEmpty, isSubset, split, subtract } from './intervals.ts';
import type { Interval } from './intervals.ts';
import type { ForeignPods, Peers, Universe } from './peers.ts';
import { allPorts, protocols, resolvePorts, unionPorts } from './ports.ts';
import type { Protocol } from './ports.ts';
import { implies } from './selectors.ts';

/** One part of a grant's peers that every intent either fully covers or does not touch. */
export type Atom =
  | { kind: 'pod'; pod: V1Pod }
  | { kind: 'foreign'; foreign: ForeignPods }
  | { kind: 'v4'; range: Interval; inPodNetwork: boolean }
  | { kind: 'v6'; v6: 'some' | 'all' };

/** Traffic allowed beyond the intent: one grant, one peer, one protocol, some ports. */
export interface Escape {
  grant: Grant;
  atom: Atom;
  protocol: Protocol;
  /** A port range wholly outside the intent on this peer, or a named port unresolvable here. */
  ports: Interval | { name: string };
}

/** What `firstEscape` reads: what is allowed, what may be, and whose traffic it is. */
export interface ContainOptions {
  allowed: Grant[];
  intent: Grant[];
  subject: Subject;
  direction: Direction;
  universe: Universe;
}

const podPorts = (pod: V1Pod): V1ContainerPort[] => (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);

function atomsOf(g: Grant, o: ContainOptions): Atom[] {
  const own = (p: V1Pod): number => (selectorMatches({ matchLabels: o.subject.labels }, p.metadata?.labels) ? 1 : 0);
  const pods = [...g.peers.pods].sort((a, b) => own(a) - own(b) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
  // Cut the addresses at every intent boundary (and the pod network's, for words): each piece is then in or out of each.
  const pieces = split(g.peers.v4, [o.universe.podNetwork, ...o.intent.map((i) => i.peers.v4)]).map((p) => p[0] as Interval);
  const v4 = pieces.map((range) => ({ kind: 'v4' as const, range, inPodNetwork: isSubset([range], o.universe.podNetwork) }));
  return [
    ...pods.map((pod) => ({ kind: 'pod' as const, pod })),
    ...g.peers.foreign.map((foreign) => ({ kind: 'foreign' as const, foreign })),
    ...v4.filter((a) => a.inPodNetwork),
    ...v4.filter((a) => !a.inPodNetwork),
    ...(g.peers.v6 === 'none' ? [] : [{ kind: 'v6' as const, v6: g.peers.v6 }]),
  ];
}

/** Whether an intent's peers surely hold all of the atom (selectors by sound implication). */
function covers(i: Peers, atom: Atom): boolean {
  switch (atom.kind) {
    case 'pod':
      return i.pods.some((p) => p.metadata?.name === atom.pod.metadata?.name);
    case 'foreign':
      return i.foreign.some((f) => implies(atom.foreign.namespaces, f.namespaces) && implies(atom.foreign.pods, f.pods));
    case 'v4':
      return isSubset([atom.range], i.v4);
    case 'v6':
      return i.v6 === 'all';
  }
}

// Named ports resolve on the destination pod (egress) or on the subject's own pods (ingress).
function target(atom: Atom, o: ContainOptions): V1ContainerPort[] | 'unknown' {
  if (o.direction === 'Ingress') return o.subject.containerPorts;
  return atom.kind === 'pod' ? podPorts(atom.pod) : 'unknown';
}

// Lower is a better witness: a port something listens on, on a pod other than the subject's own.
function rank(e: Escape, o: ContainOptions, listening: boolean): number {
  const base = { pod: 0, foreign: 4, v4: e.atom.kind === 'v4' && e.atom.inPodNetwork ? 5 : 6, v6: 7 }[e.atom.kind];
  const own = e.atom.kind === 'pod' && selectorMatches({ matchLabels: o.subject.labels }, e.atom.pod.metadata?.labels) ? 2 : 0;
  return base + own + (listening ? 0 : 1);
}

function escapesOn(g: Grant, atom: Atom, o: ContainOptions): { escape: Escape; rank: number }[] {
  const ports = target(atom, o);
  const allowed = resolvePorts(g.ports, ports);
  const intended = unionPorts(o.intent.filter((i) => covers(i.peers, atom)).map((i) => resolvePorts(i.ports, ports).numbers));
  const listening = ports === 'unknown' ? [] : ports;
  const found: { escape: Escape; rank: number }[] = [];
  for (const protocol of protocols) {
    const extra = subtract(allowed.numbers[protocol], intended[protocol]);
    if (isEmpty(extra)) continue;
    const open = listening.find((c) => (c.protocol ?? 'TCP') === protocol && has(extra, c.containerPort));
    const widest = [...extra].sort((a, b) => b.hi - b.lo - (a.hi - a.lo))[0] as Interval;
    const escape: Escape = { grant: g, atom, protocol, ports: open ? { lo: open.containerPort, hi: open.containerPort } : widest };
    found.push({ escape, rank: rank(escape, o, open !== undefined) });
  }
  for (const named of allowed.unresolved) {
    if (isSubset(allPorts, intended[named.protocol])) continue;
    const escape: Escape = { grant: g, atom, protocol: named.protocol, ports: { name: named.name } };
    found.push({ escape, rank: rank(escape, o, false) });
  }
  return found;
}

/**
 * The first grant (in policy and rule order) that allows traffic the intent
 * does not, with its most telling escape: a pod's listening port before
 * other ports, other workloads before the subject's own pods, pods before
 * addresses. Exact: atoms are cut at every intent boundary and ports are
 * compared as interval sets. Undefined when everything allowed is intended.
 */
export function firstEscape(o: ContainOptions): Escape | undefined {
  for (const g of o.allowed) {
    const found = atomsOf(g, o).flatMap((atom) => escapesOn(g, atom, o));
    const best = found.reduce<(typeof found)[number] | undefined>((b, f) => (b === undefined || f.rank < b.rank ? f : b), undefined);
    if (best) return best.escape;
  }
  return undefined;
}

/**
 * Whether something allowed beyond the intent goes to a peer no pod's coming
 * or going can change: other namespaces, addresses outside the pod network,
 * IPv6. Such an escape lasts until a policy or the pod template changes —
 * what docs/decisions/0080 calls a final failure.
 */
export function escapesBeyondPods(o: ContainOptions): boolean {
  const stable = (a: Atom): boolean => a.kind === 'foreign' || a.kind === 'v6' || (a.kind === 'v4' && !a.inPodNetwork);
  return o.allowed.some((g) => atomsOf(g, o).some((atom) => stable(atom) && escapesOn(g, atom, o).length > 0));
}
