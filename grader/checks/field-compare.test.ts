import { describe, expect, it } from 'vitest';
import type { V1Node } from '@kubernetes/client-node';
import { container, fakeUid, pod, snapshot, waiting, workload } from '../fixtures/builders.ts';
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
    const rs = parts.replicaSets![0]!;
    // Each pod from a ReplicaSet of its own image, as a rollout leaves them (a pod that differs from its owner's template fails first).
    parts.pods?.forEach((p, i) => {
      const containers = [container('frontend', { image: images[i] })];
      const own = structuredClone(rs);
      own.metadata = { ...own.metadata, name: `frontend-rs${i}`, uid: `rs-uid-${i}` };
      own.spec!.template!.spec!.containers = containers;
      parts.replicaSets!.push(own);
      p.metadata!.ownerReferences = [{ ...p.metadata!.ownerReferences![0]!, name: own.metadata.name!, uid: own.metadata.uid! }];
      p.spec = { ...p.spec, containers };
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

describe('fieldCompare: images by what runs', () => {
  const d136 = 'sha256:fcabee45a08ad29e66ce4508262efa160b78ee7e3d34e2fe390fd49136a26767';
  const dOther = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
  const node: V1Node = { metadata: { name: 'node-1' }, status: { images: [{ names: [`docker.io/library/busybox@${d136}`, 'docker.io/library/busybox:1.36'], sizeBytes: 1 }] } };
  const template = { object: { kind: 'Deployment', name: 'frontend' }, path: 'spec.template.spec.containers[name=frontend].image', op: 'eq', value: 'busybox:1.36', image: true };
  const pods = { pods: 'frontend', path: 'spec.containers[name=frontend].image', op: 'eq', value: 'busybox:1.36', image: true };
  const on = (image: string, withNode = true): Partial<Snapshot>[] => [workload('frontend', { containers: [container('frontend', { image })] }), withNode ? { nodes: [node] } : {}];
  it.each<[string, Partial<Snapshot>[], Record<string, unknown>, boolean, RegExp]>([
    ['the template pinned to the digest of the tag', on(`busybox@${d136}`), template, true, /image: "busybox@sha256:fcabee45.*… \(expected "docker\.io\/library\/busybox:1\.36"\)$/],
    ['with a registry prefix', on(`docker.io/library/busybox@${d136}`), template, true, /\(expected "docker\.io\/library\/busybox:1\.36"\)$/],
    ['every pod on that digest', on(`busybox@${d136}`), pods, true, /^every one of 1 pod of Deployment frontend/],
    ['another digest', on(`busybox@${dOther}`), template, false, /expected "docker\.io\/library\/busybox:1\.36", saw "busybox@sha256:1111.*… \(docker\.io\/library\/busybox:1\.36 is sha256:fcabee45a08a…( or sha256:aa…)? here\)$/],
    ['a digest the tag does not resolve to here (the pods ran sha256:aa)', on(`busybox@${d136}`, false), template, false, /\(docker\.io\/library\/busybox:1\.36 is sha256:aa… here\)$/],
    ['ne holds for another digest', on(`busybox@${dOther}`), { ...template, op: 'ne' }, true, /expected anything but/],
    ['in accepts the digest of one option', on(`busybox@${d136}`), { ...template, op: 'in', value: ['busybox:1.35', 'busybox:1.36'] }, true, /expected one of/],
  ])('%s', (_name, parts, params, passed, reason) => {
    const verdict = fieldCompare(check('fieldCompare', params), context(snapshot(...parts)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('judges a stray pod carrying the selector on another image', () => {
    const orphan = pod(undefined, { name: 'frontend-orphan', labels: { app: 'frontend' }, phase: 'Pending', ready: false, containers: [waiting('frontend', 'ImagePullBackOff')] });
    orphan.spec = { ...orphan.spec, containers: [container('frontend', { image: 'busybox:1.36.99' })] };
    const verdict = fieldCompare(check('fieldCompare', pods), context(snapshot(...on('busybox:1.36'), { pods: [orphan] })));
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toMatch(/^pod frontend-orphan spec\.containers\[name=frontend\]\.image: expected "docker\.io\/library\/busybox:1\.36", saw "busybox:1\.36\.99"; 1 pod with app=frontend is not owned/);
    expect(verdict.where).toEqual({ kind: 'Pod', name: 'frontend-orphan', path: 'spec.containers[name=frontend].image' });
  });
});

describe('fieldCompare: requests as the API server defaults them', () => {
  const path = 'spec.template.spec.containers[name=worker].resources.requests.memory';
  const withResources = (resources: Record<string, Record<string, string>>): Partial<Snapshot> => workload('worker', { containers: [container('worker', { resources })] });
  const requests = (op: string, value?: string): Record<string, unknown> => ({ object: { kind: 'Deployment', name: 'worker' }, path, op, ...(value ? { value } : {}), quantity: true });
  it.each<[string, Partial<Snapshot>, Record<string, unknown>, boolean, RegExp]>([
    ['only a limit: the request is the limit', withResources({ limits: { memory: '256Mi' } }), requests('gte', '160Mi'), true, /requests\.memory: 256Mi \(expected >= 160Mi\)$/],
    ['only a limit: the request exists', withResources({ limits: { memory: '256Mi' } }), requests('exists'), true, /requests\.memory: 256Mi \(expected a value\)$/],
    ['only a limit: the request is not absent', withResources({ limits: { memory: '256Mi' } }), requests('absent'), false, /requests\.memory: expected nothing, saw 256Mi$/],
    ['a request written wins', withResources({ limits: { memory: '256Mi' }, requests: { memory: '32Mi' } }), requests('gte', '160Mi'), false, /requests\.memory: expected >= 160Mi, saw 32Mi$/],
    ['neither', withResources({}), requests('gte', '160Mi'), false, /requests\.memory: expected >= 160Mi, saw nothing$/],
  ])('%s', (_name, part, params, passed, reason) => {
    const verdict = fieldCompare(check('fieldCompare', params), context(snapshot(part)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
