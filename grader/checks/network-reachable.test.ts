import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { ncCommand, networkReachable, nslookupCommand } from './network-reachable.ts';

const appPod = 'app-5d8f7c9b6d-x7k2p';
const metricsPod = 'metrics-5d8f7c9b6d-x7k2p';
const metricsService = (over: Record<string, unknown> = {}): Partial<Snapshot> => ({
  services: [{ metadata: { name: 'metrics' }, spec: { clusterIP: '10.96.1.2', selector: { app: 'metrics' }, ports: [{ port: 9100, targetPort: 9100 }], ...over } }],
});
const cluster = (appReady = true, metricsPhase = 'Running', service = metricsService()): Snapshot =>
  snapshot(
    workload('app', { pods: [{ ready: appReady }] }),
    workload('metrics', { pods: [{ phase: metricsPhase, ready: metricsPhase === 'Running' }] }),
    service,
  );
const nc = (pod: string, host: string, port: number, exitCode: number, stderr = ''): RecordedExec => execResult(pod, ncCommand(host, port), exitCode, '', stderr);
const up = nc(metricsPod, '127.0.0.1', 9100, 0);
const ipBlocked = nc(appPod, '10.96.1.2', 9100, 1, 'nc: timed out');
// busybox nslookup exits 1 when any search domain is NXDOMAIN, even with an answer.
const resolves = execResult(appPod, nslookupCommand('metrics'), 1, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can\'t find metrics.cluster.local: NXDOMAIN\n\nName:\tmetrics.drill.svc.cluster.local\nAddress: 10.96.1.2\n\n', '');
const noDns = execResult(appPod, nslookupCommand('metrics'), 1, ';; connection timed out; no servers could be reached\n\n', '');
const reach = { from: 'app', host: 'db', port: 5432, expect: 'reachable' };
const block = { from: 'app', host: 'metrics', port: 9100, expect: 'blocked' };

describe('networkReachable', () => {
  it.each<[string, Record<string, unknown>, Snapshot, RecordedExec[], boolean, RegExp, number]>([
    ['reachable', reach, cluster(), [nc(appPod, 'db', 5432, 0)], true, /^db:5432 reachable from pod app-5d8f7c9b6d-x7k2p of Deployment app$/, 1],
    ['reachable on the retry', reach, cluster(), [nc(appPod, 'db', 5432, 1), nc(appPod, 'db', 5432, 0)], true, /reachable from pod .* \(on the second try\)$/, 2],
    ['unreachable twice', reach, cluster(), [nc(appPod, 'db', 5432, 1, "nc: bad address 'db'")], false, /^db:5432 from pod app-5d8f7c9b6d-x7k2p of Deployment app: expected reachable, saw nc exit 1: nc: bad address 'db' \(tried twice\)$/, 2],
    ['no ready pod to probe from', reach, cluster(false), [], false, /^probe db:5432: no Running and Ready pod of Deployment app to exec into \(saw app-5d8f7c9b6d-x7k2p Running\)$/, 0],
    ['nc missing from the image', reach, cluster(), [nc(appPod, 'db', 5432, 127, 'sh: nc: not found')], false, /nc could not run \(sh exit 127: sh: nc: not found\)/, 1],
    ['blocked, the target is up behind its Service', block, cluster(), [nc(appPod, 'metrics', 9100, 1), resolves, up, ipBlocked], true, /^metrics:9100 blocked from pod app-5d8f7c9b6d-x7k2p of Deployment app \(nc exit 1; ClusterIP 10\.96\.1\.2 too\), while Service metrics routes port 9100 to Ready pod metrics-5d8f7c9b6d-x7k2p, which accepts connections on 9100$/, 4],
    ['not blocked', block, cluster(), [nc(appPod, 'metrics', 9100, 0)], false, /^metrics:9100 from pod .*: expected blocked, saw a connection \(nc exit 0\)$/, 1],
    ['"blocked" only because DNS is closed (the lookup times out twice)', block, cluster(), [nc(appPod, 'metrics', 9100, 1, 'nc: timed out'), noDns], false, /^metrics:9100 from pod .*: expected the name metrics to resolve through cluster DNS and the connection to be blocked, saw the lookup fail \(nslookup exit 1: ;; connection timed out; no servers could be reached, tried twice\)$/, 3],
    ['a lookup fails once, then resolves', block, cluster(), [nc(appPod, 'metrics', 9100, 1), noDns, resolves, up, ipBlocked], true, /^metrics:9100 blocked from pod .* \(nc exit 1; ClusterIP 10\.96\.1\.2 too\), while Service metrics routes/, 5],
    ['nslookup missing from the image', block, cluster(), [nc(appPod, 'metrics', 9100, 1), execResult(appPod, nslookupCommand('metrics'), 127, '', 'sh: nslookup: not found')], false, /nslookup could not run \(sh exit 127: sh: nslookup: not found\)/, 2],
    ['the name is pinned to a dead address, the Service itself is open', block, cluster(), [nc(appPod, 'metrics', 9100, 1, "nc: can't connect to remote host (127.0.0.9): Connection refused"), resolves, up, nc(appPod, '10.96.1.2', 9100, 0)], false, /^metrics:9100 from pod .*: expected blocked, saw a connection to Service metrics's ClusterIP 10\.96\.1\.2:9100 \(the name alone is blocked: is it pinned in \/etc\/hosts\?\)$/, 4],
    ['a headless Service cannot be probed by address', block, cluster(true, 'Running', metricsService({ clusterIP: 'None' })), [nc(appPod, 'metrics', 9100, 1), resolves], false, /^control: Service metrics has no ClusterIP \(headless\)/, 2],
    ['blocked but the target does not listen (twice)', block, cluster(), [nc(appPod, 'metrics', 9100, 1), resolves, nc(metricsPod, '127.0.0.1', 9100, 1, "nc: can't connect to remote host: Connection refused")], false, /^control: pod metrics-5d8f7c9b6d-x7k2p behind Service metrics does not accept 127\.0\.0\.1:9100 \(nc exit 1: nc: can't connect .*\) — the target must be up for 'blocked' to mean anything$/, 4],
    ['blocked, the target answers on the retry', block, cluster(), [nc(appPod, 'metrics', 9100, 1), resolves, nc(metricsPod, '127.0.0.1', 9100, 1), up, ipBlocked], true, /while Service metrics routes/, 5],
    ['blocked, no Ready pod behind the Service', block, cluster(true, 'Pending'), [nc(appPod, 'metrics', 9100, 1), resolves], false, /^control: Service metrics \(selector app=metrics\) routes to no Running and Ready pod \(saw metrics-5d8f7c9b6d-x7k2p Pending\)/, 2],
    ['blocked, the Service was pointed elsewhere', block, cluster(true, 'Running', metricsService({ selector: { app: 'nothing' } })), [nc(appPod, 'metrics', 9100, 1), resolves], false, /^control: Service metrics \(selector app=nothing\) routes to no Running and Ready pod \(saw no pods\)/, 2],
    ['blocked, the Service port was changed', block, cluster(true, 'Running', metricsService({ ports: [{ port: 9101, targetPort: 9100 }] })), [nc(appPod, 'metrics', 9100, 1), resolves], false, /^control: Service metrics has no port 9100 \(saw 9101\)/, 2],
    ['blocked, the Service was deleted (the name no longer resolves)', block, snapshot(workload('app'), workload('metrics')), [nc(appPod, 'metrics', 9100, 1, "nc: bad address 'metrics'"), noDns], false, /expected the name metrics to resolve through cluster DNS/, 3],
    ['a named targetPort resolves from the pod', block, (() => {
      const snap = cluster(true, 'Running', metricsService({ ports: [{ port: 9100, targetPort: 'http-metrics' }] }));
      snap.pods.find((p) => p.metadata?.name === metricsPod)!.spec!.containers[0]!.ports = [{ name: 'http-metrics', containerPort: 9200 }];
      return snap;
    })(), [nc(appPod, 'metrics', 9100, 1), resolves, nc(metricsPod, '127.0.0.1', 9200, 0), ipBlocked], true, /which accepts connections on 9200$/, 4],
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
