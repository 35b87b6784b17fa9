import type { V1LabelSelector, V1NetworkPolicyPeer, V1Pod } from '@kubernetes/client-node';
import { selectorMatches } from '../selector.ts';
import type { Snapshot } from '../types.ts';
import { allV4, cidrs4, ipBlockAddresses, parseIPv4 } from './addresses.ts';
import type { V6 } from './addresses.ts';
import { has, intervals, isEmpty, isSubset, none, subtract } from './intervals.ts';
import type { IntervalSet } from './intervals.ts';
import { forName, nameLabel, pinnedNames } from './selectors.ts';

/**
 * What a policy set is judged against: the attempt namespace, its labels,
 * its pods (with their IPs and container ports) and the pod network.
 */
export interface Universe {
  namespace: string;
  namespaceLabels: Record<string, string>;
  /** The namespace's pods, Succeeded and Failed ones left out. */
  pods: V1Pod[];
  /** IPv4 addresses pods get (the nodes' spec.podCIDRs); empty when unknown. */
  podNetwork: IntervalSet;
  /** The CIDRs podNetwork came from, for reasons. */
  podCidrs: string[];
}

/**
 * The universe of a snapshot. Namespace labels come from namespaceObject
 * (else just kubernetes.io/metadata.name); the pod network from the nodes'
 * podCIDRs unless `podCidrs` names it (e.g. the cluster's 10.244.0.0/16).
 */
export function universeOf(snapshot: Pick<Snapshot, 'namespace' | 'namespaceObject' | 'pods' | 'nodes'>, options: { podCidrs?: string[] } = {}): Universe {
  const podCidrs = options.podCidrs ?? snapshot.nodes.flatMap((n) => n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : []));
  return {
    namespace: snapshot.namespace,
    namespaceLabels: { [nameLabel]: snapshot.namespace, ...snapshot.namespaceObject?.metadata?.labels },
    pods: snapshot.pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'),
    podNetwork: cidrs4([...new Set(podCidrs)]),
    podCidrs: [...new Set(podCidrs)],
  };
}

/** Pods the snapshot does not list: pods in other namespaces, as selectors. */
export interface ForeignPods {
  /** Which namespaces (never the universe's own): `{}` = every other one. */
  namespaces: V1LabelSelector;
  /** Which of their pods: `{}` = all. */
  pods: V1LabelSelector;
}

/** Every pod of every other namespace. */
export const everyForeignPod: ForeignPods = { namespaces: {}, pods: {} };

/**
 * A set of peers, as four disjoint parts: pods of the namespace (by object),
 * pods of other namespaces (by selector), IPv4 addresses that are not a
 * known pod's IP, and IPv6.
 */
export interface Peers {
  pods: V1Pod[];
  foreign: ForeignPods[];
  v4: IntervalSet;
  v6: V6;
}

/** The IPv4 addresses of a pod (status.podIPs, else status.podIP). */
export function podIPv4(pod: V1Pod): number[] {
  const ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
  return ips.flatMap((ip) => parseIPv4(ip) ?? []);
}

function knownIPs(u: Universe): IntervalSet {
  return intervals(...u.pods.flatMap(podIPv4).map((ip) => ({ lo: ip, hi: ip })));
}

/** An empty `to`/`from`: every pod, every address. */
export function everyPeer(u: Universe): Peers {
  return { pods: u.pods, foreign: [everyForeignPod], v4: subtract(allV4, knownIPs(u)), v6: 'all' };
}

/**
 * The peers one NetworkPolicyPeer names. podSelector alone: pods of the
 * policy's (our) namespace; namespaceSelector: our pods when it matches our
 * labels, plus pods of other namespaces it may match; ipBlock: addresses,
 * and the pods whose IP is inside (the network plugin applies ipBlocks to
 * pod traffic) — all pods of other namespaces when it covers the pod network.
 */
export function peersOf(peer: V1NetworkPolicyPeer, u: Universe): Peers {
  if (peer.ipBlock) {
    const { v4, v6 } = ipBlockAddresses(peer.ipBlock);
    const known = knownIPs(u);
    const coversPodNetwork = !isEmpty(u.podNetwork) && isSubset(u.podNetwork, v4);
    const pods = u.pods.filter((p) => {
      const ips = podIPv4(p);
      return ips.length > 0 ? ips.some((ip) => has(v4, ip)) : coversPodNetwork; // no IP yet: it will get one in the pod network
    });
    const foreignSpace = isEmpty(u.podNetwork) ? allV4 : subtract(u.podNetwork, known);
    return { pods, foreign: isSubset(foreignSpace, v4) ? [everyForeignPod] : [], v4: subtract(v4, known), v6 };
  }
  const podSelector = peer.podSelector ?? {};
  const ours = peer.namespaceSelector ? selectorMatches(peer.namespaceSelector, u.namespaceLabels) : peer.podSelector !== undefined;
  const pods = ours ? u.pods.filter((p) => selectorMatches(podSelector, p.metadata?.labels)) : [];
  if (!peer.namespaceSelector) return { pods, foreign: [], v4: none, v6: 'none' };
  const names = pinnedNames(peer.namespaceSelector);
  const namespaces = names === undefined ? [peer.namespaceSelector] : names.filter((n) => n !== u.namespace).map((n) => forName(peer.namespaceSelector ?? {}, n));
  return { pods, foreign: namespaces.map((ns) => ({ namespaces: ns, pods: podSelector })), v4: none, v6: 'none' };
}
