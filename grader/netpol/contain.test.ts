import type { V1NetworkPolicyPeer, V1NetworkPolicyPort } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures/replay.ts';
import type { Grant } from './allowed.ts';
import { firstEscape } from './contain.ts';
import { everyPeer, peersOf, universeOf } from './peers.ts';
import type { Universe } from './peers.ts';
import { portSpec } from './ports.ts';
import { escapePortsWords, peerWords } from './words.ts';

let u: Universe;
beforeAll(async () => {
  u = universeOf((await loadFixture('universe/egress-networkpolicy-fixed')).snapshot);
});

const grant = (peer: V1NetworkPolicyPeer | undefined, ports?: V1NetworkPolicyPort[]): Grant => ({ ...(peer ? { peer } : {}), peers: peer ? peersOf(peer, u) : everyPeer(u), ports: portSpec(ports) });
const block = (cidr: string, except?: string[]): V1NetworkPolicyPeer => ({ ipBlock: { cidr, ...(except ? { except } : {}) } });
const kubeSystem = (pods: Record<string, string>): V1NetworkPolicyPeer => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: pods } });
const tcp = (port: number, endPort?: number): V1NetworkPolicyPort => ({ protocol: 'TCP', port, ...(endPort ? { endPort } : {}) });

// Each case: what is allowed, what is intended, and the escape in words (undefined: contained).
describe('firstEscape', () => {
  it.each<[string, () => Grant[], () => Grant[], string | undefined]>([
    ['a port range split across two intents', () => [grant(undefined, [tcp(1, 65535)])], () => [grant(undefined, [tcp(1, 30000)]), grant(undefined, [tcp(30001, 65535)])], undefined],
    ['one port missing between two intents', () => [grant(undefined, [tcp(1, 65535)])], () => [grant(undefined, [tcp(1, 29999)]), grant(undefined, [tcp(30001, 65535)])], 'pods app=db in namespace netpol-rec on TCP 30000'],
    ['0.0.0.0/0 inside the two halves', () => [grant(block('0.0.0.0/0'), [tcp(80)])], () => [grant(block('0.0.0.0/1'), [tcp(80)]), grant(block('128.0.0.0/1'), [tcp(80)])], undefined],
    ['0.0.0.0/0 beyond a half and a quarter', () => [grant(block('0.0.0.0/0'), [tcp(80)])], () => [grant(block('0.0.0.0/1'), [tcp(80)]), grant(block('128.0.0.0/2'), [tcp(80)])], '192.0.0.0/2 (outside the cluster) on TCP 80'],
    ['a single address hole is found', () => [grant(block('0.0.0.0/0'))], () => [grant(block('0.0.0.0/0', ['10.0.0.1/32']))], '10.0.0.1 (outside the cluster) on TCP 1-65535'],
    ['kube-dns inside all of kube-system', () => [grant(kubeSystem({ 'k8s-app': 'kube-dns' }), [{ protocol: 'UDP', port: 53 }])], () => [grant(kubeSystem({}), [{ protocol: 'UDP', port: 53 }])], undefined],
    ['all of kube-system is not inside kube-dns', () => [grant(kubeSystem({}), [{ protocol: 'UDP', port: 53 }])], () => [grant(kubeSystem({ 'k8s-app': 'kube-dns' }), [{ protocol: 'UDP', port: 53 }])], 'any pod in namespace kube-system on UDP 53'],
    ['pods of other namespaces are inside the pod CIDR', () => [grant({ namespaceSelector: {} }, [tcp(80)])], () => [grant(block('10.244.0.0/16'), [tcp(80)])], undefined],
    ['addresses in the pod CIDR are not inside any selector', () => [grant(block('10.244.0.0/25'), [tcp(80)])], () => [grant({ namespaceSelector: {} }, [tcp(80)])], '10.244.0.0/25 (pod CIDR 10.244.0.0/24, no pod of namespace netpol-rec) on TCP 80'],
    ['a pod listening on an escaped port is the witness', () => [grant({ podSelector: {} }, [tcp(1, 65535)])], () => [grant({ podSelector: { matchLabels: { app: 'db' } } })], 'pods app=legacy-db in namespace netpol-rec on TCP 5432'],
    ['without a listening port, the widest range', () => [grant({ podSelector: { matchLabels: { app: 'db' } } }, [tcp(1, 65535)])], () => [grant(undefined, [tcp(53), tcp(5432)])], 'pods app=db in namespace netpol-rec on TCP 5433-65535'],
    ['a named port on unknown pods is some port', () => [grant(kubeSystem({}), [{ protocol: 'UDP', port: 'dns' }])], () => [grant(undefined, [{ protocol: 'UDP', port: 53 }])], 'any pod in namespace kube-system on UDP port named "dns"'],
    ['a named port on unknown pods is inside every port', () => [grant(kubeSystem({}), [{ protocol: 'UDP', port: 'dns' }])], () => [grant(undefined, [{ protocol: 'UDP' }])], undefined],
    ['IPv6 is inside only ::/0', () => [grant(block('fd00::/8'), [tcp(80)])], () => [grant(block('::/0'), [tcp(80)])], undefined],
    ['::/0 is not inside part of IPv6', () => [grant(block('::/0'), [tcp(80)])], () => [grant(block('fd00::/8'), [tcp(80)])], 'every IPv6 address on TCP 80'],
  ])('%s', (_name, allowed, intent, want) => {
    const e = firstEscape({ allowed: allowed(), intent: intent(), subject: { labels: { app: 'app' }, containerPorts: [] }, direction: 'Egress', universe: u });
    expect(e && `${peerWords(e, u)} on ${escapePortsWords(e)}`).toBe(want);
  });

  it('looks at the grants in order and reports the first that escapes', () => {
    const allowed = [{ ...grant(undefined, [tcp(443)]), source: { policy: 'a', path: 'spec.egress[0]' } }, { ...grant(block('10.0.0.1/32'), [tcp(80)]), source: { policy: 'b', path: 'spec.egress[3]' } }];
    const e = firstEscape({ allowed, intent: [grant(undefined, [tcp(443)])], subject: { labels: { app: 'app' }, containerPorts: [] }, direction: 'Egress', universe: u });
    expect(e?.grant.source).toEqual({ policy: 'b', path: 'spec.egress[3]' });
  });
});
