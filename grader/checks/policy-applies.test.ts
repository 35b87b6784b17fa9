import type { V1NetworkPolicy, V1NetworkPolicySpec } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { fakeUid, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import { policyApplies } from './policy-applies.ts';

const policy = (spec: V1NetworkPolicySpec, uid = fakeUid('np')): V1NetworkPolicy => ({ metadata: { name: 'app-egress', uid }, spec });
const egress443 = [{ ports: [{ protocol: 'TCP', port: 443 }] }];

describe('policyApplies (what the rules allow is policyAllows\' job: grader/netpol)', () => {
  it.each<[string, V1NetworkPolicy[], boolean, RegExp]>([
    ['selects app, lists Egress', [policy({ podSelector: { matchLabels: { app: 'app' } }, policyTypes: ['Egress'], egress: egress443 })], true, /^NetworkPolicy app-egress selects Deployment app's pods \(app=app\) with app=app and lists Egress \(policyTypes \["Egress"\]\)$/],
    ['recreated with a new uid', [policy({ podSelector: { matchLabels: { app: 'app' } }, policyTypes: ['Egress'] }, fakeUid('again'))], true, /lists Egress/],
    ['selects with an expression', [policy({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['app', 'web'] }] }, policyTypes: ['Egress'] })], true, /with app in \(app,web\)/],
    ['selects every pod', [policy({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], true, /with \{\} \(every pod\)/],
    ['policyTypes left to defaulting, egress rules present', [policy({ podSelector: { matchLabels: { app: 'app' } }, egress: egress443 })], true, /policyTypes \["Ingress","Egress"\]/],
    ['deleted', [], false, /^NetworkPolicy app-egress not found in namespace drill: expected it to exist and select Deployment app$/],
    ['selector moved to other pods', [policy({ podSelector: { matchLabels: { app: 'nothing' } }, policyTypes: ['Egress'] })], false, /^NetworkPolicy app-egress spec\.podSelector: expected to select Deployment app's pods \(app=app\), saw app=nothing$/],
    ['Egress dropped', [policy({ podSelector: { matchLabels: { app: 'app' } }, policyTypes: ['Ingress'] })], false, /^NetworkPolicy app-egress spec\.policyTypes: expected to include Egress, saw \["Ingress"\]$/],
    ['defaulting without egress rules gives Ingress only', [policy({ podSelector: { matchLabels: { app: 'app' } } })], false, /expected to include Egress, saw \["Ingress"\]/],
  ])('%s', (_name, networkPolicies, passed, reason) => {
    const verdict = policyApplies(check('policyApplies', { policy: 'app-egress', workload: 'app', policyType: 'Egress' }), context(snapshot(workload('app'), { networkPolicies })));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('fails when the workload is gone', () => {
    const np = policy({ podSelector: {}, policyTypes: ['Egress'] });
    const verdict = policyApplies(check('policyApplies', { policy: 'app-egress', workload: 'app', policyType: 'Egress' }), context(snapshot({ networkPolicies: [np] })));
    expect(verdict.reason).toMatch(/^Deployment app not found/);
  });
});
