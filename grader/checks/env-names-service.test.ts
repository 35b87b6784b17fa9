import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { envNamesService, printEnvCommand } from './env-names-service.ts';

const pods = ['api-5d8f7c9b6d-x7k2p', 'api-5d8f7c9b6d-m4q9z'];
const redis: Partial<Snapshot> = { services: [{ metadata: { name: 'redis' }, spec: { clusterIP: '10.96.12.34', selector: { app: 'redis' }, ports: [{ port: 6379 }] } }] };
const cluster = (ready = true, service = redis): Snapshot => snapshot(workload('api', { replicas: 2, pods: [{ ready }, { ready }] }), service);
const env = (value: string, exitCode = 0): RecordedExec[] => pods.map((pod) => execResult(pod, printEnvCommand('REDIS_HOST'), exitCode, value, ''));
const params = { workload: 'api', container: 'api', variable: 'REDIS_HOST', service: 'redis' };

describe('envNamesService', () => {
  it.each<[string, Snapshot, RecordedExec[], boolean, RegExp]>([
    ['the short name (api-config)', cluster(), env('redis'), true, /^REDIS_HOST names Service redis in 2 Running and Ready pods of Deployment api: "redis"$/],
    ['namespace-qualified', cluster(), env('redis.drill'), true, /"redis\.drill"/],
    ['fully qualified, trailing dot', cluster(), env('redis.drill.svc.cluster.local.'), true, /names Service redis/],
    ['the ClusterIP', cluster(), env('10.96.12.34'), true, /"10\.96\.12\.34"/],
    ['a sidecar on localhost', cluster(), env('localhost'), false, /^pod api-5d8f7c9b6d-m4q9z REDIS_HOST: expected it to name Service redis \(redis, redis\.drill\.svc\.cluster\.local or its ClusterIP 10\.96\.12\.34\), saw "localhost"$/],
    ['a look-alike Service', cluster(), env('fake-redis'), false, /saw "fake-redis"$/],
    ['redis of another namespace', cluster(), env('redis.other.svc.cluster.local'), false, /saw "redis\.other\.svc\.cluster\.local"$/],
    ['unset', cluster(), env(''), false, /saw it unset or empty$/],
    ['no Ready pod (the broken state)', cluster(false), [], false, /^REDIS_HOST in Deployment api: expected a Running and Ready pod to read it in, saw none of 2 pods$/],
    ['Service redis deleted', cluster(true, {}), [], false, /^Service redis not found in namespace drill/],
  ])('%s', async (_name, snap, exec, passed, reason) => {
    const verdict = await envNamesService(check('envNamesService', params), context(snap, { exec }));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('reads the variable through sh in the named container, as the app sees it', async () => {
    const ctx = context(cluster(), { exec: env('redis') });
    await envNamesService(check('envNamesService', params), ctx);
    expect(ctx.probe.calls[0]).toEqual({ pod: 'api-5d8f7c9b6d-m4q9z', container: 'api', command: ['sh', '-c', `printf '%s' "\${REDIS_HOST-}"`] });
  });
});
