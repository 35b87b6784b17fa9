import type { V1Volume, V1VolumeMount } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { container, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { mountsConfigMap } from './mounts-config-map.ts';

const web = (volumeMounts: V1VolumeMount[], volumes: V1Volume[]): Snapshot => {
  const part = workload('web', { containers: [container('web', { volumeMounts })] });
  part.deployments![0]!.spec!.template.spec!.volumes = volumes;
  return snapshot(part);
};
const atEtcWeb: V1VolumeMount[] = [{ name: 'settings', mountPath: '/etc/web' }];
const settings: V1Volume = { name: 'settings', configMap: { name: 'web-settings' } };
const params = { workload: 'web', container: 'web', mountPath: '/etc/web', configMap: 'web-settings' };

describe('mountsConfigMap', () => {
  it.each<[string, Snapshot, boolean, RegExp]>([
    ['the injected design', web(atEtcWeb, [settings]), true, /^Deployment web container web: volume settings mounted at \/etc\/web comes from ConfigMap web-settings \(configMap volume\), not optional$/],
    ['renamed volume, trailing slash', web([{ name: 'cfg', mountPath: '/etc/web/' }], [{ name: 'cfg', configMap: { name: 'web-settings', items: [{ key: 'x', path: 'settings.conf' }] } }]), true, /volume cfg mounted at \/etc\/web comes from ConfigMap web-settings/],
    ['projected source', web(atEtcWeb, [{ name: 'settings', projected: { sources: [{ configMap: { name: 'web-settings' } }] } }]), true, /\(projected volume\), not optional$/],
    ['optional configMap volume', web(atEtcWeb, [{ name: 'settings', configMap: { name: 'web-settings', optional: true } }]), false, /expected volume settings mounted at \/etc\/web \(configMap volume\) not to be optional/],
    ['optional projected source', web(atEtcWeb, [{ name: 'settings', projected: { sources: [{ configMap: { name: 'web-settings', optional: true } }] } }]), false, /not to be optional/],
    ['declared but another ConfigMap mounted', web([{ name: 'real', mountPath: '/etc/web' }], [settings, { name: 'real', configMap: { name: 'web-config' } }]), false, /^Deployment web container web: expected volume real mounted at \/etc\/web to come from ConfigMap web-settings, saw ConfigMap web-config$/],
    ['emptyDir at the path', web(atEtcWeb, [{ name: 'settings', emptyDir: {} }]), false, /saw volume source emptyDir$/],
    ['only a subPath mount of the file', web([{ name: 'settings', mountPath: '/etc/web/settings.conf', subPath: 'settings.conf' }], [settings]), false, /expected a volume mounted at \/etc\/web, saw mounts \["\/etc\/web\/settings\.conf \(subPath settings\.conf\)"\]/],
    ['a file laid over the directory', web([...atEtcWeb, { name: 'other', mountPath: '/etc/web/settings.conf', subPath: 'settings.conf' }], [settings, { name: 'other', configMap: { name: 'web-config' } }]), false, /expected nothing mounted inside \/etc\/web, saw volume other at \/etc\/web\/settings\.conf laid over it/],
    ['mount names a missing volume', web(atEtcWeb, []), false, /names volume settings, which the pod template does not define/],
  ])('%s', (_name, snap, passed, reason) => {
    const verdict = mountsConfigMap(check('mountsConfigMap', params), context(snap));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('fails when the workload is gone', () => {
    expect(mountsConfigMap(check('mountsConfigMap', params), context(snapshot())).passed).toBe(false);
  });
});
