import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { ncCommand, networkReachable } from './network-reachable.ts';

const appPod = 'app-5d8f7c9b6d-x7k2p';
const dbPod = 'db-5d8f7c9b6d-x7k2p';
const cluster = (appReady = true, dbPhase = 'Running'): Snapshot =>
  snapshot(workload('app', { pods: [{ ready: appReady }] }), workload('db', { pods: [{ phase: dbPhase, ready: dbPhase === 'Running' }] }));
const nc = (pod: string, host: string, port: number, exitCode: number, stderr = ''): RecordedExec => execResult(pod, ncCommand(host, port), exitCode, '', stderr);
const reach = { from: 'app', host: 'db', port: 5432, expect: 'reachable' };
const block = { from: 'app', host: 'metrics', port: 9100, expect: 'blocked', control: 'db' };

describe('networkReachable', () => {
  it.each<[string, Record<string, unknown>, Snapshot, RecordedExec[], boolean, RegExp, number]>([
    ['reachable', reach, cluster(), [nc(appPod, 'db', 5432, 0)], true, /^db:5432 reachable from pod app-5d8f7c9b6d-x7k2p of Deployment app$/, 1],
    ['reachable on the retry', reach, cluster(), [nc(appPod, 'db', 5432, 1), nc(appPod, 'db', 5432, 0)], true, /reachable from pod .* \(on the second try\)$/, 2],
    ['unreachable twice', reach, cluster(), [nc(appPod, 'db', 5432, 1, "nc: bad address 'db'")], false, /^db:5432 from pod app-5d8f7c9b6d-x7k2p of Deployment app: expected reachable, saw nc exit 1: nc: bad address 'db' \(tried twice\)$/, 2],
    ['no ready pod to probe from', reach, cluster(false), [], false, /^probe db:5432: no Running and Ready pod of Deployment app to exec into \(saw app-5d8f7c9b6d-x7k2p Running\)$/, 0],
    ['nc missing from the image', reach, cluster(), [nc(appPod, 'db', 5432, 127, 'sh: nc: not found')], false, /nc could not run \(sh exit 127: sh: nc: not found\)/, 1],
    ['blocked, control connects', block, cluster(), [nc(appPod, 'metrics', 9100, 1), nc(dbPod, 'metrics', 9100, 0)], true, /^metrics:9100 blocked from pod app-5d8f7c9b6d-x7k2p of Deployment app \(nc exit 1\), while reachable from control pod db-5d8f7c9b6d-x7k2p of Deployment db$/, 2],
    ['not blocked', block, cluster(), [nc(appPod, 'metrics', 9100, 0)], false, /^metrics:9100 from pod .*: expected blocked, saw a connection \(nc exit 0\)$/, 1],
    ['blocked but the target is down (control fails twice)', block, cluster(), [nc(appPod, 'metrics', 9100, 1), nc(dbPod, 'metrics', 9100, 1, 'nc: can\'t connect to remote host: Connection refused')], false, /^control probe: metrics:9100 unreachable from pod db-5d8f7c9b6d-x7k2p \(nc exit 1: nc: can't connect .*\) — the target must be up for 'blocked' to mean anything$/, 3],
    ['blocked, control connects on the retry', block, cluster(), [nc(appPod, 'metrics', 9100, 1), nc(dbPod, 'metrics', 9100, 1), nc(dbPod, 'metrics', 9100, 0)], true, /while reachable from control pod/, 3],
    ['blocked, no running control pod', block, cluster(true, 'Pending'), [nc(appPod, 'metrics', 9100, 1)], false, /^control probe: no Running pod of Deployment db to exec into \(saw db-5d8f7c9b6d-x7k2p Pending\) — the target must be proven up/, 1],
    ['blocked without a control is a scenario bug', { ...block, control: undefined }, cluster(), [], false, /^internal: expect blocked needs a control workload/, 0],
    ['a host that is not a name', { ...reach, host: 'db; rm -rf /' }, cluster(), [], false, /^internal: host "db; rm -rf \/" is not a DNS name or IP$/, 0],
  ])('%s', async (_name, params, snap, exec, passed, reason, calls) => {
    const ctx = context(snap, { exec });
    const verdict = await networkReachable(check('networkReachable', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(ctx.probe.calls).toHaveLength(calls);
  });

  it('execs busybox nc with a 2 s timeout and stdin closed, in the first container', async () => {
    const ctx = context(cluster(), { exec: [nc(appPod, 'db', 5432, 0)] });
    await networkReachable(check('networkReachable', reach), ctx);
    expect(ctx.probe.calls[0]).toEqual({ pod: appPod, container: 'app', command: ['sh', '-c', 'nc -w 2 db 5432 </dev/null'] });
  });

  it('lets an exec error escape (grade turns it into a failed verdict; never counted as blocked)', async () => {
    await expect(networkReachable(check('networkReachable', block), context(cluster()))).rejects.toThrow(/no recorded exec/);
  });
});
