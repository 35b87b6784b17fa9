import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/**
 * podsHealthy on every workload kind as a real cluster reports it
 * (grader/fixtures/kinds/, recorded by test/real/record-kinds.ts): pods
 * found through owner references, not labels. This kubelet reports most of a
 * crash-loop's back-off as `terminated Error`, not `waiting CrashLoopBackOff`:
 * either names the container.
 */
const names = ['statefulset', 'daemonset', 'pod', 'job', 'logs'] as const;
const fixtures = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await loadFixture(`kinds/${n}`)] as const)));
const crashed = /container main (terminated Error \(exit 1\)|waiting CrashLoopBackOff)/;

describe('podsHealthy on recorded workloads of every kind', () => {
  it.each<[string, (typeof names)[number], string | { kind: string; name: string }, boolean, RegExp, { kind: string; name: string; path?: string }]>([
    ['StatefulSet, 2 pods ready', 'statefulset', { kind: 'StatefulSet', name: 'web' }, true, /^StatefulSet web: 2 pods Running and Ready, every container running and ready$/, { kind: 'StatefulSet', name: 'web' }],
    ['StatefulSet crash-looping', 'statefulset', { kind: 'StatefulSet', name: 'crash' }, false, new RegExp(`^StatefulSet crash: 2 of 2 pods not Running and Ready — pod crash-0: ${crashed.source}[^;]*; pod crash-1: ${crashed.source}`), { kind: 'Pod', name: 'crash-0' }],
    ['StatefulSet partitioned: old and new pods both healthy', 'statefulset', { kind: 'StatefulSet', name: 'held' }, true, /^StatefulSet held: 2 pods Running and Ready/, { kind: 'StatefulSet', name: 'held' }],
    ['StatefulSet scaled to 0', 'statefulset', { kind: 'StatefulSet', name: 'scaled' }, false, /^StatefulSet scaled pods: expected at least 1 Running and Ready pod, saw none \(spec\.replicas 0\)$/, { kind: 'StatefulSet', name: 'scaled', path: 'spec.replicas' }],
    ['DaemonSet, its pod ready', 'daemonset', { kind: 'DaemonSet', name: 'agent' }, true, /^DaemonSet agent: 1 pod Running and Ready/, { kind: 'DaemonSet', name: 'agent' }],
    ['DaemonSet scheduled nowhere', 'daemonset', { kind: 'DaemonSet', name: 'nowhere' }, false, /^DaemonSet nowhere pods: expected at least 1 Running and Ready pod, saw none \(status\.desiredNumberScheduled 0\)$/, { kind: 'DaemonSet', name: 'nowhere', path: 'status.desiredNumberScheduled' }],
    ['bare Pod running', 'pod', { kind: 'Pod', name: 'solo' }, true, /^Pod solo: 1 pod Running and Ready, every container running and ready$/, { kind: 'Pod', name: 'solo' }],
    ['bare Pod crash-looping', 'pod', { kind: 'Pod', name: 'crashy' }, false, new RegExp(`^Pod crashy: 1 of 1 pod not Running and Ready — pod crashy: ${crashed.source}`), { kind: 'Pod', name: 'crashy' }],
    ['bare Pod that ran to completion (Succeeded)', 'pod', { kind: 'Pod', name: 'done' }, false, /^Pod done pods: expected at least 1 Running and Ready pod, saw none/, { kind: 'Pod', name: 'done' }],
    ['Job still running', 'job', { kind: 'Job', name: 'slow' }, true, /^Job slow: 1 pod Running and Ready/, { kind: 'Job', name: 'slow' }],
    ['Job complete: no running pod left (jobComplete judges it)', 'job', { kind: 'Job', name: 'migrate' }, false, /^Job migrate pods: expected at least 1 Running and Ready pod, saw none \(spec\.parallelism 1\)$/, { kind: 'Job', name: 'migrate' }],
    ['Deployment with a sidecar, both containers ready', 'logs', 'web', true, /^Deployment web: 2 pods Running and Ready, every container running and ready$/, { kind: 'Deployment', name: 'web' }],
    ['Deployment crash-looping', 'logs', 'flaky', false, /^Deployment flaky: 1 of 1 pod not Running and Ready — pod flaky-\S+: container app (terminated Error|waiting CrashLoopBackOff)/, { kind: 'Pod', name: expect.stringMatching(/^flaky-/) as unknown as string }],
  ])('%s', async (_name, fixture, workload, passed, reason, where) => {
    const [verdict] = await grade([check('podsHealthy', { workload })], fixtureContext(fixtures[fixture]!));
    expect(verdict!.reason).toMatch(reason);
    expect(verdict!.passed).toBe(passed);
    expect(verdict!.final).toBeUndefined();
    expect(verdict!.where).toMatchObject(where);
  });
});
