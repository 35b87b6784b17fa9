import type { V1ContainerPort, V1NetworkPolicyPort } from '@kubernetes/client-node';
import { none, range, union } from './intervals.ts';
import type { Interval, IntervalSet } from './intervals.ts';

/** The protocols a NetworkPolicy port can name. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Every protocol, in the order witnesses are searched. */
export const protocols: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Every port number a rule can name. */
export const allPorts: IntervalSet = range(1, 65535);

/** Port numbers per protocol. */
export type PortSets = Record<Protocol, IntervalSet>;

/** A named port of a rule: its number depends on the pod it lands on. */
export interface NamedPort {
  protocol: Protocol;
  name: string;
}

/** A rule's `ports` before named ports are resolved. */
export interface PortSpec {
  numbers: PortSets;
  named: NamedPort[];
}

/** The same set for each protocol. */
export function perProtocol(set: IntervalSet): PortSets {
  return { TCP: set, UDP: set, SCTP: set };
}

/** No port at all. */
export const noPorts: PortSets = perProtocol(none);

/** An absent or empty `ports`: every port of every protocol. */
export const everyPort: PortSpec = { numbers: perProtocol(allPorts), named: [] };

/**
 * A rule's ports as sets: protocol defaults to TCP, no `port` means every
 * port of that protocol, `endPort` makes a range, a string is a named port
 * (digits only are read as a number). An empty list is every port.
 */
export function portSpec(ports: V1NetworkPolicyPort[] | undefined): PortSpec {
  if (!ports || ports.length === 0) return everyPort;
  const numbers: Record<Protocol, Interval[]> = { TCP: [], UDP: [], SCTP: [] };
  const named: NamedPort[] = [];
  for (const entry of ports) {
    const protocol = (entry.protocol ?? 'TCP') as Protocol;
    if (!protocols.includes(protocol)) continue; // the API server rejects any other
    const port = typeof entry.port === 'string' && /^\d+$/.test(entry.port) ? Number(entry.port) : entry.port;
    if (port === undefined) numbers[protocol].push({ lo: 1, hi: 65535 });
    else if (typeof port === 'number') numbers[protocol].push({ lo: port, hi: entry.endPort ?? port });
    else named.push({ protocol, name: port });
  }
  return { numbers: { TCP: union(numbers.TCP), UDP: union(numbers.UDP), SCTP: union(numbers.SCTP) }, named };
}

/** Port sets resolved on one peer, plus the named ports that could not be (unknown pods). */
export interface Resolved {
  numbers: PortSets;
  unresolved: NamedPort[];
}

/**
 * A spec on one destination: named ports become the numbers of the
 * container ports of that name and protocol (a name the pods do not declare
 * matches nothing), or stay unresolved when the peer's containers are unknown.
 */
export function resolvePorts(spec: PortSpec, containerPorts: V1ContainerPort[] | 'unknown'): Resolved {
  if (spec.named.length === 0) return { numbers: spec.numbers, unresolved: [] };
  if (containerPorts === 'unknown') return { numbers: spec.numbers, unresolved: spec.named };
  const numbers = { ...spec.numbers };
  for (const n of spec.named) {
    const found = containerPorts.filter((c) => c.name === n.name && (c.protocol ?? 'TCP') === n.protocol);
    numbers[n.protocol] = union(numbers[n.protocol], ...found.map((c) => range(c.containerPort)));
  }
  return { numbers, unresolved: [] };
}

/** Union of port sets. */
export function unionPorts(list: PortSets[]): PortSets {
  return { TCP: union(...list.map((p) => p.TCP)), UDP: union(...list.map((p) => p.UDP)), SCTP: union(...list.map((p) => p.SCTP)) };
}

/** `TCP 5432`, `UDP 1-65535`. */
export function describePorts(protocol: Protocol, x: Interval): string {
  return `${protocol} ${x.lo === x.hi ? x.lo : `${x.lo}-${x.hi}`}`;
}
