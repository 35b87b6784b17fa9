import type { V1Container, V1Probe } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { container, deployment, pod, replicaSet, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { KubeObject, Snapshot } from '../types.ts';
import { logNamesTarget } from './log-names-target.ts';
import { probe, probeWindowSeconds } from './probe.ts';
import { firstDifference, templateEquals } from './template-equals.ts';

describe('probe', () => {
  const web = (c: Partial<V1Container>): Snapshot => snapshot(workload('web', { containers: [container('web', { ports: [{ name: 'http', containerPort: 8080 }], ...c })] }));
  const params = { workload: 'web', container: 'web', probe: 'liveness', port: 8080, maxWindow: '1m' };
  const live = (p: V1Probe): Partial<V1Container> => ({ livenessProbe: p });
  it.each<[string, Partial<V1Container>, boolean, RegExp, Record<string, unknown>?]>([
    ['httpGet on the serving port', live({ httpGet: { path: '/', port: 8080 }, periodSeconds: 5 }), true, /^Deployment web container web livenessProbe: httpGet on port 8080 path \/, initialDelaySeconds 0 \+ failureThreshold 3 × periodSeconds 5 = 15s \(≤ 1m\)$/],
    ['a named port', live({ tcpSocket: { port: 'http' as unknown as number } }), true, /tcpSocket on port 8080/],
    ['the wrong port', live({ httpGet: { path: '/', port: 8081 } }), false, /expected httpGet on port 8080 \(where the app serves\), saw port 8081$/],
    ['a host elsewhere', live({ httpGet: { path: '/', port: 8080, host: '10.0.0.9' } }), false, /expected the probe to ask the pod itself, saw host "10.0.0.9"$/],
    ['exec true', live({ exec: { command: ['true'] } }), false, /expected httpGet or tcpSocket on port 8080, saw exec \{"command":\["true"\]\}$/],
    ['no probe', {}, false, /expected a liveness probe on port 8080, saw none$/],
    ['a threshold raised to infinity', live({ httpGet: { path: '/', port: 8080 }, failureThreshold: 100000 }), false, /expected at most 1m before the kubelet acts on failures, saw initialDelaySeconds 0 \+ failureThreshold 100000 × periodSeconds 10 = 1000000s$/],
    ['a startup budget too short', { startupProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 2, failureThreshold: 4 } }, false, /expected at least 25s before the kubelet acts on failures, saw .* = 8s$/, { probe: 'startup', minWindow: '25s', maxWindow: undefined }],
    ['the path pinned', { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }, false, /expected an httpGet of \/healthz, saw path "\/ready"$/, { probe: 'readiness', path: '/healthz', maxWindow: undefined }],
  ])('%s', (_name, c, passed, reason, extra) => {
    const verdict = probe(check('probe', { ...params, ...extra }), context(web(c)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
  it('window with defaults', () => expect(probeWindowSeconds({})).toBe(30));
});

describe('templateEquals', () => {
  const tpl = (image: string, mode: string, args?: string[]) => ({ metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image, env: [{ name: 'MODE', value: mode }], ...(args ? { args } : {}) }] } });
  const manifest = (t: ReturnType<typeof tpl>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: t } });
  const injected = [manifest(tpl('busybox:1.36', 'stable')), manifest(tpl('busybox:1.37', 'experimental')), manifest(tpl('busybox:1.37', 'experimental', ['crash']))];
  // As stored: server defaults added to every container.
  const stored = (t: ReturnType<typeof tpl>, hash: string) => ({ ...t, metadata: { labels: { ...t.metadata.labels, 'pod-template-hash': hash } }, spec: { ...t.spec, containers: t.spec.containers.map((c) => ({ ...c, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' })) } });
  const state = (live: ReturnType<typeof tpl>): Snapshot => {
    const d = deployment('api');
    d.spec!.template = stored(live, 'x') as never;
    delete d.spec!.template.metadata!.labels!['pod-template-hash'];
    const rss = [stored(tpl('busybox:1.36', 'stable'), 'a1'), stored(tpl('busybox:1.37', 'experimental'), 'b2'), stored(tpl('busybox:1.37', 'experimental', ['crash']), 'c3')].map((t, i) => {
      const rs = replicaSet(d, { hash: ['a1', 'b2', 'c3'][i] });
      rs.spec!.template = t as never;
      return rs;
    });
    return snapshot({ deployments: [d], replicaSets: rss, pods: [pod(rss[0])] });
  };
  it.each<[string, ReturnType<typeof tpl>, boolean, RegExp]>([
    ['back on revision 1', tpl('busybox:1.36', 'stable'), true, /^Deployment api runs the template of its injected revision 1 \(ReplicaSet api-[a-z0-9]+\), whatever its revision number now$/],
    ['a plain undo: the decoy revision 2', tpl('busybox:1.37', 'experimental'), false, /^Deployment api spec\.template: expected the template of its injected revision 1, saw spec\.containers\[0\]\.env\[0\]\.value: "experimental", injected "stable"$/],
    ['the image only', tpl('busybox:1.36', 'experimental'), false, /env\[0\]\.value: "experimental", injected "stable"$/],
    ['revision 1 plus args', tpl('busybox:1.36', 'stable', ['x']), false, /spec\.containers\[0\]\.args: \["x"\], injected nothing$/],
  ])('%s', (_name, live, passed, reason) => {
    const verdict = templateEquals(check('templateEquals', { workload: 'api', injected: 1 }), context(state(live), { injected }));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
  it('firstDifference', () => {
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 }, true)).toBeUndefined();
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 }, false)).toBe('b: 2 vs nothing');
  });
});

describe('logNamesTarget', () => {
  const injected: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'database' }, spec: { selector: { app: 'database' }, ports: [{ port: 5432 }] } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'database' }, spec: { template: { metadata: { labels: { app: 'database' } } } } },
  ];
  const snap = snapshot(workload('app', { containers: [container('app')] }), workload('database', { labels: { app: 'database' } }));
  const db = snap.pods.find((p) => p.metadata?.name?.startsWith('database'))!;
  it.each<[string, string, boolean, RegExp]>([
    ['the genuine uid', `waiting for db\ndatabase answered: ${db.metadata!.uid}\n`, true, /1 pod logged a genuine pod behind Service database: "database answered: /],
    ['a stand-in', 'database answered: 0000-stand-in\n', false, /expected a line naming a genuine pod behind Service database \(uid [0-9a-f]{8}…\), saw last line "database answered: 0000-stand-in"$/],
  ])('%s', async (_name, log, passed, reason) => {
    const ctx = { ...context(snap, { injected }), probe: { ...context(snap).probe, logs: async () => log } };
    const verdict = await logNamesTarget(check('logNamesTarget', { workload: 'app', container: 'app', service: 'database' }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
