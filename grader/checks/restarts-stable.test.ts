import type { V1ContainerStatus } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { at, fakeUid, pod, running, snapshot, t0, waiting, workload } from '../fixtures/builders.ts';
import type { PodOptions } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { restartsStable } from './restarts-stable.ts';

const start = t0 + 60_000;
const read = (takenAt: number, pods: PodOptions[], uid?: string): Snapshot => snapshot({ takenAt }, workload('api', { replicas: pods.length, pods, uid }));
const up = (o: Parameters<typeof running>[1] = {}): PodOptions => ({ containers: [running('api', o)] });
const as = (name: string, containers: V1ContainerStatus[], ready = true): PodOptions => ({ name, containers, ready });
const crash = (restarts: number): V1ContainerStatus => waiting('api', 'CrashLoopBackOff', { restarts, last: { reason: 'Error', exitCode: 1 } });

describe('restartsStable', () => {
  it.each<[string, PodOptions[], PodOptions[], boolean, RegExp]>([
    ['same pods, running throughout', [up(), up()], [up(), up()], true, /^Deployment api over the 10s window: 2 pods, every container running and ready since before the window with restartCount unchanged \(0, 0\)$/],
    ['running but not ready the whole window (still retrying its dependency)', [as('api-a', [running('api', { ready: false })], false)], [as('api-a', [running('api', { ready: false })], false)], false, /pod api-a container api ready: expected true through the window, saw false at the start/],
    ['became ready only during the window', [as('api-a', [running('api', { ready: false })], false)], [as('api-a', [running('api')])], false, /ready: expected true through the window, saw false at the start/],
    ['same pods with old restarts, stable now', [up({ restarts: 5 })], [up({ restarts: 5 })], true, /restartCount unchanged \(5\)/],
    ['restarted during the window', [up({ restarts: 3 })], [up({ restarts: 4, startedAt: at(65) })], false, /container api restartCount: expected 3 \(unchanged\), saw 4/],
    ['fell into back-off during the window', [up({ restarts: 3 })], [{ ready: false, containers: [crash(3)] }], false, /expected running through the window, saw waiting CrashLoopBackOff at the end/],
    ['in back-off the whole window', [{ ready: false, containers: [crash(3)] }], [{ ready: false, containers: [crash(3)] }], false, /saw waiting CrashLoopBackOff at the start/],
    ['startedAt changed, same count', [up({ startedAt: at(3) })], [up({ startedAt: at(64) })], false, /state\.running\.startedAt: expected 2026-01-10T12:00:03Z \(unchanged\), saw 2026-01-10T12:01:04Z/],
    ['started after the window opened', [up({ startedAt: at(61) })], [up({ startedAt: at(61) })], false, /expected before the window opened \(2026-01-10T12:01:00Z\), saw 2026-01-10T12:01:01Z/],
    ['a pod replaced during the window', [as('api-a', [running('api')])], [as('api-b', [running('api', { startedAt: at(65) })])], false, /pod api-b appeared during the window .*; pod api-a went away during the window/],
    ['a pod went away', [up(), up()], [up()], false, /pod api-5d8f7c9b6d-m4q9z went away during the window/],
    ['scaled to zero', [], [], false, /expected running pods to observe, saw none \(spec\.replicas 0\)/],
  ])('%s', (_name, before, after, passed, reason) => {
    const ctx = context(read(start + 10_000, after), { before: read(start, before) });
    const verdict = restartsStable(check('restartsStable', { workload: 'api' }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('fails clearly without a before snapshot', () => {
    const verdict = restartsStable(check('restartsStable', { workload: 'api' }), context(read(start, [up()])));
    expect(verdict).toEqual({ passed: false, reason: expect.stringMatching(/^internal: restartsStable needs a snapshot taken one 10s window earlier \(ctx\.before\)/), where: { kind: 'Deployment', name: 'api' } });
  });

  it('fails clearly when the snapshots are closer than the window', () => {
    const ctx = context(read(start + 2_000, [up()]), { before: read(start, [up()]) });
    expect(restartsStable(check('restartsStable', { workload: 'api', window: '10s' }), ctx).reason).toMatch(/^internal: the two snapshots are 2000ms apart, the 10s window needs 10000ms$/);
  });

  it('fails when the Deployment was recreated during the window', () => {
    const ctx = context(read(start + 30_000, [up()], fakeUid('new')), { before: read(start, [up()]) });
    expect(restartsStable(check('restartsStable', { workload: 'api', window: '30s' }), ctx).reason).toMatch(/was recreated \(uid [0-9a-f]{8}… → [0-9a-f]{8}…\)/);
  });

  it('reads ISO-string timestamps as recorded snapshots carry them', () => {
    const asJson = (s: Snapshot): Snapshot => JSON.parse(JSON.stringify(s)) as Snapshot;
    const ctx = context(asJson(read(start + 10_000, [up()])), { before: asJson(read(start, [up()])) });
    expect(restartsStable(check('restartsStable', { workload: 'api' }), ctx).passed).toBe(true);
  });

  const withStray = (takenAt: number, stray: PodOptions | undefined): Snapshot =>
    snapshot({ takenAt }, workload('api', { pods: [up()] }), stray ? { pods: [pod(undefined, { name: 'api-orphan', labels: { app: 'api' }, ...stray })] } : {});
  it.each<[string, PodOptions | undefined, PodOptions | undefined, boolean, RegExp]>([
    ['an orphan in back-off the whole window', { ready: false, containers: [crash(3)] }, { ready: false, containers: [crash(4)] }, false, /pod api-orphan \(not owned, carries app=api\) container api restartCount: expected 3 \(unchanged\), saw 4/],
    ['an orphan waiting on a pull', { ready: false, containers: [waiting('api', 'ImagePullBackOff')] }, { ready: false, containers: [waiting('api', 'ImagePullBackOff')] }, false, /pod api-orphan \(not owned, carries app=api\) container api: expected running through the window, saw waiting ImagePullBackOff at the start/],
    ['an orphan that went away (cleaned up)', { ready: false, containers: [crash(3)] }, undefined, true, /^Deployment api over the 10s window: 1 pod, every container running/],
    ['an orphan being deleted at the end', { ready: false, containers: [crash(3)] }, { deleting: true, ready: false, containers: [crash(3)] }, true, /1 pod, every container running/],
    ['a steady orphan', up(), up(), true, /\(0\); 1 pod with app=api is not owned by Deployment api \(bare pods do not count\)$/],
  ])('judges pods with the selector it does not own: %s', (_name, before, after, passed, reason) => {
    const ctx = context(withStray(start + 10_000, after), { before: withStray(start, before) });
    const verdict = restartsStable(check('restartsStable', { workload: 'api' }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
