import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures/replay.ts';
import type { KubeObject } from '../types.ts';
import { intentOf } from './intent.ts';
import type { AllowedPeer, PolicyAllowsParams } from './intent.ts';
import { universeOf } from './peers.ts';
import type { Universe } from './peers.ts';

let u: Universe;
let injected: KubeObject[];
beforeAll(async () => {
  const fixture = await loadFixture('universe/egress-networkpolicy-fixed');
  u = universeOf(fixture.snapshot);
  injected = fixture.injected;
});

const subject = { labels: { app: 'app' }, containerPorts: [] };
const params = (allow: AllowedPeer[], more: Partial<PolicyAllowsParams> = {}): PolicyAllowsParams => ({ workload: 'app', direction: 'Egress', allow, ...more });

describe('intentOf', () => {
  it.each<[string, AllowedPeer, string]>([
    ['pods of our namespace', { pods: { app: 'db' }, ports: [{ protocol: 'TCP', port: 5432 }] }, 'pods app=db in namespace netpol-rec on TCP 5432'],
    ['pods of another namespace', { namespace: 'kube-system', pods: { 'k8s-app': 'kube-dns' }, ports: [{ protocol: 'UDP', port: 53 }] }, 'pods k8s-app=kube-dns in namespace kube-system on UDP 53'],
    ['a whole namespace', { namespace: 'kube-system' }, 'every pod in namespace kube-system on every port'],
    ['addresses', { cidr: '10.0.0.0/8', except: ['10.244.0.0/16'], ports: [{ port: 8000, endPort: 8080 }] }, '10.0.0.0/8 except 10.244.0.0/16 on TCP 8000-8080'],
    ['any peer', { ports: [{ protocol: 'TCP', port: 443 }] }, 'any peer on TCP 443'],
  ])('%s', (_name, entry, words) => {
    const intent = intentOf(params([entry]), { universe: u, subject, injected: [] });
    expect(intent.words).toEqual([words]);
    expect(intent.grants).toHaveLength(1);
  });

  it('adds DNS and what the injected policy allowed', () => {
    const intent = intentOf(params([], { dns: true, plusInjected: true }), { universe: u, subject, injected });
    expect(intent.words).toEqual(['DNS (UDP 53, TCP 53 with any peer)', 'as injected: any peer on TCP 443']);
    expect(intent.grants.map((g) => g.source?.policy)).toEqual([undefined, 'app-egress']);
  });

  it('with no injected policy restricting the workload, the injected state allowed everything', () => {
    const intent = intentOf(params([], { plusInjected: true }), { universe: u, subject, injected: injected.filter((o) => o.kind !== 'NetworkPolicy') });
    expect(intent.words).toEqual(['everything (no injected NetworkPolicy restricted Egress)']);
    expect(intent.grants[0]?.peers.v6).toBe('all');
  });
});
