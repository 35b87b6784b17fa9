import type { V1LabelSelector, V1NetworkPolicyPeer, V1NetworkPolicyPort, V1Pod } from '@kubernetes/client-node';
import { describeSelector } from '../selector.ts';
import { describeRange4, formatIPv4, ipBlockAddresses } from './addresses.ts';
import type { Grant } from './allowed.ts';
import type { Escape } from './contain.ts';
import { isSubset } from './intervals.ts';
import { podIPv4 } from './peers.ts';
import type { ForeignPods, Universe } from './peers.ts';
import { describePorts } from './ports.ts';
import { isEmptySelector, nameLabel, pinnedNames } from './selectors.ts';

// Labels a controller stamps on every pod: they tell nothing about which workload it is.
const stamped = new Set(['pod-template-hash', 'controller-revision-hash', 'pod-template-generation', 'statefulset.kubernetes.io/pod-name']);

function podWords(pod: V1Pod, u: Universe): string {
  const labels = Object.entries(pod.metadata?.labels ?? {}).filter(([k]) => !stamped.has(k));
  const who = labels.length ? `pods ${labels.map(([k, v]) => `${k}=${v}`).join(',')}` : `pod ${pod.metadata?.name ?? '<unnamed>'}`;
  return `${who} in namespace ${u.namespace}`;
}

function selectorWords(selector: V1LabelSelector): string {
  return describeSelector(selector).replace(/^\{\} \(every pod\)$/, '{}');
}

function namespacesWords(namespaces: V1LabelSelector, others: boolean): string {
  const names = pinnedNames(namespaces);
  const rest: V1LabelSelector = {
    matchLabels: Object.fromEntries(Object.entries(namespaces.matchLabels ?? {}).filter(([k]) => k !== nameLabel)),
    matchExpressions: (namespaces.matchExpressions ?? []).filter((e) => !(e.key === nameLabel && e.operator === 'In')),
  };
  if (names && isEmptySelector(rest)) return names.length === 1 ? `namespace ${names[0]}` : `namespaces ${names.join(',')}`;
  if (isEmptySelector(namespaces)) return others ? 'other namespaces' : 'every namespace';
  return `${others ? 'other namespaces' : 'namespaces'} matching ${selectorWords(namespaces)}`;
}

function foreignWords(f: ForeignPods): string {
  const pods = isEmptySelector(f.pods) ? 'any pod' : `pods ${selectorWords(f.pods)}`;
  return `${pods} in ${namespacesWords(f.namespaces, true)}`;
}

function ipBlockWords(block: { cidr: string; except?: string[] }): string {
  return `${block.cidr}${block.except?.length ? ` except ${block.except.join(',')}` : ''}`;
}

/** The peer of an escape in words: `pods app=legacy-db in namespace netpol`, `10.0.0.1 (outside the cluster)`. */
export function peerWords(e: Escape, u: Universe): string {
  const block = e.grant.peer?.ipBlock;
  const atom = e.atom;
  switch (atom.kind) {
    case 'pod': {
      if (!block) return podWords(atom.pod, u);
      const ip = podIPv4(atom.pod)[0];
      const everyPod = u.podNetwork.length > 0 && isSubset(u.podNetwork, ipBlockAddresses(block).v4);
      return `${podWords(atom.pod, u)} (${ip === undefined ? 'no IP yet' : formatIPv4(ip)} inside ipBlock ${ipBlockWords(block)}${everyPod ? `, which covers the pod CIDR ${u.podCidrs.join(',')}: every pod` : ''})`;
    }
    case 'foreign':
      return foreignWords(atom.foreign);
    case 'v4':
      return `${describeRange4(atom.range)} (${atom.inPodNetwork ? `pod CIDR ${u.podCidrs.join(',')}, no pod of namespace ${u.namespace}` : 'outside the cluster'})`;
    case 'v6':
      return atom.v6 === 'all' ? 'every IPv6 address' : `IPv6 addresses (ipBlock ${block ? ipBlockWords(block) : '?'})`;
  }
}

/** The ports of an escape in words: `TCP 5432`, `UDP 1-52`, `TCP port named "postgres"`. */
export function escapePortsWords(e: Escape): string {
  return 'name' in e.ports ? `${e.protocol} port named "${e.ports.name}"` : describePorts(e.protocol, e.ports);
}

/** A rule's peer as written, in words: `any peer`, `pods app=db in namespace netpol`, `0.0.0.0/0 except 10.0.0.1/32`. */
export function writtenPeerWords(peer: V1NetworkPolicyPeer | undefined, u: Universe): string {
  if (!peer) return 'any peer';
  if (peer.ipBlock) return ipBlockWords(peer.ipBlock);
  const pods = peer.podSelector === undefined || isEmptySelector(peer.podSelector) ? 'every pod' : `pods ${selectorWords(peer.podSelector)}`;
  if (!peer.namespaceSelector) return `${pods} in namespace ${u.namespace}`;
  return `${pods} in ${namespacesWords(peer.namespaceSelector, false)}`;
}

/** A rule's ports as written: `every port`, `UDP 53, TCP 53`, `TCP 1-65535`, `every TCP port`, `TCP "postgres"`. */
export function writtenPortsWords(ports: V1NetworkPolicyPort[] | undefined): string {
  if (!ports || ports.length === 0) return 'every port';
  return ports
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      if (p.port === undefined) return `every ${protocol} port`;
      if (typeof p.port === 'string') return `${protocol} "${p.port}"`;
      return `${protocol} ${p.endPort !== undefined ? `${p.port}-${p.endPort}` : p.port}`;
    })
    .join(', ');
}

/** A grant as written: `pods app=db in namespace netpol on TCP 5432`. */
export function grantWords(g: Grant, u: Universe): string {
  return `${writtenPeerWords(g.peer, u)} on ${writtenPortsWords(g.rawPorts)}`;
}
