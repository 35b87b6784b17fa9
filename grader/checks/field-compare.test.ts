import { describe, expect, it } from 'vitest';
import { container, fakeUid, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { fieldCompare } from './field-compare.ts';

const limitPath = 'spec.template.spec.containers[name=worker].resources.limits.memory';
const worker = (memory?: string): Partial<Snapshot> =>
  workload('worker', { containers: [container('worker', memory ? { resources: { limits: { memory }, requests: { memory: '64Mi' } } } : {})] });
const memory = (op: string, value: string): Record<string, unknown> => ({ object: { kind: 'Deployment', name: 'worker' }, path: limitPath, op, value, quantity: true });

describe('fieldCompare on an object', () => {
  it.each<[string, Partial<Snapshot>, Record<string, unknown>, boolean, RegExp]>([
    ['160Mi meets >= 160Mi', worker('160Mi'), memory('gte', '160Mi'), true, /^Deployment worker spec\.template\.spec\.containers\[name=worker\]\.resources\.limits\.memory: 160Mi \(expected >= 160Mi\)$/],
    ['200M meets >= 160Mi', worker('200M'), memory('gte', '160Mi'), true, /limits\.memory: 200M \(expected >= 160Mi\)/],
    ['0.5Gi meets >= 160Mi', worker('0.5Gi'), memory('gte', '160Mi'), true, /0\.5Gi/],
    ['64Mi fails >= 160Mi', worker('64Mi'), memory('gte', '160Mi'), false, /^Deployment worker spec\.template\.spec\.containers\[name=worker\]\.resources\.limits\.memory: expected >= 160Mi, saw 64Mi$/],
    ['no limit fails >= 160Mi', worker(), memory('gte', '160Mi'), false, /limits\.memory: expected >= 160Mi, saw nothing$/],
    ['2Gi fails <= 1Gi', worker('2Gi'), memory('lte', '1Gi'), false, /expected <= 1Gi, saw 2Gi/],
    ['1Gi meets <= 1Gi', worker('1Gi'), memory('lte', '1Gi'), true, /1Gi \(expected <= 1Gi\)/],
    ['garbage is not a quantity', worker('lots'), memory('gte', '160Mi'), false, /saw lots \(not a quantity\)/],
    ['replicas eq 1', worker(), { object: { kind: 'Deployment', name: 'worker' }, path: 'spec.replicas', op: 'eq', value: 1 }, true, /spec\.replicas: 1 \(expected 1\)/],
    ['strategy absent', worker(), { object: { kind: 'Deployment', name: 'worker' }, path: 'spec.strategy', op: 'absent' }, true, /spec\.strategy: nothing \(expected nothing\)/],
    ['missing object', {}, memory('gte', '160Mi'), false, /^Deployment worker not found: expected spec\..* to be >= 160Mi$/],
    ['recreated Deployment', workload('worker', { uid: fakeUid('again') }), memory('gte', '160Mi'), false, /Deployment worker was deleted and recreated/],
    [
      'a Service port',
      { services: [{ metadata: { name: 'db' }, spec: { ports: [{ name: 'pg', port: 5432, targetPort: 5432 }] } }] },
      { object: { kind: 'Service', name: 'db' }, path: 'spec.ports[0].port', op: 'eq', value: 5432 },
      true,
      /^Service db spec\.ports\[0\]\.port: 5432 \(expected 5432\)$/,
    ],
  ])('%s', (_name, part, params, passed, reason) => {
    const ctx = context(snapshot(part), { fingerprint: { 'Deployment/worker': fakeUid('deploy/worker') } });
    const verdict = fieldCompare(check('fieldCompare', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

describe('fieldCompare on every pod of a workload', () => {
  const image = { pods: 'frontend', path: 'spec.containers[name=frontend].image', op: 'eq', value: 'busybox:1.36' };
  const frontend = (images: string[]): Partial<Snapshot> => {
    const parts = workload('frontend', { replicas: images.length });
    parts.pods?.forEach((p, i) => {
      p.spec = { ...p.spec, containers: [container('frontend', { image: images[i] })] };
    });
    return parts;
  };

  it.each<[string, Partial<Snapshot>, Record<string, unknown>, boolean, RegExp]>([
    ['all on 1.36', frontend(['busybox:1.36', 'busybox:1.36', 'busybox:1.36']), image, true, /^every one of 3 pods of Deployment frontend spec\.containers\[name=frontend\]\.image: "busybox:1\.36" \(expected "busybox:1\.36"\)$/],
    ['one still on the bad tag', frontend(['busybox:1.36', 'busybox:1.36.99']), image, false, /^pod frontend-5d8f7c9b6d-m4q9z spec\.containers\[name=frontend\]\.image: expected "busybox:1\.36", saw "busybox:1\.36\.99"$/],
    ['no pods', frontend([]), image, false, /^Deployment frontend pods spec\.containers\[name=frontend\]\.image: expected at least 1 pod to inspect, saw none$/],
    ['image references compared as images', frontend(['library/busybox:1.36', 'docker.io/busybox:1.36', 'index.docker.io/library/busybox:1.36']), { ...image, image: true }, true, /\(expected "docker\.io\/library\/busybox:1\.36"\)$/],
    ['an image compare still tells tags apart', frontend(['docker.io/library/busybox:1.37']), { ...image, image: true }, false, /expected "docker\.io\/library\/busybox:1\.36", saw "docker\.io\/library\/busybox:1\.37"$/],
    ['priority above 1000', frontend(['busybox:1.36']), { pods: 'frontend', path: 'spec.priority', op: 'gt', value: 1000 }, false, /spec\.priority: expected > 1000, saw nothing/],
  ])('%s', (_name, part, params, passed, reason) => {
    const verdict = fieldCompare(check('fieldCompare', params), context(snapshot(part)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('rejects a check naming both an object and pods', () => {
    const verdict = fieldCompare(check('fieldCompare', { ...image, object: { kind: 'Deployment', name: 'frontend' } }), context(snapshot()));
    expect(verdict.reason).toMatch(/^internal: fieldCompare needs exactly one of `object` and `pods`$/);
  });
});
