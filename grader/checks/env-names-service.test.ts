import { describe, expect, it } from 'vitest';
import { pod, snapshot, workload } from '../fixtures/builders.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult, manifest } from '../fixtures/test-context.ts';
import { identityCommand } from '../probe-identity.ts';
import type { KubeObject, Snapshot } from '../types.ts';
import { envNamesService, printEnvCommand, resolverLookupCommand } from './env-names-service.ts';

const pods = ['api-5d8f7c9b6d-m4q9z', 'api-5d8f7c9b6d-x7k2p'];
const redisPod = 'redis-5d8f7c9b6d-x7k2p';
const redisService: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'redis' }, spec: { clusterIP: '10.96.12.34', selector: { app: 'redis' }, ports: [{ port: 6379, targetPort: 6379 }] } };
const cluster = (o: { ready?: boolean; service?: boolean; standIn?: boolean } = {}): Snapshot => {
  const snap = snapshot(
    workload('api', { replicas: 2, pods: [{ ready: o.ready ?? true }, { ready: o.ready ?? true }] }),
    workload('redis'),
    { services: o.service === false ? [] : [redisService as never] },
    o.standIn ? { pods: [{ ...pod(undefined, { name: 'cache-stand-in', labels: { role: 'cache' } }), status: { phase: 'Running', podIP: '10.244.0.40' } }] } : {},
  );
  for (const p of snap.pods) if (p.metadata?.name === redisPod) p.status!.podIP = '10.244.0.20';
  return snap;
};
const injectedOf = (snap: Snapshot): KubeObject[] => [manifest(snap.deployments.find((d) => d.metadata?.name === 'redis')), redisService];
const uidOf = (snap: Snapshot, name: string): string => snap.pods.find((p) => p.metadata?.name === name)!.metadata!.uid!;
const env = (value: string, exitCode = 0): RecordedExec[] => pods.map((p) => execResult(p, printEnvCommand('REDIS_HOST'), exitCode, value, ''));
const fetch = (from: string, exitCode: number, stdout: string, address: string, error = ''): RecordedExec =>
  execResult(from, identityCommand({ variable: 'REDIS_HOST' }, 6379), exitCode, stdout, `Connecting to redis:6379 (${address})\n${error}`);
// Both pods read REDIS_HOST, then fetch the identity through it.
const answered = (value: string, answer: (snap: Snapshot, from: string) => RecordedExec) => (snap: Snapshot): RecordedExec[] => [...env(value), ...pods.map((p) => answer(snap, p))];
const genuine = (value: string) => answered(value, (s, from) => fetch(from, 0, `${uidOf(s, redisPod)}\n`, '10.96.12.34:6379'));
const params = { workload: 'api', container: 'api', variable: 'REDIS_HOST', service: 'redis' };

describe('envNamesService', () => {
  it.each<[string, Snapshot, (snap: Snapshot) => RecordedExec[], boolean, RegExp]>([
    ['the short name (api-config), the genuine redis answers', cluster(), genuine('redis'), true, /^REDIS_HOST names Service redis in 2 Running and Ready pods of Deployment api: "redis", answered by pod redis-5d8f7c9b6d-x7k2p of Deployment redis$/],
    ['namespace-qualified', cluster(), genuine('redis.drill'), true, /"redis\.drill"/],
    ['fully qualified, trailing dot', cluster(), genuine('redis.drill.svc.cluster.local.'), true, /names Service redis/],
    ['the ClusterIP', cluster(), genuine('10.96.12.34'), true, /"10\.96\.12\.34"/],
    ['the name pinned to a stand-in in /etc/hosts (hostAliases)', cluster({ standIn: true }), answered('redis', (s, from) => fetch(from, 0, uidOf(s, 'cache-stand-in'), '10.244.0.40:6379')), false, /^pod api-5d8f7c9b6d-m4q9z REDIS_HOST="redis": expected the genuine redis to answer on redis:6379 \(a pod of Deployment redis, serving its own uid\), saw 10\.244\.0\.40:6379 \(bare pod cache-stand-in\) answer as pod cache-stand-in \(uid [0-9a-f]{8}…\), not a pod of Deployment redis \(tried twice\)$/],
    ['a stand-in with only an open port', cluster({ standIn: true }), answered('redis', (_s, from) => fetch(from, 1, '', '10.244.0.40:6379', 'wget: server returned error: HTTP/1.1 404 Not Found')), false, /saw 10\.244\.0\.40:6379 \(bare pod cache-stand-in\) answer HTTP 404 Not Found \(tried twice\)$/],
    ['only the second pod differs', cluster({ standIn: true }), (s) => [...env('redis'), fetch(pods[0]!, 0, uidOf(s, redisPod), '10.96.12.34:6379'), fetch(pods[1]!, 0, 'made-up', '10.244.0.40:6379')], false, /^pod api-5d8f7c9b6d-x7k2p REDIS_HOST="redis": .*saw 10\.244\.0\.40:6379 \(bare pod cache-stand-in\) answer with uid "made-up", no live pod's \(tried twice\)$/],
    ['the genuine redis times out twice from one pod', cluster(), answered('redis', (s, from) => (from === pods[0] ? fetch(from, 143, '', '10.96.12.34:6379', 'Terminated') : fetch(from, 0, uidOf(s, redisPod), '10.96.12.34:6379'))), false, /give no answer within 3 s \(timeout\) \(tried twice\)$/],
    ['a sidecar on localhost', cluster(), () => env('localhost'), false, /^pod api-5d8f7c9b6d-m4q9z REDIS_HOST: expected it to name Service redis \(redis, redis\.drill\.svc\.cluster\.local or its ClusterIP 10\.96\.12\.34\), saw "localhost"$/],
    ['a look-alike Service', cluster(), () => env('fake-redis'), false, /saw "fake-redis"$/],
    ['redis of another namespace', cluster(), () => env('redis.other.svc.cluster.local'), false, /saw "redis\.other\.svc\.cluster\.local"$/],
    ['unset', cluster(), () => env(''), false, /saw it unset or empty$/],
    ['no Ready pod (the broken state)', cluster({ ready: false }), () => [], false, /^REDIS_HOST in Deployment api: expected a Running and Ready pod to read it in, saw none of 2 pods$/],
    ['Service redis deleted', cluster({ service: false }), () => [], false, /^Service redis not found in namespace drill/],
  ])('%s', async (_name, snap, exec, passed, reason) => {
    const verdict = await envNamesService(check('envNamesService', params), context(snap, { exec: exec(snap), injected: injectedOf(snap) }));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('a retry that reaches the genuine redis passes', async () => {
    const snap = cluster();
    const exec = [...env('redis'), fetch(pods[0]!, 143, '', '10.96.12.34:6379', 'Terminated'), fetch(pods[0]!, 0, uidOf(snap, redisPod), '10.96.12.34:6379'), fetch(pods[1]!, 0, uidOf(snap, redisPod), '10.96.12.34:6379')];
    expect((await envNamesService(check('envNamesService', params), context(snap, { exec, injected: injectedOf(snap) }))).passed).toBe(true);
  });

  it('reads the variable, then fetches through it, in the named container, as the app sees it', async () => {
    const snap = cluster();
    const ctx = context(snap, { exec: genuine('redis')(snap), injected: injectedOf(snap) });
    await envNamesService(check('envNamesService', params), ctx);
    expect(ctx.probe.calls[0]).toEqual({ pod: pods[0], container: 'api', command: ['/bin/sh', '-c', `printf '%s' "\${REDIS_HOST-}"`] });
    expect(ctx.probe.calls.map((c) => c.command.at(-1))).toContainEqual(expect.stringMatching(/; timeout 3 wget -O - "http:\/\/\$\{REDIS_HOST\}:6379\/kubedrill-id"$/));
  });
});

describe('envNamesService in another namespace of the attempt (targetNamespace), by DNS only (byDns)', () => {
  // api in drill; redis and its Service in the attempt's namespace with role "data", named data.
  const server = (): Snapshot => {
    const s = cluster();
    s.deployments = s.deployments.filter((d) => d.metadata?.name === 'redis');
    s.pods = s.pods.filter((p) => p.metadata?.name === redisPod);
    return { ...s, namespace: 'data' };
  };
  const client = (): Snapshot => {
    const s = cluster();
    s.deployments = s.deployments.filter((d) => d.metadata?.name === 'api');
    s.pods = s.pods.filter((p) => p.metadata?.name !== redisPod);
    s.services = [];
    return s;
  };
  const lookup = (name: string, ...addresses: string[]): RecordedExec[] =>
    pods.map((p) => execResult(p, resolverLookupCommand(name), 0, `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${addresses.length ? `Name:\t${name}.svc.cluster.local\n${addresses.map((a) => `Address: ${a}\n`).join('')}` : ''}`));
  const through = (value: string, address: string, s: Snapshot): RecordedExec[] => [...env(value), ...pods.map((p) => fetch(p, 0, uidOf(s, redisPod), address))];
  const byDns = { ...params, targetNamespace: 'data', byDns: true };

  it.each<[string, string, string, string[], boolean, RegExp]>([
    ['namespace-qualified, resolved by cluster DNS', 'redis.data', '10.96.12.34:6379', ['10.96.12.34'], true, /^REDIS_HOST names Service redis in 2 Running and Ready pods of Deployment api: "redis\.data", answered by pod redis-5d8f7c9b6d-x7k2p of Deployment redis$/],
    ['fully qualified', 'redis.data.svc.cluster.local', '10.96.12.34:6379', ['10.96.12.34'], true, /names Service redis/],
    ['the short name names the client\'s own namespace', 'redis', '10.96.12.34:6379', [], false, /^pod api-5d8f7c9b6d-m4q9z REDIS_HOST: expected it to name Service redis of namespace data by its DNS name \(redis\.data, redis\.data\.svc\.cluster\.local\), saw "redis"$/],
    ['the ClusterIP literal', '10.96.12.34', '10.96.12.34:6379', [], false, /by its DNS name .*saw "10\.96\.12\.34"$/],
    ['the name pinned to the genuine pod in /etc/hosts', 'redis.data', '10.244.0.20:6379', ['10.96.12.34'], false, /^pod api-5d8f7c9b6d-m4q9z REDIS_HOST="redis\.data": expected cluster DNS to resolve the name to the address the pod reached \(10\.244\.0\.20\), saw cluster DNS answers 10\.96\.12\.34: is the name pinned/],
    ['a name cluster DNS does not know, pinned to the ClusterIP', 'redis.data.svc.example', '10.96.12.34:6379', [], false, /saw cluster DNS does not resolve it/],
  ])('%s', async (_name, value, address, answers, passed, reason) => {
    const s = server();
    const ctx = context(client(), { exec: [...through(value, address, s), ...lookup(value, ...answers)], injected: injectedOf(cluster()) });
    ctx.snapshot.others = { data: s };
    ctx.probes = { data: ctx.probe };
    const verdict = await envNamesService(check('envNamesService', byDns), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
