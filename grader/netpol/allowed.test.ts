import type { V1NetworkPolicy, V1NetworkPolicySpec } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures/replay.ts';
import { allowedBy, policyTypes } from './allowed.ts';
import type { Direction } from './allowed.ts';
import { universeOf } from './peers.ts';
import type { Universe } from './peers.ts';

let u: Universe;
beforeAll(async () => {
  u = universeOf((await loadFixture('universe/egress-networkpolicy-fixed')).snapshot);
});

const np = (name: string, spec: V1NetworkPolicySpec, namespace = 'netpol-rec'): V1NetworkPolicy => ({ metadata: { name, namespace }, spec });
const app = { podSelector: { matchLabels: { app: 'app' } } };
const subject = { labels: { app: 'app' }, containerPorts: [{ containerPort: 8080 }] };

describe('policyTypes', () => {
  it.each<[string, V1NetworkPolicySpec, string[]]>([
    ['explicit', { ...app, policyTypes: ['Egress'] }, ['Egress']],
    ['defaulted with egress rules', { ...app, egress: [{}] }, ['Ingress', 'Egress']],
    ['defaulted without', { ...app, egress: [] }, ['Ingress']],
  ])('%s', (_name, spec, want) => {
    expect(policyTypes(np('p', spec))).toEqual(want);
  });
});

describe('allowedBy', () => {
  // [name, policies, direction, selecting policies, grants as "policy path peer?"]
  it.each<[string, V1NetworkPolicy[], Direction, string[], string[]]>([
    ['no policy: one grant of everything', [], 'Egress', [], ['implicit']],
    ['one rule per peer, an empty to as one grant', [np('a', { ...app, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8' } }] }, { to: [] }] })], 'Egress', ['a'], ['a spec.egress[0] peer', 'a spec.egress[0] peer', 'a spec.egress[1] any']],
    ['Egress not listed: its egress rules do not count', [np('a', { ...app, policyTypes: ['Ingress'], egress: [{}] })], 'Egress', [], ['implicit']],
    ['not selecting the subject', [np('a', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'] })], 'Egress', [], ['implicit']],
    ['another namespace', [np('a', { ...app, policyTypes: ['Egress'] }, 'elsewhere')], 'Egress', [], ['implicit']],
    ['a default-deny selects and allows nothing', [np('deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], 'Egress', ['deny'], []],
    ['ingress rules read as raw JSON from', [{ metadata: { name: 'in' }, spec: { ...app, ingress: [{ from: [{ podSelector: {} }] }] } } as unknown as V1NetworkPolicy], 'Ingress', ['in'], ['in spec.ingress[0] peer']],
  ])('%s', (_name, policies, direction, selecting, grants) => {
    const got = allowedBy({ policies, subject, direction, universe: u });
    expect(got.policies).toEqual(selecting);
    expect(got.grants.map((g) => (g.source ? `${g.source.policy} ${g.source.path} ${g.peer ? 'peer' : 'any'}` : 'implicit'))).toEqual(grants);
  });
});
