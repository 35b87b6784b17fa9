import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { pod, snapshot, workload } from '../fixtures/builders.ts';
import { fixtureContext, loadFixture, replayProbe } from '../fixtures/replay.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult, manifest } from '../fixtures/test-context.ts';
import { identityCommand } from '../probe-identity.ts';
import { podName } from '../pod-state.ts';
import type { KubeObject, Snapshot } from '../types.ts';
import { ncCommand, networkReachable, nslookupCommand } from './network-reachable.ts';

// Two app pods, probed in name order: m4q9z first, x7k2p second.
const [app1, app2] = ['app-5d8f7c9b6d-m4q9z', 'app-5d8f7c9b6d-x7k2p'];
const dbPod = 'db-5d8f7c9b6d-x7k2p';
const metricsPod = 'metrics-5d8f7c9b6d-x7k2p';
const ips: Record<string, string> = { [app1]: '10.244.0.11', [app2]: '10.244.0.12', [dbPod]: '10.244.0.20', [metricsPod]: '10.244.0.30', 'stand-in': '10.244.0.40' };
const service = (name: string, port: number, clusterIP: string, over: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { clusterIP, selector: { app: name }, ports: [{ port, targetPort: port }], ...over },
});
const services = { db: service('db', 5432, '10.96.1.1'), metrics: service('metrics', 9100, '10.96.1.2') };

interface Build { appReady?: boolean; metricsPhase?: string; metrics?: Record<string, unknown>; extra?: Partial<Snapshot> }
const cluster = (o: Build = {}): Snapshot => {
  const snap = snapshot(
    workload('app', { replicas: 2, pods: [{ ready: o.appReady ?? true }, { ready: o.appReady ?? true }] }),
    workload('db'),
    workload('metrics', { pods: [{ phase: o.metricsPhase ?? 'Running', ready: (o.metricsPhase ?? 'Running') === 'Running' }] }),
    { services: [services.db, service('metrics', 9100, '10.96.1.2', o.metrics)] as never },
    o.extra ?? {},
  );
  for (const p of snap.pods) p.status!.podIP = ips[p.metadata!.name!];
  return snap;
};
const injectedOf = (snap: Snapshot): KubeObject[] => [...['db', 'metrics'].map((n) => manifest(snap.deployments.find((d) => d.metadata?.name === n))), services.db, services.metrics];
const uid = (snap: Snapshot, name: string): string => snap.pods.find((p) => p.metadata?.name === name)!.metadata!.uid!;
const standIn = (): V1Pod => ({ ...pod(undefined, { name: 'stand-in', labels: { role: 'stand-in' } }), status: { phase: 'Running', podIP: ips['stand-in'] } });

const nc = (from: string, host: string, port: number, exitCode: number, stderr = ''): RecordedExec => execResult(from, ncCommand(host, port), exitCode, '', stderr);
const fetchDb = (from: string, exitCode: number, stdout: string, address = '10.96.1.1:5432', error = ''): RecordedExec =>
  execResult(from, identityCommand({ host: 'db' }, 5432), exitCode, stdout, `Connecting to db:5432 (${address})\n${error}`);
const lookup = (from: string, ok = true): RecordedExec => execResult(from, nslookupCommand('metrics'), 1, ok ? "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find metrics.cluster.local: NXDOMAIN\n\nName:\tmetrics.drill.svc.cluster.local\nAddress: 10.96.1.2\n\n" : ';; connection timed out; no servers could be reached\n\n');
// Each app pod: name blocked, the name resolves, ClusterIP blocked. The control: metrics accepts on its own pod address.
const blockedFrom = (from: string): RecordedExec[] => [nc(from, 'metrics', 9100, 1, 'nc: timed out'), lookup(from), nc(from, '10.96.1.2', 9100, 1, 'nc: timed out')];
const serves = nc(metricsPod, '10.244.0.30', 9100, 0);
const both = (one: (from: string) => RecordedExec): RecordedExec[] => [one(app1), one(app2)];
const reach = { from: 'app', host: 'db', port: 5432, expect: 'reachable' };
const block = { from: 'app', host: 'metrics', port: 9100, expect: 'blocked' };

type Row = [string, Record<string, unknown>, Snapshot, (snap: Snapshot) => RecordedExec[], boolean, RegExp, number];
const fine = cluster();
const withStandIn = cluster({ extra: { pods: [standIn()] } });

describe('networkReachable', () => {
  it.each<Row>([
    ['reachable: both pods read back the uid of the genuine db pod', reach, fine, (s) => [fetchDb(app1, 0, `${uid(s, dbPod)}\n`), fetchDb(app2, 0, uid(s, dbPod))], true, /^db:5432 reachable from 2 pods of Deployment app \(app-5d8f7c9b6d-m4q9z, app-5d8f7c9b6d-x7k2p\): answered by pod db-5d8f7c9b6d-x7k2p of Deployment db$/, 2],
    ['reachable by the db pod address (a pin to the genuine pod)', reach, fine, (s) => [fetchDb(app1, 0, uid(s, dbPod), '10.244.0.20:5432'), fetchDb(app2, 0, uid(s, dbPod), '10.244.0.20:5432')], true, /answered by pod db-5d8f7c9b6d-x7k2p/, 2],
    ['reachable on the retry', reach, fine, (s) => [fetchDb(app1, 143, '', '10.96.1.1:5432', 'Terminated'), fetchDb(app1, 0, uid(s, dbPod)), fetchDb(app2, 0, uid(s, dbPod))], true, /\(some on the second try\)$/, 3],
    ['the second pod differs: it times out twice', reach, fine, (s) => [fetchDb(app1, 0, uid(s, dbPod)), fetchDb(app2, 143, '', '10.96.1.1:5432', 'Terminated')], false, /^db:5432 from pod app-5d8f7c9b6d-x7k2p of Deployment app: expected the genuine db to answer \(a pod of Deployment db, serving its own uid\), saw 10\.96\.1\.1:5432 \(Service db's ClusterIP\) give no answer within 3 s \(timeout\) \(tried twice; 1 of 2 pods reached it\)$/, 3],
    ['a stand-in with an open port but no identity', reach, withStandIn, () => both((a) => fetchDb(a, 1, '', '10.244.0.40:5432', 'wget: server returned error: HTTP/1.1 404 Not Found')), false, /^db:5432 from pod app-5d8f7c9b6d-m4q9z .*: expected the genuine db to answer .*, saw 10\.244\.0\.40:5432 \(bare pod stand-in\) answer HTTP 404 Not Found \(tried twice; 0 of 2 pods reached it\)$/, 4],
    ['a stand-in serving its own uid', reach, withStandIn, (s) => both((a) => fetchDb(a, 0, uid(s, 'stand-in'), '10.244.0.40:5432')), false, /saw 10\.244\.0\.40:5432 \(bare pod stand-in\) answer as pod stand-in \(uid [0-9a-f]{8}…\), not a pod of Deployment db \(tried twice;/, 4],
    ['a stand-in serving a made-up uid', reach, withStandIn, () => both((a) => fetchDb(a, 0, '11111111-2222-3333-4444-555555555555', '10.244.0.40:5432')), false, /answer with uid "11111111-2222-3333-4444-555555555555", no live pod's/, 4],
    ['a stand-in serving the genuine uid, copied by hand', reach, withStandIn, (s) => both((a) => fetchDb(a, 0, uid(s, dbPod), '10.244.0.40:5432')), false, /answer with pod db-5d8f7c9b6d-x7k2p's uid, from an address that is neither a pod of Deployment db nor Service db \(tried twice/, 4],
    ['the name does not resolve', reach, fine, () => both((a) => execResult(a, identityCommand({ host: 'db' }, 5432), 1, '', "wget: bad address 'db:5432'")), false, /saw wget fail: the name in "db:5432" does not resolve \(tried twice;/, 4],
    ['no ready pod to probe from', reach, cluster({ appReady: false }), () => [], false, /^probe db:5432: no Running and Ready pod of Deployment app to exec into \(saw app-5d8f7c9b6d-m4q9z Running, app-5d8f7c9b6d-x7k2p Running\)$/, 0],
    ['wget missing from the image', reach, fine, () => [execResult(app1, identityCommand({ host: 'db' }, 5432), 127, '', 'sh: wget: not found'), execResult(app2, identityCommand({ host: 'db' }, 5432), 127, '', '')], false, /wget could not run \(sh exit 127: sh: wget: not found\)/, 2],
    ['blocked from both pods, the target serves on its own address', block, fine, () => [...blockedFrom(app1), ...blockedFrom(app2), serves], true, /^metrics:9100 blocked from 2 pods of Deployment app \(app-5d8f7c9b6d-m4q9z, app-5d8f7c9b6d-x7k2p\) \(nc exit 1: nc: timed out; ClusterIP 10\.96\.1\.2 too\), while Service metrics routes port 9100 to Deployment metrics, whose Ready pods accept connections on their own address \(metrics-5d8f7c9b6d-x7k2p on 10\.244\.0\.30:9100\)$/, 7],
    ['not blocked from the second pod', block, fine, () => [...blockedFrom(app1), nc(app2, 'metrics', 9100, 0), lookup(app2), nc(app2, '10.96.1.2', 9100, 0), serves], false, /^metrics:9100 from pod app-5d8f7c9b6d-x7k2p of Deployment app: expected blocked, saw a connection \(nc exit 0\)$/, 7],
    ['"blocked" only because DNS is closed (the lookup times out twice)', block, fine, () => [nc(app1, 'metrics', 9100, 1, 'nc: timed out'), lookup(app1, false), nc(app1, '10.96.1.2', 9100, 1), ...blockedFrom(app2), serves], false, /^metrics:9100 from pod app-5d8f7c9b6d-m4q9z .*: expected the name metrics to resolve through cluster DNS and the connection to be blocked, saw the lookup fail \(nslookup exit 1: ;; connection timed out; no servers could be reached, tried twice\)$/, 8],
    ['a lookup fails once, then resolves', block, fine, () => [nc(app1, 'metrics', 9100, 1, 'nc: timed out'), lookup(app1, false), lookup(app1), nc(app1, '10.96.1.2', 9100, 1), ...blockedFrom(app2), serves], true, /^metrics:9100 blocked from 2 pods/, 8],
    ['nslookup missing from the image', block, fine, () => [nc(app1, 'metrics', 9100, 1), execResult(app1, nslookupCommand('metrics'), 127, '', 'sh: nslookup: not found'), nc(app1, '10.96.1.2', 9100, 1), ...blockedFrom(app2), serves], false, /nslookup could not run \(sh exit 127: sh: nslookup: not found\)/, 7],
    ['the name is pinned to a dead address, the Service itself is open', block, fine, () => [nc(app1, 'metrics', 9100, 1, "nc: can't connect to remote host (127.0.0.9): Connection refused"), lookup(app1), nc(app1, '10.96.1.2', 9100, 0), ...blockedFrom(app2), serves], false, /^metrics:9100 from pod app-5d8f7c9b6d-m4q9z .*: expected blocked, saw a connection to Service metrics's ClusterIP 10\.96\.1\.2:9100 \(the name alone is blocked: is it pinned in \/etc\/hosts\?\)$/, 7],
    ['a headless Service cannot be probed by address', block, cluster({ metrics: { clusterIP: 'None' } }), () => [], false, /^control: Service metrics has no ClusterIP \(headless\)/, 0],
    ['the target listens on loopback only: its own address refuses (twice)', block, fine, () => [...blockedFrom(app1), ...blockedFrom(app2), nc(metricsPod, '10.244.0.30', 9100, 1, "nc: can't connect to remote host (10.244.0.30): Connection refused")], false, /^control: pod metrics-5d8f7c9b6d-x7k2p of Deployment metrics does not accept connections on its own address 10\.244\.0\.30:9100 \(nc exit 1: nc: can't connect .*, tried twice\) — the target must be up for 'blocked' to mean anything$/, 8],
    ['the target answers on the retry', block, fine, () => [...blockedFrom(app1), ...blockedFrom(app2), nc(metricsPod, '10.244.0.30', 9100, 1), serves], true, /whose Ready pods accept connections/, 8],
    ['no Ready pod of the target', block, cluster({ metricsPhase: 'Pending' }), () => [], false, /^control: Deployment metrics behind Service metrics has no Running and Ready pod \(saw metrics-5d8f7c9b6d-x7k2p Pending\)/, 0],
    ['a look-alike answering on loopback does not stand in for the target', block, cluster({ metricsPhase: 'Pending', extra: { pods: [{ ...standIn(), metadata: { ...standIn().metadata, labels: { app: 'metrics' } } }] } }), () => [], false, /^control: Deployment metrics behind Service metrics has no Running and Ready pod/, 0],
    ['the Service was pointed elsewhere', block, cluster({ metrics: { selector: { app: 'nothing' } } }), () => [], false, /^control: Service metrics \(selector app=nothing\) does not select pod metrics-5d8f7c9b6d-x7k2p of Deployment metrics/, 0],
    ['the Service port was changed', block, cluster({ metrics: { ports: [{ port: 9101, targetPort: 9100 }] } }), () => [], false, /^control: Service metrics has no port 9100 \(saw 9101\)/, 0],
    ['the Service targets another container port', block, cluster({ metrics: { ports: [{ port: 9100, targetPort: 9200 }] } }), () => [], false, /^control: Service metrics port 9100 targets 9200 on pod metrics-5d8f7c9b6d-x7k2p, expected 9100/, 0],
    ['the Service was deleted', block, { ...fine, services: fine.services.filter((x) => x.metadata?.name !== 'metrics') }, () => [], false, /^control: Service metrics not found in namespace drill/, 0],
    ['a host that is not a Service of the manifests', { ...block, host: 'kubernetes' }, fine, () => [], false, /^control: internal: Service kubernetes is not one the scenario injects/, 0],
    ['a host that is not a name', { ...reach, host: 'db; rm -rf /' }, fine, () => [], false, /^internal: host "db; rm -rf \/" is not a DNS name or IP$/, 0],
  ])('%s', async (_name, params, snap, exec, passed, reason, calls) => {
    const ctx = context(snap, { exec: exec(snap), injected: injectedOf(snap) });
    const verdict = await networkReachable(check('networkReachable', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(ctx.probe.calls).toHaveLength(calls);
  });

  it('probes every pod at once: busybox nc with a 2 s timeout, stdin closed, by /bin/sh with a fixed PATH', async () => {
    const ctx = context(fine, { exec: [...blockedFrom(app1), ...blockedFrom(app2), serves], injected: injectedOf(fine) });
    await networkReachable(check('networkReachable', block), ctx);
    expect(ctx.probe.calls.map((c) => c.pod)).toEqual([app1, app1, app1, app2, app2, app2, metricsPod]);
    expect(ctx.probe.calls[0]).toEqual({ pod: app1, container: 'app', command: ['/bin/sh', '-c', 'unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY no_proxy NO_PROXY; PATH=/bin:/usr/bin:/sbin:/usr/sbin; nc -w 2 metrics 9100 </dev/null'] });
  });

  it('fetches the identity with busybox wget under timeout 3 (never wget -T), without -q so stderr names the address', () => {
    expect(identityCommand({ host: 'db' }, 5432).at(-1)).toMatch(/; timeout 3 wget -O - "http:\/\/db:5432\/kubedrill-id"$/);
  });

  it('target names the genuine Deployment when the injected selector is the break (it selects none)', async () => {
    const broken = [...injectedOf(fine).filter((o) => o.metadata.name !== 'db' || o.kind !== 'Service'), service('db', 5432, '10.96.1.1', { selector: { app: 'db-typo' } })];
    const exec = [fetchDb(app1, 0, uid(fine, dbPod)), fetchDb(app2, 0, uid(fine, dbPod))];
    expect(await networkReachable(check('networkReachable', reach), context(fine, { exec, injected: broken }))).toMatchObject({ passed: false, reason: expect.stringMatching(/internal: Service db of the manifests selects no injected Deployment/) });
    expect(await networkReachable(check('networkReachable', { ...reach, target: 'db' }), context(fine, { exec, injected: broken }))).toMatchObject({ passed: true, reason: expect.stringMatching(/answered by pod db-5d8f7c9b6d-x7k2p of Deployment db$/) });
  });

  it('lets an exec error escape (grade turns it into a failed verdict; never counted as blocked)', async () => {
    await expect(networkReachable(check('networkReachable', block), context(fine, { injected: injectedOf(fine) }))).rejects.toThrow(/no recorded exec/);
  });

  it('recorded: of two app pods, it names the one a label opened — the second by name, which a one-pod probe never tried', async () => {
    const fixture = await loadFixture('recorded/egress-networkpolicy-shortcut-second-app-pod-differs');
    const verdict = await networkReachable(check('networkReachable', block), fixtureContext(fixture));
    const apps = fixture.snapshot.pods.filter((p) => p.metadata?.labels?.app === 'app').map(podName).sort();
    const opened = fixture.snapshot.pods.filter((p) => p.metadata?.labels?.debug === 'open').map(podName);
    expect(apps).toHaveLength(2);
    expect(opened).toEqual([apps[1]]);
    expect(verdict).toMatchObject({ passed: false, where: { kind: 'Pod', name: apps[1] } });
  });
});

describe('networkReachable to a target in another namespace of the attempt (targetNamespace)', () => {
  // app in the main namespace; db and metrics in the namespace with role "data", named data.
  const split = (): { main: Snapshot; data: Snapshot } => {
    const all = cluster();
    const mine = (s: Snapshot, keep: (name: string) => boolean): Snapshot => ({
      ...s,
      deployments: s.deployments.filter((d) => keep(d.metadata!.name!)),
      replicaSets: s.replicaSets.filter((r) => keep(r.metadata!.name!.split('-')[0]!)),
      pods: s.pods.filter((p) => keep(p.metadata!.name!.split('-')[0]!)),
    });
    return { main: { ...mine(all, (n) => n === 'app'), services: [] }, data: { ...mine(all, (n) => n !== 'app'), namespace: 'data' } };
  };
  const withData = (main: Snapshot, data: Snapshot, appExec: RecordedExec[], dataExec: RecordedExec[]): ReturnType<typeof context> => {
    const ctx = context(main, { exec: appExec, injected: injectedOf(cluster()) });
    ctx.snapshot.others = { data };
    ctx.probes = { data: replayProbe(dataExec) };
    return ctx;
  };
  const fetchQualified = (from: string, stdout: string): RecordedExec => execResult(from, identityCommand({ host: 'db.data' }, 5432), 0, stdout, 'Connecting to db.data:5432 (10.96.1.1:5432)\n');

  it('reachable: the genuine db of the other namespace answers by its qualified name', async () => {
    const { main, data } = split();
    const ctx = withData(main, data, [fetchQualified(app1, uid(data, dbPod)), fetchQualified(app2, uid(data, dbPod))], []);
    const verdict = await networkReachable(check('networkReachable', { ...reach, host: 'db.data', targetNamespace: 'data' }), ctx);
    expect(verdict.reason).toBe('db.data:5432 reachable from 2 pods of Deployment app (app-5d8f7c9b6d-m4q9z, app-5d8f7c9b6d-x7k2p): answered by pod db-5d8f7c9b6d-x7k2p of Deployment db');
    expect(verdict.passed).toBe(true);
  });

  it('without targetNamespace the target is looked for in the check\'s own namespace', async () => {
    const { main, data } = split();
    const verdict = await networkReachable(check('networkReachable', { ...reach, host: 'db.data' }), withData(main, data, [], []));
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toMatch(/^probe db\.data:5432: Deployment db not found/);
  });

  it('blocked: the control runs in the target\'s own namespace', async () => {
    const { main, data } = split();
    const lookupQualified = (from: string): RecordedExec => execResult(from, nslookupCommand('metrics.data'), 0, 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmetrics.data.svc.cluster.local\nAddress: 10.96.1.2\n');
    const appExec = [app1, app2].flatMap((a) => [nc(a, 'metrics.data', 9100, 1, 'nc: timed out'), lookupQualified(a), nc(a, '10.96.1.2', 9100, 1, 'nc: timed out')]);
    const ctx = withData(main, data, appExec, [serves]);
    const verdict = await networkReachable(check('networkReachable', { ...block, host: 'metrics.data', targetNamespace: 'data' }), ctx);
    expect(verdict.reason).toMatch(/^metrics\.data:9100 blocked from 2 pods of Deployment app .*whose Ready pods accept connections on their own address \(metrics-5d8f7c9b6d-x7k2p on 10\.244\.0\.30:9100\)$/);
    expect(verdict.passed).toBe(true);
    expect(ctx.probe.calls.map((c) => c.pod)).not.toContain(metricsPod);
  });
});
