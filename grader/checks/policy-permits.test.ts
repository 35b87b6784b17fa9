import type { V1NetworkPolicy, V1NetworkPolicyPeer, V1NetworkPolicySpec, V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { container, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { policyPermits } from './policy-permits.ts';

const np = (name: string, spec: V1NetworkPolicySpec): V1NetworkPolicy => ({ metadata: { name, namespace: 'drill' }, spec });
const deny = np('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
const allowFrom = (from: V1NetworkPolicyPeer[], ports: { port: number | string }[] = [{ port: 8080 }]): V1NetworkPolicy =>
  np('backend-allow-frontend', { podSelector: { matchLabels: { app: 'backend' } }, policyTypes: ['Ingress'], ingress: [{ _from: from, ports: ports.map((p) => ({ protocol: 'TCP', ...p })) }] });
const pods = (matchLabels: Record<string, string>): V1NetworkPolicyPeer => ({ podSelector: { matchLabels } });
const node: V1Node = { metadata: { name: 'node-1' }, spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] } };

// frontend (2 pods, .11 and .12), intruder (.21) and backend (.31, port 8080 named http) in namespace drill.
function world(o: { frontendLabels?: Record<string, string>; handLabel?: Record<string, string> } = {}): Snapshot {
  const s = snapshot(
    workload('frontend', { replicas: 2, labels: o.frontendLabels }),
    workload('intruder'),
    workload('backend', { containers: [container('backend', { ports: [{ name: 'http', containerPort: 8080 }] })] }),
    { nodes: [node] },
  );
  const ips: Record<string, string> = { 'frontend-5d8f7c9b6d-x7k2p': '10.244.0.11', 'frontend-5d8f7c9b6d-m4q9z': '10.244.0.12', 'intruder-5d8f7c9b6d-x7k2p': '10.244.0.21', 'backend-5d8f7c9b6d-x7k2p': '10.244.0.31' };
  for (const p of s.pods) {
    const ip = ips[p.metadata?.name ?? ''];
    if (p.status && ip) p.status.podIP = ip;
    if (o.handLabel && p.metadata?.name?.startsWith('frontend-')) p.metadata.labels = { ...p.metadata.labels, ...o.handLabel };
  }
  return s;
}

const spec = check('policyPermits', { from: 'frontend', to: 'backend', port: 8080 });

describe('policyPermits: a new frontend pod may reach a new backend pod on TCP 8080', () => {
  // [name, policies, world options, passes, reason]
  it.each<[string, V1NetworkPolicy[], Parameters<typeof world>[0], boolean, RegExp]>([
    ['no policy at all', [], {}, true, /egress — no NetworkPolicy restricts it; ingress — no NetworkPolicy restricts it$/],
    ['default deny alone', [deny], {}, false, /^NetworkPolicy default-deny-ingress restricts the ingress of a new pod of Deployment backend \(app=backend\), and no rule of them would let a new pod of Deployment frontend \(app=frontend, an address not known yet\) in on TCP 8080/],
    ['the allow names a label frontend lacks', [deny, allowFrom([pods({ role: 'frontend' })])], {}, false, /^NetworkPolicies default-deny-ingress, backend-allow-frontend restrict the ingress/],
    ['today\'s frontend pods labelled by hand', [deny, allowFrom([pods({ role: 'frontend' })])], { handLabel: { role: 'frontend' } }, false, /the next pod would not$/],
    ['the template carries the label', [deny, allowFrom([pods({ role: 'frontend' })])], { frontendLabels: { app: 'frontend', role: 'frontend' } }, true, /ingress — NetworkPolicy backend-allow-frontend spec\.ingress\[0\]$/],
    ['the allow re-pointed at app=frontend', [deny, allowFrom([pods({ app: 'frontend' })])], {}, true, /ingress — NetworkPolicy backend-allow-frontend spec\.ingress\[0\]$/],
    ['the allow by namespace and pod labels', [deny, allowFrom([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'drill' } }, podSelector: { matchLabels: { app: 'frontend' } } }])], {}, true, /backend-allow-frontend/],
    ['a named port', [deny, allowFrom([pods({ app: 'frontend' })], [{ port: 'http' }])], {}, true, /backend-allow-frontend/],
    ['another port', [deny, allowFrom([pods({ app: 'frontend' })], [{ port: 9090 }])], {}, false, /no rule of them would let/],
    ['ipBlocks of today\'s frontend pods', [deny, allowFrom([{ ipBlock: { cidr: '10.244.0.11/32' } }, { ipBlock: { cidr: '10.244.0.12/32' } }])], {}, false, /the next pod would not$/],
    ['an ipBlock over the pod network', [deny, allowFrom([{ ipBlock: { cidr: '10.244.0.0/16' } }])], {}, true, /backend-allow-frontend/],
    ['frontend\'s egress closed', [allowFrom([pods({ app: 'frontend' })]), np('frontend-egress', { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [pods({ app: 'db' })] }] })], {}, false, /^NetworkPolicy frontend-egress restricts the egress of a new pod of Deployment frontend \(app=frontend\), and no rule of them would let it reach a new pod of Deployment backend \(app=backend\) on TCP 8080/],
    ['frontend\'s egress open to backend', [allowFrom([pods({ app: 'frontend' })]), np('frontend-egress', { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [pods({ app: 'backend' })], ports: [{ protocol: 'TCP', port: 8080 }] }] })], {}, true, /egress — NetworkPolicy frontend-egress spec\.egress\[0\]; ingress — NetworkPolicy backend-allow-frontend spec\.ingress\[0\]$/],
  ])('%s', (_name, networkPolicies, options, passed, reason) => {
    const s = world(options);
    s.networkPolicies = networkPolicies;
    const verdict = policyPermits(spec, context(s));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('fails for good when a workload is gone', () => {
    const s = world();
    s.deployments = s.deployments.filter((d) => d.metadata?.name !== 'backend');
    const verdict = policyPermits(spec, context(s));
    expect(verdict.passed).toBe(false);
    expect(verdict.final).toBe(true);
  });
});
