import { describe, expect, it } from 'vitest';
import { fakeUid, pod, replicaSet, deployment, running, snapshot, terminated, waiting, workload } from '../fixtures/builders.ts';
import type { PodOptions } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { podsHealthy } from './pods-healthy.ts';

const api = (pods: PodOptions[], replicas = pods.length): Partial<Snapshot> => workload('api', { replicas, pods });
const crash = waiting('api', 'CrashLoopBackOff', { restarts: 4, message: 'back-off 10s restarting failed container=api pod=api-x', last: { reason: 'Error', exitCode: 1 } });

describe('podsHealthy', () => {
  it.each<[string, Partial<Snapshot>[], boolean, RegExp]>([
    ['two pods Running and Ready', [api([{}, {}])], true, /^Deployment api: 2 pods Running and Ready, every container running and ready$/],
    ['crash loop', [api([{}, { ready: false, containers: [crash] }])], false, /1 of 2 pods not Running and Ready — pod api-5d8f7c9b6d-m4q9z: container api waiting CrashLoopBackOff: back-off 10s/],
    ['image pull error', [api([{ ready: false, containers: [waiting('api', 'ErrImagePull')] }])], false, /container api waiting ErrImagePull/],
    ['image pull back-off', [api([{ ready: false, containers: [waiting('api', 'ImagePullBackOff')] }])], false, /waiting ImagePullBackOff/],
    ['config error', [api([{ ready: false, containers: [waiting('api', 'CreateContainerConfigError', { message: 'configmap "api-config" not found' })] }])], false, /waiting CreateContainerConfigError: configmap "api-config" not found/],
    ['still creating', [api([{ phase: 'Pending', ready: false, containers: [waiting('api', 'ContainerCreating')] }])], false, /phase Pending, container api waiting ContainerCreating/],
    ['unschedulable', [api([{ phase: 'Pending', ready: false, unschedulable: { reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient kubedrill.io/slot.' } }])], false, /phase Pending \(Unschedulable: 0\/1 nodes are available: 1 Insufficient kubedrill\.io\/slot\.\), container api has no status yet/],
    ['running, not ready (readiness failing)', [api([{ ready: false, containers: [running('api', { ready: false })] }])], false, /container api running but not ready/],
    ['terminated, before the back-off', [api([{ ready: false, containers: [terminated('api', 'OOMKilled', 137, { restarts: 2 })] }])], false, /container api terminated OOMKilled \(exit 137\)/],
    ['containers fine but pod not Ready', [api([{ ready: false, containers: [running('api')] }])], false, /Ready condition False \(ContainersNotReady\)/],
    ['scaled to zero', [api([], 0)], false, /^Deployment api pods: expected at least 1 Running and Ready pod, saw none \(spec\.replicas 0\)$/],
    ['scaled to zero, bare pods with the same labels', [api([], 0), { pods: [pod(undefined, { name: 'api-bare', labels: { app: 'api' } })] }], false, /saw none .*; 1 pod with app=api is not owned by Deployment api \(bare pods do not count\)/],
    ['a pod being deleted is ignored', [api([{}, { deleting: true, ready: false, containers: [crash] }], 1)], true, /1 pod Running and Ready/],
    ['an evicted (Failed) pod is ignored', [api([{}, { phase: 'Failed', ready: false, containers: [terminated('api', 'Error', 137)] }], 1)], true, /1 pod Running and Ready/],
    ['recreated', [workload('api', { uid: fakeUid('other') })], false, /was deleted and recreated/],
  ])('%s', (_name, parts, passed, reason) => {
    const verdict = podsHealthy(check('podsHealthy', { workload: 'api' }), context(snapshot(...parts), { fingerprint: { 'Deployment/api': fakeUid('deploy/api') } }));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  // Strays: pods that carry app=api without being owned are judged (never counted for a pass).
  const stray = (o: PodOptions): Partial<Snapshot> => ({ pods: [pod(undefined, { name: 'api-orphan', labels: { app: 'api', 'pod-template-hash': '0000000000' }, ...o })] });
  const pull = waiting('api', 'ImagePullBackOff', { message: 'Back-off pulling image "busybox:1.36.99"' });
  it.each<[string, Partial<Snapshot>[], boolean, RegExp]>([
    ['an orphan left waiting on a pull', [api([{}, {}]), stray({ phase: 'Pending', ready: false, containers: [pull] })], false, /^Deployment api: 1 of 3 pods not Running and Ready — pod api-orphan \(not owned, carries app=api\): phase Pending, container api waiting ImagePullBackOff: Back-off pulling/],
    ['a bare pod crash-looping', [api([{}]), stray({ ready: false, containers: [crash] })], false, /pod api-orphan \(not owned, carries app=api\): container api waiting CrashLoopBackOff.*; 1 pod with app=api is not owned by Deployment api \(bare pods do not count\)$/],
    ['a stray being deleted is not judged', [api([{}]), stray({ deleting: true, ready: false, containers: [pull] })], true, /^Deployment api: 1 pod Running and Ready, every container running and ready$/],
    ['a Succeeded stray is not judged', [api([{}]), stray({ phase: 'Succeeded', ready: false, containers: [terminated('api', 'Completed', 0)] })], true, /^Deployment api: 1 pod Running and Ready, every container running and ready$/],
    ['a healthy stray is noted, not counted', [api([{}]), stray({})], true, /^Deployment api: 1 pod Running and Ready, .*; 1 pod with app=api is not owned by Deployment api \(bare pods do not count\)$/],
    ['healthy strays never stand in for owned pods', [api([], 0), stray({})], false, /saw none \(spec\.replicas 0\); 1 pod with app=api is not owned/],
  ])('%s', (_name, parts, passed, reason) => {
    const verdict = podsHealthy(check('podsHealthy', { workload: 'api' }), context(snapshot(...parts)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    if (!passed && parts.length > 1 && verdict.reason.includes('api-orphan')) expect(verdict.where).toMatchObject({ kind: 'Pod', name: 'api-orphan' });
  });

  it('judges crashing pods of a ReplicaSet another Deployment owns when they carry the same labels', () => {
    const other = deployment('api-canary', { labels: { app: 'api' } });
    const otherRs = replicaSet(other, { hash: '7f6d5c4b3a' });
    const parts = [api([{}]), { deployments: [other], replicaSets: [otherRs], pods: [pod(otherRs, { ready: false, containers: [crash] })] }];
    const verdict = podsHealthy(check('podsHealthy', { workload: 'api' }), context(snapshot(...parts)));
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toMatch(/^Deployment api: 1 of 2 pods not Running and Ready — pod api-canary-7f6d5c4b3a-x7k2p \(not owned, carries app=api\): container api-canary .*; 1 pod with app=api is not owned by Deployment api \(pods it does not own do not count\)$/);
  });

  it('names an init container stuck in back-off', () => {
    const parts = api([{ phase: 'Pending', ready: false, containers: [waiting('api', 'PodInitializing')] }]);
    const p = parts.pods?.[0];
    if (p?.status) p.status.initContainerStatuses = [waiting('wait-for-redis', 'CrashLoopBackOff', { restarts: 2 })];
    const verdict = podsHealthy(check('podsHealthy', { workload: 'api' }), context(snapshot(parts)));
    expect(verdict.reason).toMatch(/phase Pending, init container wait-for-redis waiting CrashLoopBackOff, container api waiting PodInitializing/);
  });

  it('names the first three unhealthy pods and counts the rest', () => {
    const sick = Array.from({ length: 5 }, () => ({ ready: false, containers: [crash] }));
    const verdict = podsHealthy(check('podsHealthy', { workload: 'api' }), context(snapshot(api(sick))));
    expect(verdict.reason).toMatch(/5 of 5 pods not Running and Ready — .*; … and 2 more$/);
  });
});
