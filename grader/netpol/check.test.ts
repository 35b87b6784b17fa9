import type { V1NetworkPolicy, V1NetworkPolicyEgressRule, V1NetworkPolicyIngressRule, V1NetworkPolicyPeer, V1NetworkPolicyPort, V1NetworkPolicySpec } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import type { Fixture } from '../fixtures/replay.ts';
import type { Snapshot } from '../types.ts';
import { policyAllows } from './check.ts';
import type { PolicyAllowsParams } from './intent.ts';

// The universe: the recorded egress-networkpolicy snapshot (namespace netpol-rec, pod CIDR
// 10.244.0.0/24; db 10.244.0.205:5432, legacy-db .206:5432, metrics .207:9100, app .208/.209),
// with its container ports named (db and legacy-db "postgres", metrics "metrics") for named-port rows.
let fixture: Fixture;
beforeAll(async () => {
  fixture = await loadFixture('universe/egress-networkpolicy-fixed');
  const names: Record<string, string> = { db: 'postgres', 'legacy-db': 'postgres', metrics: 'metrics' };
  const named = (app: string | undefined, ports: { name?: string }[] | undefined): void => ports?.forEach((p) => (p.name = names[app ?? ''] ?? p.name));
  for (const pod of fixture.snapshot.pods) for (const c of pod.spec?.containers ?? []) named(pod.metadata?.labels?.app, c.ports);
  for (const d of fixture.snapshot.deployments) for (const c of d.spec?.template.spec?.containers ?? []) named(d.metadata?.name, c.ports);
  for (const rs of fixture.snapshot.replicaSets) for (const c of rs.spec?.template?.spec?.containers ?? []) named(rs.metadata?.labels?.app, c.ports);
});

const context = (policies: V1NetworkPolicy[], change?: (s: Snapshot) => void): ReturnType<typeof fixtureContext> => {
  const f = structuredClone(fixture);
  f.snapshot.networkPolicies = policies;
  change?.(f.snapshot);
  return fixtureContext(f);
};

/** An egress or ingress rule (`to` or `_from`). */
type V1NetworkPolicyRule = V1NetworkPolicyEgressRule & V1NetworkPolicyIngressRule;

const ns = 'netpol-rec';
const np = (name: string, spec: V1NetworkPolicySpec, namespace = ns): V1NetworkPolicy => ({ metadata: { name, namespace }, spec });
const forApp = (name: string, egress: V1NetworkPolicyRule[], more: V1NetworkPolicySpec = {}): V1NetworkPolicy => np(name, { podSelector: { matchLabels: { app: 'app' } }, policyTypes: ['Egress'], egress, ...more });
const tcp = (port: number | string, endPort?: number): V1NetworkPolicyPort => ({ protocol: 'TCP', port, ...(endPort ? { endPort } : {}) });
const udp = (port: number | string): V1NetworkPolicyPort => ({ protocol: 'UDP', port });
const ipb = (cidr: string, ...except: string[]): V1NetworkPolicyPeer => ({ ipBlock: { cidr, ...(except.length ? { except } : {}) } });
const pods = (matchLabels: Record<string, string>): V1NetworkPolicyPeer => ({ podSelector: { matchLabels } });
const exists = (key: string): { matchExpressions: { key: string; operator: string }[] } => ({ matchExpressions: [{ key, operator: 'Exists' }] });
const kubeSystem = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } };
const kubeDns: V1NetworkPolicyPeer = { ...kubeSystem, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
const dns = [udp(53), tcp(53)];
const dnsToKubeDns: V1NetworkPolicyRule = { to: [kubeDns], ports: dns };
const toDb: V1NetworkPolicyRule = { to: [pods({ app: 'db' })], ports: [tcp(5432)] };
/** app-egress as injected (TCP 443 anywhere) plus rules. */
const appEgress = (...rules: V1NetworkPolicyRule[]): V1NetworkPolicy => forApp('app-egress', [{ ports: [tcp(443)] }, ...rules]);
const solution = appEgress(dnsToKubeDns, toDb);
/** The solution plus one more rule: spec.egress[3]. */
const plus = (rule: V1NetworkPolicyRule): V1NetworkPolicy[] => [appEgress(dnsToKubeDns, toDb, rule)];
const rule3 = 'NetworkPolicy app-egress spec.egress[3] allows app → ';
const unrestricted = "no NetworkPolicy in namespace netpol-rec selects app's pods (app=app) with Egress in policyTypes, so all egress is allowed, e.g. app → pods app=legacy-db in namespace netpol-rec on TCP 5432";
const everyPod = ', which covers the pod CIDR 10.244.0.0/24: every pod';

const params: PolicyAllowsParams = { workload: 'app', direction: 'Egress', allow: [{ pods: { app: 'db' }, ports: [{ protocol: 'TCP', port: 5432 }] }], dns: true, plusInjected: true };
const expected = "expected app's egress within {pods app=db in namespace netpol-rec on TCP 5432, DNS (UDP 53, TCP 53 with any peer), as injected: any peer on TCP 443}";

describe('policyAllows: app may reach db on TCP 5432, DNS, and what app-egress allowed at injection', () => {
  // [name, policies, true (passes) or the failure reason up to ": expected …"]
  it.each<[string, V1NetworkPolicy[], true | string]>([
    // Every spelling of "open".
    ['an empty rule {}', plus({}), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['to: []', plus({ to: [] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['to: [] and ports: []', plus({ to: [], ports: [] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['0.0.0.0/0', plus({ to: [ipb('0.0.0.0/0')] }), `${rule3}pods app=legacy-db in namespace netpol-rec (10.244.0.206 inside ipBlock 0.0.0.0/0${everyPod}) on TCP 5432`],
    ['0.0.0.0/1 + 128.0.0.0/1', plus({ to: [ipb('0.0.0.0/1'), ipb('128.0.0.0/1')] }), `${rule3}pods app=legacy-db in namespace netpol-rec (10.244.0.206 inside ipBlock 0.0.0.0/1${everyPod}) on TCP 5432`],
    ['the halves, except the pod CIDR', plus({ to: [ipb('0.0.0.0/1', '10.244.0.0/16'), ipb('128.0.0.0/1')] }), `${rule3}0.0.0.0-10.243.255.255 (outside the cluster) on TCP 444-65535`],
    ['0.0.0.0/0 except legacy-db and metrics', plus({ to: [ipb('0.0.0.0/0', '10.244.0.206/32', '10.244.0.207/32')] }), `${rule3}pods app=db in namespace netpol-rec (10.244.0.205 inside ipBlock 0.0.0.0/0 except 10.244.0.206/32,10.244.0.207/32) on TCP 5433-65535`],
    ['0.0.0.0/0 except the pod CIDR: the whole outside', plus({ to: [ipb('0.0.0.0/0', '10.244.0.0/16')] }), `${rule3}0.0.0.0-10.243.255.255 (outside the cluster) on TCP 444-65535`],
    ['::/0', plus({ to: [ipb('::/0')] }), `${rule3}every IPv6 address on TCP 444-65535`],
    ['10.244.0.0/16 (the cluster pod CIDR)', plus({ to: [ipb('10.244.0.0/16')] }), `${rule3}pods app=legacy-db in namespace netpol-rec (10.244.0.206 inside ipBlock 10.244.0.0/16${everyPod}) on TCP 5432`],
    ["legacy-db's pod IP /32 on 5432", plus({ to: [ipb('10.244.0.206/32')], ports: [tcp(5432)] }), `${rule3}pods app=legacy-db in namespace netpol-rec (10.244.0.206 inside ipBlock 10.244.0.206/32) on TCP 5432`],
    ['one address outside the cluster', plus({ to: [ipb('10.0.0.1/32')], ports: [tcp(80)] }), `${rule3}10.0.0.1 (outside the cluster) on TCP 80`],
    ['part of the pod CIDR with no pod of ours', plus({ to: [ipb('10.244.0.0/25')], ports: [tcp(80)] }), `${rule3}10.244.0.0/25 (pod CIDR 10.244.0.0/24, no pod of namespace netpol-rec) on TCP 80`],
    ['namespaceSelector {}', plus({ to: [{ namespaceSelector: {} }] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['namespaceSelector {} + podSelector app=db: db of every namespace', plus({ to: [{ namespaceSelector: {}, ...pods({ app: 'db' }) }], ports: [tcp(5432)] }), `${rule3}pods app=db in other namespaces on TCP 5432`],
    ['namespaceSelector Exists', plus({ to: [{ namespaceSelector: exists('kubernetes.io/metadata.name') }], ports: [tcp(5432)] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['namespaceSelector NotIn our namespace, UDP 9100', plus({ to: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [ns] }] } }], ports: [udp(9100)] }), `${rule3}any pod in other namespaces matching kubernetes.io/metadata.name notin (netpol-rec) on UDP 9100`],
    ['all of kube-system on every port', plus({ to: [kubeSystem] }), `${rule3}any pod in namespace kube-system on TCP 444-65535`],
    ['podSelector Exists app: legacy-db and metrics', plus({ to: [{ podSelector: exists('app') }], ports: [tcp(5432)] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['podSelector Exists app on 9100', plus({ to: [{ podSelector: exists('app') }], ports: [tcp(9100)] }), `${rule3}pods app=metrics in namespace netpol-rec on TCP 9100`],
    ['podSelector {}: every pod of the namespace', plus({ to: [{ podSelector: {} }] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['podSelector app In (db, legacy-db)', plus({ to: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'legacy-db'] }] } }], ports: [tcp(5432)] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['ports with only protocol TCP', plus({ ports: [{ protocol: 'TCP' }] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['ports with only protocol UDP', plus({ ports: [{ protocol: 'UDP' }] }), `${rule3}pods app=db in namespace netpol-rec on UDP 54-65535`],
    ['port 1 endPort 65535', plus({ ports: [tcp(1, 65535)] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['every port but 5432, anywhere', plus({ ports: [tcp(1, 5431), tcp(5433, 65535)] }), `${rule3}pods app=metrics in namespace netpol-rec on TCP 9100`],
    ['every port but 9100, anywhere', plus({ ports: [tcp(1, 9099), tcp(9101, 65535)] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['every port but 5432 and 9100, anywhere', plus({ ports: [tcp(1, 5431), tcp(5433, 9099), tcp(9101, 65535)] }), `${rule3}pods app=db in namespace netpol-rec on TCP 9101-65535`],
    ['TCP 5432 to anywhere', [appEgress({ ports: dns }, { ports: [tcp(5432)] })], 'NetworkPolicy app-egress spec.egress[2] allows app → pods app=legacy-db in namespace netpol-rec on TCP 5432'],
    ['DNS with SCTP too', [appEgress({ ports: [...dns, { protocol: 'SCTP', port: 53 }] }, toDb)], 'NetworkPolicy app-egress spec.egress[1] allows app → pods app=db in namespace netpol-rec on SCTP 53'],
    ['kube-dns and db in one rule: peers × ports', [appEgress({ to: [kubeDns, pods({ app: 'db' })], ports: [...dns, tcp(5432)] })], 'NetworkPolicy app-egress spec.egress[1] allows app → pods k8s-app=kube-dns in namespace kube-system on TCP 5432'],
    ['named port to every pod', plus({ to: [{ podSelector: {} }], ports: [tcp('postgres')] }), `${rule3}pods app=legacy-db in namespace netpol-rec on TCP 5432`],
    ['named port to anywhere', plus({ ports: [tcp('metrics')] }), `${rule3}pods app=metrics in namespace netpol-rec on TCP 9100`],
    ['named port on pods we cannot see', plus({ to: [kubeDns], ports: [udp('dns')] }), `${rule3}pods k8s-app=kube-dns in namespace kube-system on UDP port named "dns"`],
    ['a second policy adds metrics', [solution, forApp('app-metrics', [{ to: [pods({ app: 'metrics' })], ports: [tcp(9100)] }])], 'NetworkPolicy app-metrics spec.egress[0] allows app → pods app=metrics in namespace netpol-rec on TCP 9100'],
    ['a second policy allows all egress', [appEgress(), forApp('app-allow-all', [{}])], 'NetworkPolicy app-allow-all spec.egress[0] allows app → pods app=legacy-db in namespace netpol-rec on TCP 5432'],
    ['a namespace-wide allow-all egress', [solution, np('allow-all', { podSelector: {}, policyTypes: ['Egress'], egress: [{}] })], 'NetworkPolicy allow-all spec.egress[0] allows app → pods app=legacy-db in namespace netpol-rec on TCP 5432'],
    ['Egress dropped from policyTypes', [forApp('app-egress', [{ ports: [tcp(443)] }], { policyTypes: ['Ingress'], ingress: [{}] })], unrestricted],
    ['podSelector no longer selects app', [np('app-egress', { podSelector: { matchLabels: { app: 'nobody' } }, policyTypes: ['Egress'], egress: [{ ports: [tcp(443)] }] })], unrestricted],
    ['app-egress deleted', [], unrestricted],
    ['policyTypes defaulted without egress rules: Ingress only', [np('app-egress', { podSelector: { matchLabels: { app: 'app' } }, egress: [] })], unrestricted],
    // The honest ones.
    ['the reference solution', [solution], true],
    ['the broken state allows less: not this check’s business', [appEgress()], true],
    ['a second, separate policy for DNS and db', [appEgress(), forApp('app-allow-dns-and-db', [dnsToKubeDns, toDb])], true],
    ['a namespace default-deny plus the allows', [solution, np('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }), np('db-from-app', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [{ _from: [pods({ app: 'app' })], ports: [tcp(5432)] }] })], true],
    ['DNS to all of kube-system', [appEgress({ to: [kubeSystem], ports: dns }, toDb)], true],
    ['DNS on port 53 to anywhere', [appEgress({ ports: dns }, toDb)], true],
    ['DNS to kube-dns on UDP only', [appEgress({ to: [kubeDns], ports: [udp(53)] }, toDb)], true],
    ['db by matchExpressions app In (db)', [appEgress(dnsToKubeDns, { to: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] } }], ports: [tcp(5432)] })], true],
    ['db by our namespace name and its labels', [appEgress(dnsToKubeDns, { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } }, ...pods({ app: 'db' }) }], ports: [tcp(5432)] })], true],
    ["db by its pod IP /32", [appEgress(dnsToKubeDns, { to: [ipb('10.244.0.205/32')], ports: [tcp(5432)] })], true],
    ['db with default protocol and endPort = port', [appEgress(dnsToKubeDns, { to: [pods({ app: 'db' })], ports: [{ port: 5432, endPort: 5432 }] })], true],
    ['db by named port', [appEgress(dnsToKubeDns, { to: [pods({ app: 'db' })], ports: [tcp('postgres')] })], true],
    ['an Ingress-only policy with an open egress rule', [solution, forApp('app-in', [{}], { policyTypes: ['Ingress'], ingress: [{}] })], true],
    ['an allow-all for other pods', [solution, np('db-out', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'], egress: [{}] })], true],
    ['an allow-all in another namespace', [solution, np('allow-all', { podSelector: {}, policyTypes: ['Egress'], egress: [{}] }, 'elsewhere')], true],
    ['policyTypes left to defaulting with egress rules', [np('app-egress', { podSelector: { matchLabels: { app: 'app' } }, egress: [{ ports: [tcp(443)] }, dnsToKubeDns, toDb] })], true],
  ])('%s', (_name, policies, want) => {
    const verdict = policyAllows(params, context(policies));
    if (want === true) expect(verdict.reason).toMatch(/^app's egress stays within \{pods app=db in namespace netpol-rec on TCP 5432, DNS \(UDP 53, TCP 53 with any peer\), as injected: any peer on TCP 443\}: NetworkPolic/);
    else expect(verdict.reason).toBe(`${want}: ${expected}`);
    expect(verdict.passed).toBe(want === true);
  });

  it.each<[string, V1NetworkPolicy[], object]>([
    ['a rule', plus({}), { kind: 'NetworkPolicy', name: 'app-egress', path: 'spec.egress[3]' }],
    ['Egress dropped', [forApp('app-egress', [], { policyTypes: ['Ingress'] })], { kind: 'NetworkPolicy', name: 'app-egress', path: 'spec.policyTypes' }],
    ['selector moved', [np('app-egress', { podSelector: { matchLabels: { app: 'nobody' } }, policyTypes: ['Egress'] })], { kind: 'NetworkPolicy', name: 'app-egress', path: 'spec.podSelector' }],
    ['deleted', [], { kind: 'NetworkPolicy', name: 'app-egress' }],
    ['passed', [solution], { kind: 'Deployment', name: 'app' }],
  ])('where: %s', (_name, policies, where) => {
    expect(policyAllows(params, context(policies)).where).toEqual(where);
  });

  it('says what was allowed when it passes', () => {
    expect(policyAllows(params, context([solution])).reason).toBe(
      "app's egress stays within {pods app=db in namespace netpol-rec on TCP 5432, DNS (UDP 53, TCP 53 with any peer), as injected: any peer on TCP 443}: NetworkPolicy app-egress allows any peer on TCP 443; pods k8s-app=kube-dns in namespace kube-system on UDP 53, TCP 53; pods app=db in namespace netpol-rec on TCP 5432",
    );
  });

  it('fails with the workload reason when app is gone', () => {
    const verdict = policyAllows(params, context([solution], (s) => (s.deployments = s.deployments.filter((d) => d.metadata?.name !== 'app'))));
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toMatch(/^Deployment app not found/);
  });
});

describe('policyAllows on ingress: db may hear from app on TCP 5432', () => {
  const ingress: PolicyAllowsParams = { workload: 'db', direction: 'Ingress', allow: [{ pods: { app: 'app' }, ports: [{ port: 5432 }] }] };
  const dbIn = (rule: V1NetworkPolicyRule): V1NetworkPolicy[] => [np('db-in', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'], ingress: [rule] })];
  it.each<[string, V1NetworkPolicy[], true | string]>([
    ['from app on 5432', dbIn({ _from: [pods({ app: 'app' })], ports: [tcp(5432)] }), true],
    ['from app on the named port', dbIn({ _from: [pods({ app: 'app' })], ports: [tcp('postgres')] }), true],
    ['a name db does not declare matches nothing', dbIn({ _from: [{ podSelector: {} }], ports: [tcp('nothing')] }), true],
    ['from every pod on the named port', dbIn({ _from: [{ podSelector: {} }], ports: [tcp('postgres')] }), 'NetworkPolicy db-in spec.ingress[0] allows pods app=legacy-db in namespace netpol-rec → db on TCP 5432'],
    ['from anywhere', dbIn({}), 'NetworkPolicy db-in spec.ingress[0] allows pods app=legacy-db in namespace netpol-rec → db on TCP 5432'],
    ['an Egress-only policy restricts no ingress', [np('db-out', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'] })], "no NetworkPolicy in namespace netpol-rec selects db's pods (app=db) with Ingress in policyTypes, so all ingress is allowed, e.g. pods app=legacy-db in namespace netpol-rec → db on TCP 5432"],
  ])('%s', (_name, policies, want) => {
    const verdict = policyAllows(ingress, context(policies));
    if (want === true) expect(verdict.reason).toMatch(/^db's ingress stays within \{pods app=app in namespace netpol-rec on TCP 5432\}/);
    else expect(verdict.reason).toBe(`${want}: expected db's ingress within {pods app=app in namespace netpol-rec on TCP 5432}`);
    expect(verdict.passed).toBe(want === true);
  });
});

describe('policyAllows on the recorded egress-networkpolicy states', () => {
  it.each<[string, boolean]>([
    ['fixed', true],
    ['broken', true],
    ['fix-dns-port-anywhere', true],
    ['shortcut-db-by-host-alias', true],
    ['shortcut-allow-all-egress', false],
    ['shortcut-pin-decoys-to-loopback', false],
  ])('%s', async (name, passed) => {
    const verdict = policyAllows(params, fixtureContext(await loadFixture(`recorded/egress-networkpolicy-${name}`)));
    expect(verdict.passed, verdict.reason).toBe(passed);
  });
});

// docs/decisions/0080: a failure is final only when no pod's coming or going can end it.
describe('policyAllows: which failures are final', () => {
  it.each<[string, V1NetworkPolicy[], boolean]>([
    ['open to every address (reaches outside the pod network)', plus({}), true],
    ['open to another namespace', plus({ to: [{ namespaceSelector: {} }], ports: [tcp(8080)] }), true],
    ['no policy restricts app at all', [], true],
    ['one more pod by label: depends on which pods run', plus({ to: [pods({ app: 'legacy-db' })], ports: [tcp(5432)] }), false],
    ['a pod address by ipBlock: depends on where that pod runs', plus({ to: [ipb('10.244.0.206/32')], ports: [tcp(5432)] }), false],
  ])('%s', (_name, policies, final) => {
    const verdict = policyAllows(params, context(policies));
    expect(verdict.passed).toBe(false);
    expect(Boolean(verdict.final), verdict.reason).toBe(final);
  });
});
