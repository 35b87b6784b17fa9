import type { V1Container } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { container, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { KubeObject } from '../types.ts';
import { normalizeImage, specUnchanged } from './spec-unchanged.ts';

const injectedApi = container('api', { command: ['sh', '-c', 'exec /app/serve'], args: ['--port', '8080'] });
const manifestWith = (c: V1Container, name = 'api'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [c] } } },
});
const allFields = ['image', 'command', 'args', 'workingDir'];

describe('specUnchanged', () => {
  it.each<[string, V1Container[], boolean, RegExp]>([
    ['unchanged', [injectedApi], true, /^Deployment api spec\.template\.spec\.containers\[name=api\]: image "busybox:1\.36", command \["sh","-c","exec \/app\/serve"\], args \["--port","8080"\], workingDir nothing as injected$/],
    ['env added (not a compared field)', [{ ...injectedApi, env: [{ name: 'REDIS_HOST', value: 'redis' }] }], true, /as injected/],
    ['fully qualified image', [{ ...injectedApi, image: 'docker.io/library/busybox:1.36' }], true, /as injected/],
    ['command replaced with sleep', [{ ...injectedApi, command: ['sleep', '3600'] }], false, /^Deployment api spec\.template\.spec\.containers\[name=api\]\.command: expected \["sh","-c","exec \/app\/serve"\], saw \["sleep","3600"\]$/],
    ['command removed', [{ ...injectedApi, command: undefined }], false, /\.command: expected \[.*\], saw nothing$/],
    ['image swapped', [{ ...injectedApi, image: 'busybox:1.37' }], false, /\.image: expected "busybox:1\.36", saw "busybox:1\.37"$/],
    ['args changed', [{ ...injectedApi, args: ['--port', '9090'] }], false, /\.args: expected \["--port","8080"\], saw \["--port","9090"\]/],
    ['workingDir set', [{ ...injectedApi, workingDir: '/tmp' }], false, /\.workingDir: expected nothing, saw "\/tmp"/],
    ['container renamed', [{ ...injectedApi, name: 'app' }], false, /containers\[name=api\]: expected the container to exist, saw containers \["app"\]/],
    ['long values are cut', [{ ...injectedApi, command: ['sh', '-c', `while true; do ${'echo hello; '.repeat(20)}done`] }], false, /saw \["sh","-c","while true; do echo hello; .{20,}…$/],
  ])('%s', (_name, containers, passed, reason) => {
    const ctx = context(snapshot(workload('api', { replicas: 2, containers })), { injected: [manifestWith(injectedApi)] });
    const verdict = specUnchanged(check('specUnchanged', { workload: 'api', container: 'api', fields: allFields }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it.each<[string, string, boolean, RegExp]>([
    ['pinned to the digest the tag resolves to', 'busybox@sha256:aa', true, /as injected$/],
    ['the digest with a registry prefix', 'docker.io/library/busybox@sha256:aa', true, /as injected$/],
    ['another digest', 'busybox@sha256:bb', false, /\.image: expected "busybox:1\.36", saw "busybox@sha256:bb" \(docker\.io\/library\/busybox:1\.36 is sha256:aa… here\)$/],
  ])('image by what runs: %s', (_name, image, passed, reason) => {
    // The builder's running pods report imageID docker.io/library/busybox@sha256:aa for busybox:1.36.
    const ctx = context(snapshot(workload('api', { containers: [{ ...injectedApi, image }] })), { injected: [manifestWith(injectedApi)] });
    const verdict = specUnchanged(check('specUnchanged', { workload: 'api', container: 'api', fields: ['image'] }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('treats a missing list and an empty list alike', () => {
    const ctx = context(snapshot(workload('api', { containers: [{ ...injectedApi, args: [] }] })), { injected: [manifestWith({ ...injectedApi, args: undefined })] });
    expect(specUnchanged(check('specUnchanged', { workload: 'api', container: 'api', fields: ['args'] }), ctx).passed).toBe(true);
  });

  it('compares with the LAST injected manifest of the Deployment', () => {
    const first = manifestWith(container('api', { image: 'busybox:1.36' }));
    const second = manifestWith(container('api', { image: 'busybox:1.36.99' }));
    const ctx = context(snapshot(workload('api', { containers: [container('api', { image: 'busybox:1.36' })] })), { injected: [first, manifestWith(container('db'), 'db'), second] });
    expect(specUnchanged(check('specUnchanged', { workload: 'api', container: 'api', fields: ['image'] }), ctx).reason).toMatch(/expected "busybox:1\.36\.99", saw "busybox:1\.36"/);
  });

  it.each([
    ['api', 'nothing injected', [] as KubeObject[], /^internal: the scenario injects no Deployment api/],
    ['api', 'container missing from the manifest', [manifestWith(container('other'))], /^internal: the injected Deployment api has no container api/],
  ])('%s: %s is a scenario bug, said so', (_w, _name, injected, reason) => {
    const ctx = context(snapshot(workload('api')), { injected });
    expect(specUnchanged(check('specUnchanged', { workload: 'api', container: 'api', fields: ['image'] }), ctx).reason).toMatch(reason);
  });

  it('fails when the Deployment is gone', () => {
    const ctx = context(snapshot(), { injected: [manifestWith(injectedApi)] });
    expect(specUnchanged(check('specUnchanged', { workload: 'api', container: 'api', fields: ['image'] }), ctx).reason).toMatch(/Deployment api not found/);
  });
});

describe('specUnchanged: env, envFrom, resources', () => {
  const injected = container('redis', {
    env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    resources: { limits: { memory: '512Mi', 'kubedrill.io/slot': '2' } },
  });
  const fields = ['env', 'envFrom', 'resources'];
  it.each<[string, Partial<V1Container>, boolean, RegExp]>([
    ['as the API server returns it (fieldRef apiVersion, requests defaulted, quantities rewritten)', { env: [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }], resources: { limits: { memory: '0.5Gi', 'kubedrill.io/slot': '2' }, requests: { memory: '536870912', 'kubedrill.io/slot': '2' } } }, true, /as injected$/],
    ['env added by set env --all', { env: [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'REDIS_HOST', value: 'redis' }], resources: injected.resources }, false, /\.env: expected \[\{"name":"POD".*\}\], saw \[\{"name":"POD"/],
    ['envFrom added', { env: injected.env, envFrom: [{ configMapRef: { name: 'api-config' } }], resources: injected.resources }, false, /\.envFrom: expected nothing, saw \[\{"configMapRef"/],
    ['a request changed', { env: injected.env, resources: { limits: injected.resources!.limits, requests: { memory: '1Gi', 'kubedrill.io/slot': '2' } } }, false, /\.resources: requests\.memory: expected "512Mi", saw "1Gi"$/],
    ['requests for one resource written, the other defaulted', { env: injected.env, resources: { limits: injected.resources!.limits, requests: { memory: '512Mi' } } }, true, /as injected$/],
    ['a limit raised moves the defaulted request too', { env: injected.env, resources: { limits: { memory: '1Gi', 'kubedrill.io/slot': '2' } } }, false, /\.resources: requests\.memory: expected "512Mi", saw "1Gi"$/],
  ])('%s', (_name, changes, passed, reason) => {
    const ctx = context(snapshot(workload('redis', { containers: [container('redis', changes)] })), { injected: [manifestWith(injected, 'redis')] });
    const verdict = specUnchanged(check('specUnchanged', { workload: 'redis', container: 'redis', fields }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

describe('normalizeImage', () => {
  it.each([
    ['busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['busybox', 'docker.io/library/busybox:latest'],
    ['library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['docker.io/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['index.docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['docker.io/library/busybox:1.36', 'docker.io/library/busybox:1.36'],
    ['someone/tool:2', 'docker.io/someone/tool:2'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/busybox:1.36', 'localhost:5000/busybox:1.36'],
    ['localhost/busybox', 'localhost/busybox:latest'],
    ['busybox@sha256:abc', 'docker.io/library/busybox@sha256:abc'],
  ])('%s → %s', (image, normal) => {
    expect(normalizeImage(image)).toBe(normal);
  });
});
