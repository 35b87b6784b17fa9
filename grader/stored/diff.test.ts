import { describe, expect, it } from 'vitest';
import { loadFixture } from '../fixtures/replay.ts';
import { storedObjects, type StoredObject } from './content.ts';
import { diffStored, summary } from './diff.ts';

/**
 * The debrief's diff on snapshots recorded from a real cluster: the broken
 * state (as the API server stored the injection) against the state after
 * solution.sh. The two were recorded from two injections, so uids are aligned
 * by kind and name first; everything else is what the server returned.
 */
async function changesAfterSolution(id: string): Promise<string[]> {
  const broken = storedObjects((await loadFixture(`recorded/${id}-broken`)).snapshot);
  const fixedSnapshot = (await loadFixture(`recorded/${id}-fixed`)).snapshot;
  const fixed = storedObjects(fixedSnapshot, broken.filter((o) => o.kind === 'PriorityClass').map((o) => o.name));
  const uid = new Map(fixed.map((o) => [`${o.kind}/${o.name}`, o.uid]));
  const baseline = broken.map((o) => ({ ...o, uid: uid.get(`${o.kind}/${o.name}`) ?? o.uid }));
  return diffStored(baseline, fixed).flatMap((c) => (c.fields.length ? c.fields.map((f) => `${c.object} ${c.change}: ${f}`) : [`${c.object} ${c.change}`]));
}

describe('diffStored on recorded states (broken → after solution.sh)', () => {
  it.each([
    ['crashloop-exit1', ['Deployment api modified: spec.template.spec.containers[api].env + REDIS_HOST (from ConfigMap api-config)']],
    [
      'missing-configmap',
      ['Deployment web modified: spec.template: restarted (kubectl rollout restart)', 'ConfigMap web-settings created'],
    ],
    ['oom-stress', [
      'Deployment worker modified: spec.template.spec.containers[worker].resources.limits.memory: 64Mi → 256Mi',
      'Deployment worker modified: spec.template.spec.containers[worker].resources.requests.memory: 32Mi → 160Mi',
    ]],
    ['priority-preemption', [
      'Deployment payments modified: spec.template.spec.priorityClassName: + payments-critical',
      'PriorityClass payments-critical created',
    ]],
  ])('%s', async (id, expected) => {
    const lines = await changesAfterSolution(id);
    for (const line of expected) expect(lines).toContain(line);
    expect(lines).toHaveLength(expected.length);
  });

  it('bad-image-tag: the rollback shows as the image going back', async () => {
    const lines = await changesAfterSolution('bad-image-tag');
    expect(lines).toContain('Deployment frontend modified: spec.template.spec.containers[frontend].image: busybox:1.36.99 → busybox:1.36');
  });

  it('egress-networkpolicy: the two added rules in words, nothing else', async () => {
    expect(await changesAfterSolution('egress-networkpolicy')).toEqual([
      'NetworkPolicy app-egress modified: spec.egress + to pods k8s-app=kube-dns in namespaces kubernetes.io/metadata.name=kube-system on UDP 53, TCP 53',
      'NetworkPolicy app-egress modified: spec.egress + to pods app=db on TCP 5432',
    ]);
  });

  it('the broken state against itself: no change', async () => {
    const broken = storedObjects((await loadFixture('recorded/crashloop-exit1-broken')).snapshot);
    expect(diffStored(broken, broken)).toEqual([]);
  });
});

const deployment = (uid: string, spec: Record<string, unknown>): StoredObject => ({ kind: 'Deployment', name: 'api', uid, labels: { app: 'api' }, annotations: {}, body: { spec } });

describe('diffStored', () => {
  it.each<[string, StoredObject[], StoredObject[], string[]]>([
    ['reordered named items are not a change', [deployment('u', { c: [{ name: 'a', x: 1 }, { name: 'b' }] })], [deployment('u', { c: [{ name: 'b' }, { name: 'a', x: 1 }] })], []],
    ['a scalar', [deployment('u', { replicas: 2 })], [deployment('u', { replicas: 0 })], ['spec.replicas: 2 → 0']],
    ['args as a whole', [deployment('u', { args: ['a'] })], [deployment('u', { args: ['sleep', '1d'] })], ['spec.args: ["a"] → ["sleep","1d"]']],
    ['a removed named item', [deployment('u', { c: [{ name: 'a' }, { name: 'b' }] })], [deployment('u', { c: [{ name: 'a' }] })], ['spec.c - b']],
    ['an env literal', [deployment('u', { env: [] })], [deployment('u', { env: [{ name: 'X', value: 'y' }] })], ['spec.env + X=y']],
  ])('%s', (_name, before, after, fields) => {
    expect(diffStored(before, after).flatMap((c) => c.fields)).toEqual(fields);
  });

  it('a recreated object is named as such', () => {
    expect(diffStored([deployment('u1', {})], [deployment('u2', {})])).toEqual([
      { object: 'Deployment api', kind: 'Deployment', name: 'api', change: 'recreated', fields: [] },
    ]);
  });

  it('deleted and created objects', () => {
    const cm: StoredObject = { kind: 'ConfigMap', name: 'c', uid: 'c1', labels: {}, annotations: {}, body: {} };
    expect(diffStored([cm], [deployment('u', {})]).map((c) => `${c.object} ${c.change}`)).toEqual(['Deployment api created', 'ConfigMap c deleted']);
  });

  it.each([
    [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, 'A (from Secret s)'],
    [{ configMapRef: { name: 'cfg' } }, 'ConfigMap cfg'],
    [{ secretRef: { name: 's' }, prefix: 'P_' }, 'Secret s (prefix P_)'],
    [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ protocol: 'TCP', port: 1, endPort: 65535 }] }, 'to 0.0.0.0/0 except 10.0.0.0/8 on TCP 1-65535'],
    [{ from: [{ namespaceSelector: {} }] }, 'from namespaces (all) on all ports'],
    [{ ports: [{ protocol: 'UDP' }] }, 'to anywhere on UDP any port'],
    ['text', 'text'],
  ])('summary %j', (value, text) => {
    expect(summary(value)).toBe(text);
  });
});
