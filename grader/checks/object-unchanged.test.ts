import { describe, expect, it } from 'vitest';
import type { V1Deployment, V1Service } from '@kubernetes/client-node';
import { loadFixture } from '../fixtures/replay.ts';
import { storedObjects } from '../stored/content.ts';
import type { CheckOf } from '../outcome.ts';
import type { CheckContext, Snapshot } from '../types.ts';
import { objectUnchanged } from './object-unchanged.ts';

// The recorded broken state of crashloop-exit1 as both the stored injection
// and, edited one way or another, the state graded: what a learner could do
// to the kept Deployment redis and Service redis.
const fixture = await loadFixture('recorded/crashloop-exit1-broken');
const baseline = storedObjects(fixture.snapshot);

function graded(edit: (s: Snapshot) => void): CheckContext {
  const snapshot = structuredClone(fixture.snapshot);
  edit(snapshot);
  return { snapshot, probe: { exec: () => Promise.reject(new Error('no exec')), logs: () => Promise.reject(new Error('no logs')), access: () => Promise.reject(new Error('no access')), admit: () => Promise.reject(new Error('no admit')) }, injected: fixture.injected, fingerprint: fixture.fingerprint, baseline };
}
const redis = (s: Snapshot): V1Deployment => s.deployments.find((d) => d.metadata?.name === 'redis')!;
const service = (s: Snapshot): V1Service => s.services.find((d) => d.metadata?.name === 'redis')!;
type Keep = CheckOf<'objectUnchanged'>;
const keepRedis: Keep = { id: 'keep', kind: 'objectUnchanged', object: { kind: 'Deployment', name: 'redis' }, description: 'd', points: 0, gate: true };
const keepService: Keep = { ...keepRedis, object: { kind: 'Service', name: 'redis' } };

describe('objectUnchanged', () => {
  it.each<[string, Keep, (s: Snapshot) => void, RegExp]>([
    ['a Service re-pointed elsewhere', keepService, (s) => void (service(s).spec!.selector = { app: 'stand-in' }), /^Service redis spec\.selector\.app: redis → stand-in/],
    ['a Service port changed', keepService, (s) => void (service(s).spec!.ports![0]!.targetPort = 7000 as never), /spec\.ports\[redis\]\.targetPort: 6379 → 7000|spec\.ports\[0\]\.targetPort/],
    ['an extra container', keepRedis, (s) => void redis(s).spec!.template.spec!.containers.push({ name: 'extra', image: 'busybox:1.36' }), /spec\.template\.spec\.containers \+ extra \(busybox:1\.36\)/],
    ['other resources', keepRedis, (s) => void (redis(s).spec!.template.spec!.containers[0]!.resources = { limits: { memory: '1Gi' } }), /resources\.limits\.memory: \+ 1Gi/],
    ['a new init container', keepRedis, (s) => void (redis(s).spec!.template.spec!.initContainers = [{ name: 'init', image: 'busybox:1.36' }]), /spec\.template\.spec\.initContainers \+ init \(busybox:1\.36\)/],
    ['a pod-level field', keepRedis, (s) => void (redis(s).spec!.template.spec!.hostAliases = [{ ip: '127.0.0.1', hostnames: ['x'] }]), /spec\.template\.spec\.hostAliases/],
    ['scaled', keepRedis, (s) => void (redis(s).spec!.replicas = 0), /spec\.replicas: 1 → 0/],
    ['a changed label', keepRedis, (s) => void (redis(s).metadata!.labels = { app: 'x' }), /metadata\.labels\.app/],
    ['recreated', keepRedis, (s) => void (redis(s).metadata!.uid = 'another-uid'), /was deleted and recreated/],
    ['deleted', keepRedis, (s) => void (s.deployments = s.deployments.filter((d) => d.metadata?.name !== 'redis')), /not found/],
  ])('fails: %s', (_name, check, edit, reason) => {
    const outcome = objectUnchanged(check, graded(edit));
    expect(outcome.passed).toBe(false);
    expect(outcome.reason).toMatch(reason);
    expect(outcome.where?.kind).toBe(check.object.kind);
  });

  it.each<[string, Keep, (s: Snapshot) => void]>([
    ['untouched', keepRedis, () => undefined],
    ['status and revision move on', keepRedis, (s) => {
      redis(s).status = { replicas: 1, observedGeneration: 9 };
      redis(s).metadata!.annotations = { ...redis(s).metadata!.annotations, 'deployment.kubernetes.io/revision': '7' };
      redis(s).metadata!.generation = 9;
    }],
    ['restarted with kubectl rollout restart', keepRedis, (s) => {
      redis(s).spec!.template.metadata!.annotations = { 'kubectl.kubernetes.io/restartedAt': '2026-12-02T00:00:00Z' };
    }],
    ['re-applied with kubectl apply (last-applied annotation)', keepService, (s) => {
      service(s).metadata!.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    }],
  ])('passes: %s', (_name, check, edit) => {
    const outcome = objectUnchanged(check, graded(edit));
    expect(outcome.reason).toMatch(/unchanged/);
    expect(outcome.passed).toBe(true);
  });

  it('fails with a clear reason when the attempt has no baseline', () => {
    const ctx = graded(() => undefined);
    delete ctx.baseline;
    expect(objectUnchanged(keepRedis, ctx)).toMatchObject({ passed: false, reason: expect.stringMatching(/kubedrill reset/) });
  });
});
