import type { V1NetworkPolicyPeer } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures/replay.ts';
import { describeRange4 } from './addresses.ts';
import { everyPeer, peersOf, universeOf } from './peers.ts';
import type { Peers, Universe } from './peers.ts';

let u: Universe;
beforeAll(async () => {
  u = universeOf((await loadFixture('universe/egress-networkpolicy-fixed')).snapshot);
});

// Peers in a comparable shape: pods by app label, foreign selectors as JSON, IPv4 in words.
const summary = (p: Peers): { pods: string[]; foreign: string[]; v4: string[]; v6: string } => ({
  pods: [...new Set(p.pods.map((pod) => pod.metadata?.labels?.app ?? '?'))].sort(),
  foreign: p.foreign.map((f) => JSON.stringify(f)),
  v4: p.v4.map(describeRange4),
  v6: p.v6,
});
const all = ['app', 'db', 'legacy-db', 'metrics'];
const outsidePods = ['0.0.0.0-10.244.0.204', '10.244.0.210-255.255.255.255'];
const everyForeign = JSON.stringify({ namespaces: {}, pods: {} });

describe('peersOf on the recorded egress-networkpolicy snapshot', () => {
  it('reads the universe', () => {
    expect(u.namespace).toBe('netpol-rec');
    expect(u.podCidrs).toEqual(['10.244.0.0/24']);
    expect(u.pods).toHaveLength(5);
    expect(u.namespaceLabels['kubernetes.io/metadata.name']).toBe('netpol-rec');
  });

  it('an empty to: everything', () => {
    expect(summary(everyPeer(u))).toEqual({ pods: all, foreign: [everyForeign], v4: outsidePods, v6: 'all' });
  });

  it.each<[string, V1NetworkPolicyPeer, ReturnType<typeof summary>]>([
    ['podSelector app=db', { podSelector: { matchLabels: { app: 'db' } } }, { pods: ['db'], foreign: [], v4: [], v6: 'none' }],
    ['podSelector {}', { podSelector: {} }, { pods: all, foreign: [], v4: [], v6: 'none' }],
    ['podSelector Exists app', { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } }, { pods: all, foreign: [], v4: [], v6: 'none' }],
    ['namespaceSelector {}', { namespaceSelector: {} }, { pods: all, foreign: [everyForeign], v4: [], v6: 'none' }],
    ['namespaceSelector our name + app=db', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'netpol-rec' } }, podSelector: { matchLabels: { app: 'db' } } }, { pods: ['db'], foreign: [], v4: [], v6: 'none' }],
    ['namespaceSelector kube-system + kube-dns', { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }, { pods: [], foreign: [JSON.stringify({ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pods: { matchLabels: { 'k8s-app': 'kube-dns' } } })], v4: [], v6: 'none' }],
    ['namespaceSelector on our scenario label: ours and maybe others', { namespaceSelector: { matchLabels: { 'kubedrill.io/scenario': 'egress-networkpolicy' } } }, { pods: all, foreign: [JSON.stringify({ namespaces: { matchLabels: { 'kubedrill.io/scenario': 'egress-networkpolicy' } }, pods: {} })], v4: [], v6: 'none' }],
    ['0.0.0.0/0', { ipBlock: { cidr: '0.0.0.0/0' } }, { pods: all, foreign: [everyForeign], v4: outsidePods, v6: 'none' }],
    ['0.0.0.0/0 except legacy-db and metrics', { ipBlock: { cidr: '0.0.0.0/0', except: ['10.244.0.206/32', '10.244.0.207/32'] } }, { pods: ['app', 'db'], foreign: [everyForeign], v4: outsidePods, v6: 'none' }],
    ['10.244.0.0/16', { ipBlock: { cidr: '10.244.0.0/16' } }, { pods: all, foreign: [everyForeign], v4: ['10.244.0.0-10.244.0.204', '10.244.0.210-10.244.255.255'], v6: 'none' }],
    ['legacy-db /32', { ipBlock: { cidr: '10.244.0.206/32' } }, { pods: ['legacy-db'], foreign: [], v4: [], v6: 'none' }],
    ['outside: 10.0.0.0/16', { ipBlock: { cidr: '10.0.0.0/16' } }, { pods: [], foreign: [], v4: ['10.0.0.0/16'], v6: 'none' }],
    ['::/0', { ipBlock: { cidr: '::/0' } }, { pods: [], foreign: [], v4: [], v6: 'all' }],
  ])('%s', (_name, peer, want) => {
    expect(summary(peersOf(peer, u))).toEqual(want);
  });

  it('a pod without an IP is inside an ipBlock only when the block covers the pod network', () => {
    const pending = { ...u, pods: [{ metadata: { name: 'new', labels: { app: 'new' } }, status: { phase: 'Pending' } }] };
    expect(summary(peersOf({ ipBlock: { cidr: '10.244.0.0/16' } }, pending)).pods).toEqual(['new']);
    expect(summary(peersOf({ ipBlock: { cidr: '10.244.0.0/25' } }, pending)).pods).toEqual([]);
  });
});
