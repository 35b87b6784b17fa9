import type { V1Container, V1Pod, V1Probe } from '@kubernetes/client-node';
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
    ['a timeout of an hour: a hung server holds each try that long', live({ httpGet: { path: '/', port: 8080 }, periodSeconds: 3, timeoutSeconds: 3600 }), false, /expected at most 1m .*, saw initialDelaySeconds 0 \+ failureThreshold 3 × timeoutSeconds 3600 \(each try waits that long on a hung server\) = 10800s$/],
    ['a timeout within the period', live({ httpGet: { path: '/', port: 8080 }, periodSeconds: 10, timeoutSeconds: 5 }), true, /= 30s \(≤ 1m\)$/],
    ['a startup budget met by a long timeout only', { startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 2, failureThreshold: 4, timeoutSeconds: 10 } }, false, /expected at least 25s .* = 8s$/, { probe: 'startup', minWindow: '25s', maxWindow: undefined }],
    ['the probe kills a day after deciding', live({ httpGet: { path: '/', port: 8080 }, terminationGracePeriodSeconds: 86400 }), false, /expected the kill after a failure to wait at most 2s for the container to stop, saw the probe's terminationGracePeriodSeconds 86400/, { maxGrace: '2s' }],
    ['the pod lingers a day after the kill', live({ httpGet: { path: '/', port: 8080 } }), false, /saw the pod's terminationGracePeriodSeconds 86400/, { maxGrace: '2s', podGrace: 86400 }],
    ['the grace as injected', live({ httpGet: { path: '/', port: 8080 } }), true, /httpGet on port 8080/, { maxGrace: '2s' }],
  ])('%s', (_name, c, passed, reason, extra) => {
    // podGrace: the pod template's terminationGracePeriodSeconds (2, as the scenarios inject it).
    const { podGrace = 2, ...rest } = (extra ?? {}) as { podGrace?: number };
    const snap = web(c);
    snap.deployments[0]!.spec!.template.spec!.terminationGracePeriodSeconds = podGrace;
    for (const p of snap.pods) p.spec!.terminationGracePeriodSeconds = podGrace; // the pods made from it
    const verdict = probe(check('probe', { ...params, ...rest }), context(snap));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
  it('window with defaults', () => {
    expect(probeWindowSeconds({})).toBe(30);
    expect(probeWindowSeconds({ timeoutSeconds: 20 }, true)).toBe(60);
  });
});

describe('templateEquals', () => {
  const tpl = (image: string, mode: string, args?: string[]) => ({ metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image, env: [{ name: 'MODE', value: mode }], ...(args ? { args } : {}) }] } });
  const manifest = (t: ReturnType<typeof tpl>): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: t } });
  const injected = [manifest(tpl('busybox:1.36', 'stable')), manifest(tpl('busybox:1.37', 'experimental')), manifest(tpl('busybox:1.37', 'experimental', ['crash']))];
  // As stored: server defaults added to every container.
  const stored = (t: ReturnType<typeof tpl>, hash: string) => ({ ...t, metadata: { labels: { ...t.metadata.labels, 'pod-template-hash': hash } }, spec: { ...t.spec, containers: t.spec.containers.map((c) => ({ ...c, imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' })) } });
  // The three injected revisions' ReplicaSets (recorded in the fingerprint), and a learner's one when `own` is given.
  const state = (live: ReturnType<typeof tpl>, own?: ReturnType<typeof tpl>): { snap: Snapshot; fingerprint: Record<string, string> } => {
    const d = deployment('api');
    d.spec!.template = stored(live, 'x') as never;
    delete d.spec!.template.metadata!.labels!['pod-template-hash'];
    const rss = [stored(tpl('busybox:1.36', 'stable'), 'a1'), stored(tpl('busybox:1.37', 'experimental'), 'b2'), stored(tpl('busybox:1.37', 'experimental', ['crash']), 'c3')].map((t, i) => {
      const rs = replicaSet(d, { hash: ['a1', 'b2', 'c3'][i] });
      rs.spec!.template = t as never;
      return rs;
    });
    const fingerprint = Object.fromEntries(rss.map((rs) => [`ReplicaSet/${rs.metadata!.name}`, rs.metadata!.uid!]));
    if (own) {
      const rs = replicaSet(d, { hash: 'd4' });
      rs.spec!.template = stored(own, 'd4') as never;
      rss.push(rs);
    }
    return { snap: snapshot({ deployments: [d], replicaSets: rss, pods: [pod(rss[0])] }), fingerprint };
  };
  // Revision 1 with a native sidecar slipped in: stored as a new ReplicaSet that holds every field of revision 1.
  const withSidecar = { ...tpl('busybox:1.36', 'stable'), spec: { ...tpl('busybox:1.36', 'stable').spec, initContainers: [{ name: 'side', image: 'busybox:1.36', restartPolicy: 'Always' }] } } as ReturnType<typeof tpl>;
  it.each<[string, ReturnType<typeof tpl>, boolean, RegExp]>([
    ['back on revision 1', tpl('busybox:1.36', 'stable'), true, /^Deployment api runs the template of its injected revision 1 \(ReplicaSet api-[a-z0-9]+\), whatever its revision number now$/],
    ['a plain undo: the decoy revision 2', tpl('busybox:1.37', 'experimental'), false, /^Deployment api spec\.template: expected the template of its injected revision 1, saw spec\.containers\[0\]\.env\[0\]\.value: "experimental", injected "stable"$/],
    ['the image only', tpl('busybox:1.36', 'experimental'), false, /env\[0\]\.value: "experimental", injected "stable"$/],
    ['revision 1 plus args', tpl('busybox:1.36', 'stable', ['x']), false, /spec\.containers\[0\]\.args: \["x"\], injected nothing$/],
    ['revision 1 plus a sidecar, in its own ReplicaSet', withSidecar, false, /spec\.initContainers: \[\{.*\}\], injected nothing$/],
  ])('%s', (_name, live, passed, reason) => {
    const { snap, fingerprint } = state(live, live === withSidecar ? withSidecar : undefined);
    const verdict = templateEquals(check('templateEquals', { workload: 'api', injected: 1 }), context(snap, { injected, fingerprint }));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
  // Back on revision 1, and then: what runs, and revision 1's ReplicaSet pruned and made again.
  const back = (): { snap: Snapshot; fingerprint: Record<string, string> } => state(tpl('busybox:1.36', 'stable'));
  const grade = ({ snap, fingerprint }: { snap: Snapshot; fingerprint: Record<string, string> }) => templateEquals(check('templateEquals', { workload: 'api', injected: 1 }), context(snap, { injected, fingerprint }));
  it('a pod whose image was set in place runs another build', () => {
    const b = back();
    const spec = b.snap.pods[0]!.spec!;
    spec.containers = [{ ...spec.containers[0]!, image: 'busybox:1.37' }];
    // Every check of the workload finds it first: the pod differs from its ReplicaSet's template.
    expect(grade(b).reason).toMatch(/^pod api-a1-[a-z0-9]+ of Deployment api differs from the template its ReplicaSet api-a1 made it from, at spec\.containers\[name=api\]\.image \(changed in place/);
  });
  it('a bare pod with the selector runs beside it', () => {
    const b = back();
    b.snap.pods.push(pod(undefined, { name: 'api-experimental', labels: { app: 'api' } }));
    expect(grade(b).reason).toMatch(/^Deployment api: expected only its own pods, .*, saw pod api-experimental that Deployment api does not own$/);
  });
  it('revision 1 pruned and applied again: a new ReplicaSet of the same name (the template hash) is it', () => {
    const b = back();
    b.snap.replicaSets[0]!.metadata!.uid = 'a-new-uid';
    b.snap.pods[0]!.metadata!.ownerReferences![0]!.uid = 'a-new-uid';
    const verdict = grade(b);
    expect(verdict.reason).toMatch(/^Deployment api runs the template of its injected revision 1 \(ReplicaSet api-a1\)/);
    expect(verdict.passed).toBe(true);
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
  const appPod = (s: Snapshot): V1Pod => s.pods.find((p) => p.metadata?.name?.startsWith('app'))!;
  // The genuine pod at 10.244.0.7: reached by that address instead of a name, it answers today and not after its replacement.
  it.each<[string, (s: Snapshot) => void, RegExp | undefined]>([
    ['through a Service name', () => undefined, undefined],
    ['a neighbouring address is not this one', (s) => ((appPod(s).spec!.containers[0]!.env = [{ name: 'DB_HOST', value: '10.244.0.71' }]), undefined), undefined],
    ['DB_HOST set to the pod IP', (s) => (appPod(s).spec!.containers[0]!.env = [{ name: 'DB_HOST', value: '10.244.0.7' }]), /by its IP \(10\.244\.0\.7 in pod app-[^ ]+'s spec\)/],
    // hostAliases are immutable on a pod: the template says so, and the pod was made from it.
    ['a host alias to the pod IP', (s) => (appPod(s).spec!.hostAliases = s.deployments.find((d) => d.metadata?.name === 'app')!.spec!.template.spec!.hostAliases = [{ ip: '10.244.0.7', hostnames: ['db'] }]), /10\.244\.0\.7 in pod app-/],
    ['an ExternalName to the pod DNS name', (s) => s.services.push({ metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: '10-244-0-7.init.pod.cluster.local' } }), /10\.244\.0\.7 in Service db\)/],
    ['a Secret holding the pod IP', (s) => (s.secrets = [{ metadata: { name: 'db' }, data: { DB_HOST: Buffer.from('10.244.0.7').toString('base64') } }]), /in Secret db\)/],
    ['a hand-fed EndpointSlice', (s) => (s.endpointSlices = [{ addressType: 'IPv4', metadata: { name: 'db-1', labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' } }, endpoints: [{ addresses: ['10.244.0.7'] }] }]), /in EndpointSlice db-1\)/],
    ['the controller\'s EndpointSlice is no pin', (s) => (s.endpointSlices = [{ addressType: 'IPv4', metadata: { name: 'database-x', labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' } }, endpoints: [{ addresses: ['10.244.0.7'] }] }]), undefined],
  ])('pinned pod IP: %s', async (_name, change, reason) => {
    const s = structuredClone(snap);
    s.pods.find((p) => p.metadata?.name?.startsWith('database'))!.status!.podIPs = [{ ip: '10.244.0.7' }];
    change(s);
    const ctx = { ...context(s, { injected }), probe: { ...context(s).probe, logs: async () => `database answered: ${db.metadata!.uid}\n` } };
    const verdict = await logNamesTarget(check('logNamesTarget', { workload: 'app', container: 'app', service: 'database' }), ctx);
    if (reason) expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(reason === undefined);
  });
  // The database's access log (httpd -v): the app pod at 10.244.0.9 asked it itself, or something else did.
  it.each<[string, string, RegExp | undefined]>([
    ['the app pod asked the database', '[::ffff:10.244.0.9]:41234: response:200\n', undefined],
    ['only a relay asked it', '[::ffff:10.244.0.30]:41234: response:200\n', /expected the log of container database in a genuine pod behind Service database to record a request from pod app-[^ ]+ \(10\.244\.0\.9\), saw 1 line, none from that address: what answered it was not that pod itself/],
    ['nobody asked it', '', /saw an empty log/],
  ])('targetContainer: %s', async (_name, access, reason) => {
    const s = structuredClone(snap);
    appPod(s).status!.podIPs = [{ ip: '10.244.0.9' }];
    const logs = async (t: { pod: string; container?: string }): Promise<string> => (t.container === 'database' ? access : `database answered: ${db.metadata!.uid}\n`);
    const ctx = { ...context(s, { injected }), probe: { ...context(s).probe, logs } };
    const verdict = await logNamesTarget(check('logNamesTarget', { workload: 'app', container: 'app', service: 'database', targetContainer: 'database' }), ctx);
    if (reason) expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(reason === undefined);
  });
});
