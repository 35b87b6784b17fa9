import { describe, expect, it } from 'vitest';
import { pod, running, snapshot, terminated, waiting, workload } from '../fixtures/builders.ts';
import type { PodOptions } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import { noTerminationReason } from './no-termination-reason.ts';

describe('noTerminationReason', () => {
  it.each<[string, PodOptions[], boolean, RegExp]>([
    ['never terminated', [{}], true, /^Deployment worker: no OOMKilled in state or lastState of 1 container in 1 pod$/],
    ['last terminated for another reason', [{ containers: [running('worker', { restarts: 1, last: { reason: 'Error', exitCode: 1 } })] }], true, /no OOMKilled/],
    ['OOMKilled last time, running again', [{ containers: [running('worker', { restarts: 2, last: { reason: 'OOMKilled', exitCode: 137 } })] }], false, /^Deployment worker: expected no OOMKilled, saw pod worker-5d8f7c9b6d-x7k2p container worker lastState\.terminated\.reason OOMKilled \(exit 137\)$/],
    ['OOMKilled in back-off', [{ ready: false, containers: [waiting('worker', 'CrashLoopBackOff', { restarts: 3, last: { reason: 'OOMKilled', exitCode: 137 } })] }], false, /lastState\.terminated\.reason OOMKilled/],
    ['OOMKilled right now', [{ ready: false, containers: [terminated('worker', 'OOMKilled', 137)] }], false, /container worker state\.terminated\.reason OOMKilled \(exit 137\)/],
    ['no pods', [], false, /^Deployment worker: expected pods without OOMKilled terminations, saw no pods to inspect$/],
  ])('%s', (_name, pods, passed, reason) => {
    const verdict = noTerminationReason(check('noTerminationReason', { workload: 'worker', reason: 'OOMKilled' }), context(snapshot(workload('worker', { replicas: pods.length, pods }))));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it.each<[string, PodOptions, boolean, RegExp]>([
    ['an orphan still OOMKilled', { ready: false, containers: [waiting('worker', 'CrashLoopBackOff', { restarts: 5, last: { reason: 'OOMKilled', exitCode: 137 } })] }, false, /^Deployment worker: expected no OOMKilled, saw pod worker-orphan \(not owned, carries app=worker\) container worker lastState\.terminated\.reason OOMKilled \(exit 137\); 1 pod with app=worker is not owned/],
    ['an orphan being deleted', { deleting: true, ready: false, containers: [terminated('worker', 'OOMKilled', 137)] }, true, /^Deployment worker: no OOMKilled in state or lastState of 1 container in 1 pod$/],
    ['an evicted orphan', { phase: 'Failed', ready: false, containers: [terminated('worker', 'OOMKilled', 137)] }, true, /^Deployment worker: no OOMKilled in state or lastState of 1 container in 1 pod$/],
  ])('judges pods with the selector it does not own: %s', (_name, orphan, passed, reason) => {
    const parts = [workload('worker'), { pods: [pod(undefined, { name: 'worker-orphan', labels: { app: 'worker' }, ...orphan })] }];
    const verdict = noTerminationReason(check('noTerminationReason', { workload: 'worker', reason: 'OOMKilled' }), context(snapshot(...parts)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    if (!passed) expect(verdict.where).toEqual({ kind: 'Pod', name: 'worker-orphan', path: 'status.containerStatuses[name=worker].lastState.terminated' });
  });
});
