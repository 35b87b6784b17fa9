import type { V1ConfigMap, V1Container, V1Secret, V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { container, snapshot, waiting, workload } from '../fixtures/builders.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { envSource } from './env-source.ts';
import { specUnchanged } from './spec-unchanged.ts';
import { fileFromConfigMap } from './file-from-config-map.ts';
import { listeningInodes, mainProcess, parseCmdline, PID1_SCRIPT, programOf } from './main-process.ts';
import { mountOf, parseMountInfo, WRITE_SCRIPT, writablePaths } from './writable-paths.ts';

const secret = (name: string, data: Record<string, string>): V1Secret => ({ metadata: { name }, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) });
const cm = (name: string, data: Record<string, string>): V1ConfigMap => ({ metadata: { name }, data });

describe('envSource', () => {
  const app = (c: Partial<V1Container>, secrets: V1Secret[] = [secret('db-creds', { password: 'pw' })], configMaps: V1ConfigMap[] = []): Snapshot => ({ ...snapshot(workload('app', { containers: [container('app', c)] })), secrets, configMaps });
  const ref = (name: string, key: string, optional?: boolean) => ({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name, key, ...(optional === undefined ? {} : { optional }) } } });
  const params = { workload: 'app', container: 'app', variable: 'DB_PASSWORD', source: { kind: 'Secret', name: 'db-creds' } };
  it.each<[string, Snapshot, boolean, RegExp, Record<string, unknown>?]>([
    ['secretKeyRef', app({ env: [ref('db-creds', 'password')] }), true, /^Deployment app container app: DB_PASSWORD comes from Secret db-creds key password \(valueFrom\), not optional$/],
    ['another key of the Secret', app({ env: [ref('db-creds', 'pw')] }, [secret('db-creds', { pw: 'x' })]), true, /key pw \(valueFrom\)/],
    ['the named key required', app({ env: [ref('db-creds', 'pw')] }, [secret('db-creds', { pw: 'x' })]), false, /expected its value from Secret db-creds key password, saw key pw$/, { source: { kind: 'Secret', name: 'db-creds', key: 'password' } }],
    ['envFrom a Secret holding the name', app({ envFrom: [{ secretRef: { name: 'db-creds' } }] }, [secret('db-creds', { DB_PASSWORD: 'x' })]), true, /key DB_PASSWORD \(envFrom\)/],
    ['envFrom with a prefix', app({ envFrom: [{ prefix: 'DB_', secretRef: { name: 'db-creds' } }] }, [secret('db-creds', { PASSWORD: 'x' })]), true, /key PASSWORD \(envFrom\)/],
    ['envFrom of a Secret without the key', app({ envFrom: [{ secretRef: { name: 'db-creds' } }] }, [secret('db-creds', { password: 'x' })]), false, /saw the variable not set at all/],
    ['a literal', app({ env: [{ name: 'DB_PASSWORD', value: 'pw' }] }), false, /saw a literal value written into the pod template$/],
    ['a literal after the reference wins', app({ env: [ref('db-creds', 'password'), { name: 'DB_PASSWORD', value: 'pw' }] }), false, /saw a literal value/],
    ['a literal env overrides envFrom', app({ envFrom: [{ secretRef: { name: 'db-creds' } }], env: [{ name: 'DB_PASSWORD', value: 'pw' }] }, [secret('db-creds', { DB_PASSWORD: 'x' })]), false, /saw a literal value/],
    ['a later envFrom ConfigMap wins', app({ envFrom: [{ secretRef: { name: 'db-creds' } }, { configMapRef: { name: 'other' } }] }, [secret('db-creds', { DB_PASSWORD: 'x' })], [cm('other', { DB_PASSWORD: 'y' })]), false, /saw ConfigMap other key DB_PASSWORD$/],
    ['optional', app({ env: [ref('db-creds', 'password', true)] }), false, /not to be optional/],
    ['another Secret', app({ env: [ref('other', 'password')] }, [secret('other', { password: 'x' })]), false, /saw Secret other key password$/],
    ['the Secret missing (the broken state)', app({ env: [ref('db-creds', 'password')] }, []), false, /but Secret db-creds does not exist/],
    ['the key missing', app({ env: [ref('db-creds', 'password')] }, [secret('db-creds', { pass: 'x' })]), false, /has no key password \(keys \["pass"\]\)/],
    ['$(OTHER) of a variable from the Secret', app({ env: [{ name: 'PW', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } }, { name: 'DB_PASSWORD', value: '$(PW)' }] }), true, /key password \(valueFrom\)/],
    ['$(OTHER) defined after it is a literal', app({ env: [{ name: 'DB_PASSWORD', value: '$(PW)' }, { name: 'PW', valueFrom: { secretKeyRef: { name: 'db-creds', key: 'password' } } }] }), false, /saw a literal value/],
    ['a ConfigMap binaryData key never reaches env', app({ envFrom: [{ secretRef: { name: 'db-creds' } }, { configMapRef: { name: 'decoy' } }] }, [secret('db-creds', { DB_PASSWORD: 'x' })], [{ metadata: { name: 'decoy' }, binaryData: { DB_PASSWORD: 'eA==' } }]), true, /Secret db-creds key DB_PASSWORD \(envFrom\)/],
    ['a fieldRef', app({ env: [{ name: 'DB_PASSWORD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }), false, /saw valueFrom fieldRef$/],
  ])('%s', (_name, snap, passed, reason, extra) => {
    const verdict = envSource(check('envSource', { ...params, ...extra }), context(snap));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(verdict.final ?? false).toBe(!passed);
  });

  it('a ConfigMap source, any key', () => {
    const snap = app({ env: [{ name: 'DATABASE_HOST', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'db_host' } } }] }, [], [cm('app-config', { db_host: 'database' })]);
    const verdict = envSource(check('envSource', { workload: 'app', container: 'app', variable: 'DATABASE_HOST', source: { kind: 'ConfigMap', name: 'app-config' } }), context(snap));
    expect(verdict).toMatchObject({ passed: true, reason: expect.stringMatching(/ConfigMap app-config key db_host/) });
  });

  it('an envFrom Secret the snapshot did not read is unknown', () => {
    const snap = { ...app({ envFrom: [{ secretRef: { name: 'x' } }] }), secrets: undefined };
    expect(envSource(check('envSource', params), context(snap)).reason).toMatch(/possibly set by Secret x, whose keys are not read here/);
  });
});

describe('fileFromConfigMap', () => {
  const app = (volumeMounts: V1VolumeMount[], volumes: V1Volume[], configMaps = [cm('app-config', { 'app.conf': 'greeting=hi' })]): Snapshot => {
    const part = workload('app', { containers: [container('app', { volumeMounts })] });
    part.deployments![0]!.spec!.template.spec!.volumes = volumes;
    for (const p of part.pods ?? []) p.spec!.volumes = volumes; // the pods made from it
    return { ...snapshot(part), configMaps };
  };
  const config: V1Volume = { name: 'config', configMap: { name: 'app-config' } };
  const params = { workload: 'app', container: 'app', path: '/etc/app/app.conf', configMap: 'app-config' };
  it.each<[string, Snapshot, boolean, RegExp]>([
    ['the mount moved to /etc/app', app([{ name: 'config', mountPath: '/etc/app' }], [config]), true, /^Deployment app container app: \/etc\/app\/app\.conf comes from ConfigMap app-config \(volume config mounted at \/etc\/app, file app\.conf of the configMap volume\), not optional$/],
    ['a subPath mount of the file', app([{ name: 'config', mountPath: '/etc/config' }, { name: 'config', mountPath: '/etc/app/app.conf', subPath: 'app.conf' }], [config]), true, /\(subPath app\.conf\), file app\.conf/],
    ['a subPathExpr without variables', app([{ name: 'config', mountPath: '/etc/app/app.conf', subPathExpr: 'app.conf' }], [config]), true, /\(subPath app\.conf\), file app\.conf/],
    ['items remap another key', app([{ name: 'c', mountPath: '/etc/app/' }], [{ name: 'c', configMap: { name: 'app-config', items: [{ key: 'conf', path: 'app.conf' }] } }], [cm('app-config', { conf: 'x' })]), true, /comes from ConfigMap app-config/],
    ['mounted at /etc with items app/app.conf', app([{ name: 'c', mountPath: '/etc' }], [{ name: 'c', configMap: { name: 'app-config', items: [{ key: 'app.conf', path: 'app/app.conf' }] } }]), true, /file app\/app\.conf/],
    ['still at /etc/config (the broken state)', app([{ name: 'config', mountPath: '/etc/config' }], [config]), false, /saw no volume mounted at it or above it \(the file would come from the image\)$/],
    ['an emptyDir filled by an init container', app([{ name: 'w', mountPath: '/etc/app' }], [{ name: 'w', emptyDir: {} }]), false, /saw volume w mounted at \/etc\/app: volume source emptyDir$/],
    ['another ConfigMap', app([{ name: 'o', mountPath: '/etc/app' }], [{ name: 'o', configMap: { name: 'copy' } }], [cm('copy', { 'app.conf': 'x' })]), false, /saw volume o mounted at \/etc\/app: ConfigMap copy$/],
    ['optional', app([{ name: 'c', mountPath: '/etc/app' }], [{ name: 'c', configMap: { name: 'app-config', optional: true } }]), false, /not to be optional/],
    ['a key that is not there', app([{ name: 'config', mountPath: '/etc/app' }], [config], [cm('app-config', { 'settings.conf': 'x' })]), false, /saw no such file in the volume \(ConfigMap app-config has keys \["settings\.conf"\]\)$/],
    ['a later projected source wins the file', app([{ name: 'p', mountPath: '/etc/app' }], [{ name: 'p', projected: { sources: [{ configMap: { name: 'app-config' } }, { configMap: { name: 'copy' } }] } }], [cm('app-config', { 'app.conf': 'a' }), cm('copy', { 'app.conf': 'b' })]), false, /saw it from ConfigMap copy \(projected\.sources\[1\]\)$/],
    ['a file laid over the directory mount', app([{ name: 'config', mountPath: '/etc/app' }, { name: 'w', mountPath: '/etc/app/app.conf', subPath: 'x' }], [config, { name: 'w', emptyDir: {} }]), false, /volume source emptyDir/],
    ['the whole volume at the file path', app([{ name: 'config', mountPath: '/etc/app/app.conf' }], [config]), false, /as a whole directory there$/],
  ])('%s', (_name, snap, passed, reason) => {
    const verdict = fileFromConfigMap(check('fileFromConfigMap', params), context(snap));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

const [a, b] = ['web-5d8f7c9b6d-x7k2p', 'web-5d8f7c9b6d-m4q9z'];

describe('mainProcess', () => {
  const cmdline = (pod: string, argv: string[]): RecordedExec => ({ ...execResult(pod, ['/bin/cat', '/proc/1/cmdline'], 0, `${argv.join('\0')}\0`), container: 'web' });
  const params = { workload: 'web', container: 'web', process: 'httpd' };
  it.each<[string, RecordedExec[], boolean, RegExp]>([
    ['httpd -f is PID 1', [cmdline(a, ['httpd', '-f', '-p', '8080']), cmdline(b, ['/bin/httpd', '-f'])], true, /^Deployment web container web: PID 1 is httpd in 2 Running pods \("httpd -f -p 8080"\)$/],
    ['busybox httpd', [cmdline(a, ['busybox', 'httpd', '-f']), cmdline(b, ['/bin/busybox', 'httpd', '-f'])], true, /PID 1 is httpd/],
    ['a shell keeping the container alive', [cmdline(a, ['sh', '-c', 'httpd -p 8080; sleep 3600']), cmdline(b, ['httpd', '-f'])], false, /^pod web-5d8f7c9b6d-x7k2p container web: expected PID 1 \(the process the container lives and dies with\) to be httpd, saw "sh -c httpd -p 8080; sleep 3600" — httpd runs beside it as a child, so the container outlives it$/],
    ['sleep as PID 1', [cmdline(a, ['sleep', 'infinity']), cmdline(b, ['sleep', 'infinity'])], false, /saw "sleep infinity"$/],
  ])('%s', async (_name, exec, passed, reason) => {
    const ctx = context(snapshot(workload('web', { replicas: 2 })), { exec });
    const verdict = await mainProcess(check('mainProcess', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('no running container: a plain failure, nothing probed', async () => {
    const ctx = context(snapshot(workload('web', { pods: [{ phase: 'Running', ready: false, containers: [waiting('web', 'CrashLoopBackOff', { restarts: 3 })] }] })));
    const verdict = await mainProcess(check('mainProcess', params), ctx);
    expect(verdict).toMatchObject({ passed: false, reason: expect.stringMatching(/expected a Running pod to look at its PID 1, saw none running it among 1 pod$/) });
    expect(verdict.final).toBeUndefined();
    expect(ctx.probe.calls).toHaveLength(0);
  });

  // With a port: PID 1 must hold the listening socket (a decoy httpd as PID 1 beside a background server fails).
  const tcp = (inode: string, port = '1F90'): string => `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n   0: 00000000:${port} 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`;
  const pid1 = (pod: string, argv: string[], fds: string[], table: string): RecordedExec => ({ ...execResult(pod, ['/bin/sh', '-c', PID1_SCRIPT], 0, `${argv.join('\0')}\0\n--- fd\n${fds.join('\n')}\n--- tcp\n${table}`), container: 'web' });
  it.each<[string, RecordedExec, boolean, RegExp]>([
    ['PID 1 holds the socket', pid1(a, ['httpd', '-f', '-p', '8080'], ['/dev/null', 'pipe:[7]', 'socket:[4242]'], tcp('4242')), true, /PID 1 is httpd, listening on port 8080 in 1 Running pod/],
    ['a decoy httpd as PID 1, the server in the background', pid1(a, ['httpd', '-f', '-p', '9999'], ['/dev/null', 'socket:[5555]'], tcp('4242') + tcp('5555', '270F')), false, /expected PID 1 \("httpd -f -p 9999"\) to hold the socket listening on port 8080, saw another process of the pod listening there/],
    ['nothing listens', pid1(a, ['httpd', '-f', '-p', '9999'], ['socket:[5555]'], tcp('5555', '270F')), false, /expected PID 1 \(httpd\) to listen on port 8080, saw nothing in the pod listening on it$/],
  ])('with a port: %s', async (_name, exec, passed, reason) => {
    const ctx = context(snapshot(workload('web')), { exec: [exec] });
    const verdict = await mainProcess(check('mainProcess', { ...params, port: 8080 }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('reads argv as the kernel writes it', () => {
    expect(listeningInodes('   1: 0100007F:1F90 00000000:0000 01 0:0 0:0 0 0 0 77 1\n   2: 00000000:1F90 00000000:0000 0A 0:0 0:0 0 0 0 88 1', 8080)).toEqual(['88']);
    expect(parseCmdline('sh\0-c\0exec httpd -f\0')).toEqual(['sh', '-c', 'exec httpd -f']);
    expect(programOf(['/bin/busybox', 'httpd'])).toBe('httpd');
    expect(programOf(['/usr/sbin/httpd'])).toBe('httpd');
  });
});

describe('writablePaths', () => {
  const line = (id: number, at: string, opts: string, fs = 'overlay', sup = 'rw'): string => `${id} 1 0:${id} / ${at} ${opts},relatime - ${fs} ${fs} ${sup}`;
  const roRoot = [line(1, '/', 'ro'), line(2, '/proc', 'rw,nosuid', 'proc'), line(3, '/etc/hosts', 'rw', 'ext4'), line(4, '/var/run', 'rw', 'tmpfs')];
  const out = (mounts: string[], tries: string[]): string => `${mounts.join('\n')}\n--- kubedrill\n${tries.join('\n')}\n`;
  const sh = (pod: string, stdout: string, exitCode = 0): RecordedExec => ({ pod, container: 'web', command: ['/bin/sh', '-c', WRITE_SCRIPT, 'sh', '/var/run'], result: { exitCode, stdout, stderr: '' } });
  const params = { workload: 'web', container: 'web', writable: ['/var/run'], readOnly: ['/', '/etc', '/var'] };
  it.each<[string, string, boolean, RegExp]>([
    ['read-only root, emptyDir at /var/run', out(roRoot, ['ok /var/run']), true, /^Deployment web container web: \/var\/run writable; \/, \/etc, \/var on read-only mounts in 1 Running pod$/],
    ['still nowhere to write (the broken state)', out([line(1, '/', 'ro')], ["no /var/run sh: can't create /var/run/.kubedrill-write-7: Read-only file system"]), false, /expected to create a file in \/var\/run \(the app writes there\), saw "Read-only file system"$/],
    ['root made writable again', out([line(1, '/', 'rw')], ['ok /var/run']), false, /expected \/ to stay read-only, saw it on the root filesystem \(overlay\), mounted writable$/],
    ['an emptyDir over all of /var', out([line(1, '/', 'ro'), line(4, '/var', 'rw', 'ext4')], ['ok /var/run']), false, /expected \/var to stay read-only, saw it on a writable ext4 mounted at \/var$/],
    ['read-only superblock', out([line(1, '/', 'rw', 'overlay', 'ro'), line(4, '/var/run', 'rw', 'tmpfs')], ['ok /var/run']), true, /writable/],
  ])('%s', async (_name, stdout, passed, reason) => {
    const ctx = context(snapshot(workload('web')), { exec: [sh(a, stdout)] });
    const verdict = await writablePaths(check('writablePaths', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('the mount a path lies on: deepest, the last listed on top', () => {
    const mounts = parseMountInfo([line(1, '/', 'ro'), line(2, '/var/run', 'rw', 'tmpfs'), line(3, '/var/run', 'ro', 'tmpfs'), '9 1 0:9 / /with\\040space rw - tmpfs tmpfs rw'].join('\n'));
    expect(mountOf(mounts, '/var/run/app')?.readOnly).toBe(true);
    expect(mountOf(mounts, '/varnish')?.mountPoint).toBe('/');
    expect(mountOf(mounts, '/with space/x')?.mountPoint).toBe('/with space');
  });
});

describe('specUnchanged: probes compare as the API server stores them', () => {
  const probe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 2 };
  const stored = { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, periodSeconds: 2, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, initialDelaySeconds: 0 };
  it.each<[string, Record<string, unknown> | undefined, boolean]>([
    ['defaults filled in by the server', stored, true],
    ['a threshold raised', { ...stored, failureThreshold: 1000 }, false],
    ['another path', { ...stored, httpGet: { path: '/kubedrill-id', port: 8080, scheme: 'HTTP' } }, false],
    ['removed', undefined, false],
  ])('%s', async (_name, live, passed) => {
    const snap = snapshot(workload('web', { containers: [container('web', live ? { readinessProbe: live } : {})] }));
    const injected = [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: { spec: { containers: [container('web', { readinessProbe: probe })] } } } }];
    const verdict = await specUnchanged(check('specUnchanged', { workload: 'web', container: 'web', fields: ['readinessProbe'] }), context(snap, { injected }));
    expect(verdict.passed, verdict.reason).toBe(passed);
  });
});

describe('writablePaths: nothing else writable, and only scratch space', () => {
  const line = (id: number, at: string, opts: string, fs = 'ext4'): string => `${id} 1 0:${id} / ${at} ${opts},relatime - ${fs} ${fs} rw`;
  const base = [line(1, '/', 'ro', 'overlay'), line(2, '/proc', 'rw', 'proc'), line(3, '/dev', 'rw', 'tmpfs'), line(4, '/etc/hosts', 'rw'), line(5, '/dev/termination-log', 'rw'), line(6, '/var/run', 'rw', 'tmpfs')];
  const run = async (mountLines: string[], volume: Record<string, unknown>, extra: Record<string, unknown>) => {
    const snap = snapshot(workload('web'));
    const p = snap.pods[0]!;
    p.spec!.containers[0]!.volumeMounts = [{ name: 'run', mountPath: '/var/run' }];
    p.spec!.volumes = snap.replicaSets[0]!.spec!.template!.spec!.volumes = [{ name: 'run', ...volume }];
    const exec: RecordedExec = { pod: a, container: 'web', command: ['/bin/sh', '-c', WRITE_SCRIPT, 'sh', '/var/run'], result: { exitCode: 0, stdout: `${mountLines.join('\n')}\n--- kubedrill\nok /var/run\n`, stderr: '' } };
    return writablePaths(check('writablePaths', { workload: 'web', container: 'web', writable: ['/var/run'], readOnly: ['/'], ...extra }), context(snap, { exec: [exec] }));
  };
  it.each<[string, string[], Record<string, unknown>, boolean, RegExp]>([
    ['only /var/run and the kubelet files', base, { emptyDir: {} }, true, /writable/],
    ['an emptyDir one level above the writable path', [...base.slice(0, 5), line(6, '/var', 'rw')], { emptyDir: {} }, true, /writable/],
    ['an emptyDir at /tmp too', [...base, line(7, '/tmp', 'rw')], { emptyDir: {} }, false, /expected nothing writable but \/var\/run, saw \/tmp \(ext4\) mounted writable$/],
    ['a hostPath volume claim at /var/run', base, { persistentVolumeClaim: { claimName: 'run' } }, false, /expected \/var\/run on an emptyDir volume \(scratch space that ends with the pod\), saw volume run at \/var\/run: persistentVolumeClaim$/],
  ])('%s', async (_name, mounts, volume, passed, reason) => {
    const verdict = await run(mounts, volume, { othersReadOnly: true, emptyDirOnly: true });
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
