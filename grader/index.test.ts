import { describe, expect, it } from 'vitest';
import { checkSpec, observation } from '../src/scenario/schema.ts';
import type { CheckSpec } from '../src/scenario/schema.ts';
import { snapshot, workload } from './fixtures/builders.ts';
import { check, context, manifest, observed } from './fixtures/test-context.ts';
import { checks, grade, observations, observe, stabilityWindowMs } from './index.ts';

const kindsOf = (union: { options: readonly { shape: { kind: { value: string } } }[] }): string[] => union.options.map((o) => o.shape.kind.value).sort();

describe('registry', () => {
  it('implements every check kind of the scenario schema', () => {
    expect(Object.keys(checks).sort()).toEqual(kindsOf(checkSpec as never));
  });
  it('implements every observation kind of the scenario schema', () => {
    expect(Object.keys(observations).sort()).toEqual(kindsOf(observation as never));
  });
});

describe('grade', () => {
  const healthy = snapshot(workload('api', { replicas: 2 }));

  it('returns one verdict per check, in order, with the check id', async () => {
    const specs = [check('rolloutComplete', { id: 'rolled-out', workload: 'api', replicas: 2 }), check('podsHealthy', { id: 'healthy', workload: 'api' }), check('objectExists', { id: 'redis', object: { kind: 'Service', name: 'redis' } })];
    const verdicts = await grade(specs, context(healthy));
    expect(verdicts.map((v) => [v.id, v.passed])).toEqual([
      ['rolled-out', true],
      ['healthy', true],
      ['redis', false],
    ]);
    expect(verdicts[2]?.reason).toBe('Service redis not found in namespace drill: expected it to exist');
  });

  it('turns an exception inside a check into a failed verdict', async () => {
    const specs = [
      check('configMapData', { id: 'bad-regex', name: 'x', key: 'k', matches: '(' }),
      check('networkReachable', { id: 'no-exec', from: 'api', host: 'api', port: 8080, expect: 'reachable' }),
      check('podsHealthy', { id: 'fine', workload: 'api' }),
    ];
    const snap = snapshot(workload('api'), { configMaps: [{ metadata: { name: 'x' }, data: { k: 'v' } }] });
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' }, spec: { selector: { app: 'api' }, ports: [{ port: 8080 }] } };
    const verdicts = await grade(specs, context(snap, { injected: [manifest(snap.deployments[0]), service] }));
    expect(verdicts[0]).toEqual({ id: 'bad-regex', passed: false, reason: expect.stringMatching(/^internal error in configMapData check: Invalid regular expression/), where: { kind: 'ConfigMap', name: 'x', namespace: 'drill', path: 'data.k' } });
    expect(verdicts[1]).toEqual({ id: 'no-exec', passed: false, reason: expect.stringMatching(/^internal error in networkReachable check: no recorded exec in pod api-/), where: { kind: 'Deployment', name: 'api', namespace: 'drill', path: 'egress to api:8080' } });
    expect(verdicts[2]?.passed).toBe(true);
  });

  it('turns a thrown non-Error into a failed verdict too', async () => {
    const ctx = context(healthy);
    ctx.probe.exec = () => Promise.reject('connection reset');
    const [verdict] = await grade([check('fileContent', { id: 'f', workload: 'api', path: '/x', matches: 'y' })], ctx);
    expect(verdict).toEqual({ id: 'f', passed: false, reason: 'internal error in fileContent check: connection reset', where: { kind: 'Deployment', name: 'api', namespace: 'drill' } });
  });

  it('grades nothing as nothing', async () => {
    expect(await grade([], context(healthy))).toEqual([]);
  });
});

describe('observe', () => {
  it('returns one verdict per observation, id kind:subject', () => {
    const snap = snapshot(workload('api'), { events: [{ metadata: { name: 'e' }, reason: 'BackOff', involvedObject: { kind: 'Pod', name: 'api-x' } }] });
    const verdicts = observe([observed('podNotReady', { workload: 'api' }), observed('event', { reason: 'BackOff' })], snap);
    expect(verdicts.map((v) => [v.id, v.passed])).toEqual([
      ['podNotReady:api', false],
      ['event:BackOff', true],
    ]);
  });
});

describe('stabilityWindowMs', () => {
  it.each<[string, CheckSpec[], number]>([
    ['no restartsStable', [check('podsHealthy', { workload: 'api' })], 0],
    ['the default window', [check('restartsStable', { workload: 'api' })], 10_000],
    ['the largest window', [check('restartsStable', { workload: 'a', window: '15s' }), check('restartsStable', { workload: 'b', window: '1m' }), check('restartsStable', { workload: 'c', window: '500ms' })], 60_000],
    ['none at all', [], 0],
  ])('%s', (_name, specs, ms) => {
    expect(stabilityWindowMs(specs)).toBe(ms);
  });
});
