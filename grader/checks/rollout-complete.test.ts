import { describe, expect, it } from 'vitest';
import { fakeUid, pod, snapshot, workload } from '../fixtures/builders.ts';
import type { WorkloadOptions } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { rolloutComplete } from './rollout-complete.ts';

const bare = (n: number): Partial<Snapshot> => ({
  pods: Array.from({ length: n }, (_, i) => pod(undefined, { name: `api-bare-${i}`, labels: { app: 'api' } })),
});
const api = (o: WorkloadOptions = {}): Partial<Snapshot> => workload('api', { replicas: 2, ...o });
const injectedUid = fakeUid('deploy/api');

describe('rolloutComplete', () => {
  it.each<[string, Partial<Snapshot>[], boolean, RegExp]>([
    ['rolled out with 2 replicas', [api()], true, /^Deployment api successfully rolled out: 2\/2 replicas updated and available, generation 1 observed$/],
    ['scaled to zero', [api({ replicas: 0, pods: [] })], false, /^Deployment api spec\.replicas: expected 2, saw 0$/],
    ['scaled to 3', [api({ replicas: 3 })], false, /spec\.replicas: expected 2, saw 3/],
    ['paused', [api({ paused: true })], false, /spec\.paused: expected false, saw true \(rollout is paused\)/],
    ['spec update not observed', [api({ generation: 3, observedGeneration: 2 })], false, /status\.observedGeneration: expected 3 \(metadata\.generation\), saw 2/],
    [
      'progress deadline exceeded',
      [api({ progressing: { status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "api-6c" has timed out progressing.' }, status: { updatedReplicas: 1 } })],
      false,
      /exceeded its progress deadline \(condition Progressing reason ProgressDeadlineExceeded: ReplicaSet "api-6c" has timed out progressing\.\)/,
    ],
    ['new replicas not all updated', [api({ status: { replicas: 3, updatedReplicas: 1, availableReplicas: 2 } })], false, /status\.updatedReplicas: expected 2, saw 1 \(1 of 2 new replicas updated\)/],
    ['old replicas pending termination', [api({ status: { replicas: 3, updatedReplicas: 2, availableReplicas: 2 } })], false, /\(1 old replicas pending termination\)/],
    ['updated replicas not available', [api({ status: { availableReplicas: 1 } })], false, /status\.availableReplicas: expected 2 \(updatedReplicas\), saw 1 \(1 of 2 updated replicas available\)/],
    ['status empty (nothing reported yet)', [api({ status: { replicas: 0, updatedReplicas: 0, availableReplicas: 0, readyReplicas: 0 } })], false, /updatedReplicas: expected 2, saw 0/],
    ['deleted', [], false, /^Deployment api not found in namespace drill: expected the injected Deployment to exist$/],
    ['deleted, bare pods left with the same labels', [bare(2)], false, /not found .*; 2 pods with app=api exist but bare pods do not count/],
    ['scaled to zero plus bare pods', [api({ replicas: 0, pods: [] }), bare(2)], false, /saw 0; 2 pods with app=api are not owned by Deployment api \(bare pods do not count\)/],
    ['recreated under the same name', [api({ uid: fakeUid('recreated') })], false, /^Deployment api was deleted and recreated \(uid [0-9a-f]{8}…, injected as [0-9a-f]{8}…\)$/],
  ])('%s', (_name, parts, passed, reason) => {
    const ctx = context(snapshot(...parts), { injected: [manifestOf()], fingerprint: { 'Deployment/api': injectedUid } });
    const verdict = rolloutComplete(check('rolloutComplete', { workload: 'api', replicas: 2 }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('defaults spec.replicas to 1 when unset', () => {
    const parts = workload('worker', { replicas: 1 });
    delete parts.deployments?.[0]?.spec?.replicas;
    const verdict = rolloutComplete(check('rolloutComplete', { workload: 'worker', replicas: 1 }), context(snapshot(parts)));
    expect(verdict).toMatchObject({ passed: true });
  });

  it('passes without a fingerprint entry (identity unknown, not assumed broken)', () => {
    const verdict = rolloutComplete(check('rolloutComplete', { workload: 'api', replicas: 2 }), context(snapshot(api({ uid: fakeUid('x') }))));
    expect(verdict.passed).toBe(true);
  });
});

function manifestOf(): { apiVersion: string; kind: string; metadata: { name: string }; spec: unknown } {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { selector: { matchLabels: { app: 'api' } } } };
}
