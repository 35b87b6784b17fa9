import type { CoreV1Event } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { pod, running, snapshot, terminated, waiting, workload } from '../fixtures/builders.ts';
import type { PodOptions } from '../fixtures/builders.ts';
import { observed } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { eventSeen } from './event.ts';
import { podNotReady } from './pod-not-ready.ts';
import { podPending } from './pod-pending.ts';
import { podTerminated } from './pod-terminated.ts';
import { podWaiting } from './pod-waiting.ts';

const api = (...pods: PodOptions[]): Snapshot => snapshot(workload('api', { replicas: pods.length, pods }));
const crash: PodOptions = { ready: false, containers: [waiting('api', 'CrashLoopBackOff', { restarts: 3, last: { reason: 'Error', exitCode: 1 } })] };
const oom: PodOptions = { ready: false, containers: [waiting('api', 'CrashLoopBackOff', { restarts: 3, last: { reason: 'OOMKilled', exitCode: 137 } })] };
const creating: PodOptions = { phase: 'Pending', ready: false, containers: [waiting('api', 'ContainerCreating')] };
const unschedulable: PodOptions = { phase: 'Pending', ready: false, unschedulable: { reason: 'Unschedulable', message: '0/1 nodes are available' } };

describe('podWaiting', () => {
  it.each<[string, Snapshot, string[], boolean, RegExp]>([
    ['crash loop', api({}, crash), ['CrashLoopBackOff'], true, /^pod api-5d8f7c9b6d-m4q9z container api is waiting with CrashLoopBackOff$/],
    ['one of several reasons', api({ ready: false, containers: [waiting('api', 'ImagePullBackOff')] }), ['ErrImagePull', 'ImagePullBackOff'], true, /waiting with ImagePullBackOff/],
    ['healthy', api({}), ['CrashLoopBackOff'], false, /^Deployment api: expected a container waiting with CrashLoopBackOff, saw api-5d8f7c9b6d-x7k2p\/api running since .* in 1 pod$/],
    ['no pods', api(), ['CrashLoopBackOff'], false, /saw no pods in 0 pods/],
    ['other reason', api(creating), ['CrashLoopBackOff'], false, /saw api-5d8f7c9b6d-x7k2p\/api waiting ContainerCreating/],
    ['pending, no container statuses yet', api({ phase: 'Pending', ready: false, containers: [] }), ['ContainerCreating'], false, /saw api-5d8f7c9b6d-x7k2p Pending, no container statuses/],
  ])('%s', (_name, snap, reasons, passed, reason) => {
    const verdict = podWaiting(observed('podWaiting', { workload: 'api', reasons }), snap);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

describe('podTerminated', () => {
  it.each<[string, Snapshot, Record<string, unknown>, boolean, RegExp]>([
    ['OOMKilled last time', api(oom), { reason: 'OOMKilled' }, true, /^pod api-5d8f7c9b6d-x7k2p container api lastState\.terminated OOMKilled \(exit 137\)$/],
    ['OOMKilled with exit code', api(oom), { reason: 'OOMKilled', exitCode: 137 }, true, /OOMKilled \(exit 137\)/],
    ['exit code only', api(crash), { exitCode: 1 }, true, /lastState\.terminated Error \(exit 1\)/],
    ['terminated right now', api({ ready: false, containers: [terminated('api', 'OOMKilled', 137)] }), { reason: 'OOMKilled' }, true, /state\.terminated OOMKilled/],
    ['another reason', api(crash), { reason: 'OOMKilled' }, false, /^Deployment api: expected a container terminated with OOMKilled, saw pod .* lastState\.terminated Error \(exit 1\) in 1 pod$/],
    ['right reason, wrong code', api(oom), { reason: 'OOMKilled', exitCode: 1 }, false, /expected a container terminated with OOMKilled, exit 1/],
    ['never terminated', api({}), {}, false, /with any reason, saw no terminations in 1 pod/],
  ])('%s', (_name, snap, params, passed, reason) => {
    const verdict = podTerminated(observed('podTerminated', { workload: 'api', ...params }), snap);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

describe('podPending', () => {
  it.each<[string, Snapshot, string | undefined, boolean, RegExp]>([
    ['unschedulable', api({}, unschedulable), 'Unschedulable', true, /^pod api-5d8f7c9b6d-m4q9z is Pending \(PodScheduled False Unschedulable\)$/],
    ['pending, any reason', api(creating), undefined, true, /is Pending/],
    ['pending but scheduled', api(creating), 'Unschedulable', false, /^Deployment api: expected a pod Pending with PodScheduled reason Unschedulable, saw api-5d8f7c9b6d-x7k2p Pending \(1 pod\)$/],
    ['all running', api({}), undefined, false, /expected a pod Pending, saw api-5d8f7c9b6d-x7k2p Running/],
  ])('%s', (_name, snap, reasonParam, passed, reason) => {
    const verdict = podPending(observed('podPending', { workload: 'api', reason: reasonParam }), snap);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

describe('podNotReady', () => {
  it.each<[string, Snapshot, boolean, RegExp]>([
    ['crash loop', api({}, crash), true, /^pod api-5d8f7c9b6d-m4q9z is not Ready \(phase Running\)$/],
    ['readiness failing', api({ ready: false, containers: [running('api', { ready: false })] }), true, /is not Ready/],
    ['all ready', api({}, {}), false, /^Deployment api: expected a pod that is not Ready, saw all 2 Ready$/],
    ['no pods', api(), false, /saw no pods/],
  ])('%s', (_name, snap, passed, reason) => {
    const verdict = podNotReady(observed('podNotReady', { workload: 'api' }), snap);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('does not count a look-alike bare pod', () => {
    const snap = snapshot(workload('api', { replicas: 1 }), { pods: [pod(undefined, { name: 'api-bare', labels: { app: 'api' }, ready: false })] });
    expect(podNotReady(observed('podNotReady', { workload: 'api' }), snap).passed).toBe(false);
  });
});

describe('event', () => {
  const ev = (reason: string, kind: string): CoreV1Event => ({
    metadata: { name: `x.${reason}` },
    reason,
    involvedObject: { kind, name: 'web-5d8f7c9b6d-x7k2p' },
    message: 'MountVolume.SetUp failed for volume "settings" : configmap "web-settings" not found',
  });
  it.each<[string, CoreV1Event[], Record<string, unknown>, boolean, RegExp]>([
    ['FailedMount on a pod', [ev('Scheduled', 'Pod'), ev('FailedMount', 'Pod')], { reason: 'FailedMount' }, true, /^event FailedMount on Pod web-5d8f7c9b6d-x7k2p: MountVolume\.SetUp failed/],
    ['right reason, other kind', [ev('FailedMount', 'Pod')], { reason: 'FailedMount', objectKind: 'Deployment' }, false, /expected reason FailedMount on a Deployment, saw \["FailedMount\/Pod"\]/],
    ['no events', [], { reason: 'FailedMount' }, false, /^events in namespace drill: expected reason FailedMount on a Pod, saw no events$/],
  ])('%s', (_name, events, params, passed, reason) => {
    const verdict = eventSeen(observed('event', params), snapshot({ events }));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
