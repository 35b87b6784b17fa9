import type { V1ConfigMap, V1Volume, V1VolumeMount, V1VolumeProjection } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { container, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { mountsConfigMap } from './mounts-config-map.ts';

const web = (volumeMounts: V1VolumeMount[], volumes: V1Volume[]): Snapshot => {
  const part = workload('web', { containers: [container('web', { volumeMounts })] });
  part.deployments![0]!.spec!.template.spec!.volumes = volumes;
  for (const p of part.pods ?? []) p.spec!.volumes = volumes; // the pods made from it
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

  // Which source supplies each file, resolved as the kubelet writes a projected volume (later sources win a path).
  const cm = (name: string, data: Record<string, string>): V1ConfigMap => ({ metadata: { name }, data });
  const projected = (...sources: V1VolumeProjection[]): V1Volume[] => [{ name: 'settings', projected: { sources } }];
  const other = { configMap: { name: 'other' } };
  const mine = { configMap: { name: 'web-settings' } };
  it.each<[string, V1Volume[], V1ConfigMap[], boolean, RegExp]>([
    ['other supplies settings.conf, web-settings is empty', projected(other, mine), [cm('other', { 'settings.conf': 'mode=production' }), cm('web-settings', {})], false, /^Deployment web container web: expected every file in \/etc\/web to come from ConfigMap web-settings, saw settings\.conf from ConfigMap other \(projected\.sources\[0\]\)$/],
    ['other supplies settings.conf, web-settings only another key', projected(other, mine), [cm('other', { 'settings.conf': 'mode=production' }), cm('web-settings', { mode: 'production' })], false, /saw settings\.conf from ConfigMap other \(projected\.sources\[0\]\)$/],
    ['web-settings first, other later wins the path', projected(mine, other), [cm('other', { 'settings.conf': 'mode=production' }), cm('web-settings', { 'settings.conf': 'mode=development' })], false, /saw settings\.conf from ConfigMap other \(projected\.sources\[1\]\)$/],
    ['other first, web-settings later wins the path', projected(other, mine), [cm('other', { 'settings.conf': 'mode=development' }), cm('web-settings', { 'settings.conf': 'mode=production' })], true, /\(projected volume\), not optional$/],
    ['items remap another key of other onto settings.conf', projected({ configMap: { name: 'other', items: [{ key: 'prod', path: 'settings.conf' }] } }, { configMap: { name: 'web-settings', items: [{ key: 'mode', path: 'mode' }] } }), [cm('other', { prod: 'mode=production' }), cm('web-settings', { mode: 'x' })], false, /saw settings\.conf from ConfigMap other/],
    ['items remap web-settings onto settings.conf, last', projected(other, { configMap: { name: 'web-settings', items: [{ key: 'web.conf', path: 'settings.conf' }] } }), [cm('other', { 'settings.conf': 'x' }), cm('web-settings', { 'web.conf': 'mode=production' })], true, /not optional$/],
    ['a downwardAPI file beside it', projected(mine, { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }), [cm('web-settings', { 'settings.conf': 'mode=production' })], false, /saw labels from downwardAPI \(projected\.sources\[1\]\)$/],
    ['a Secret whose keys cannot be read', projected(mine, { secret: { name: 'web-secret' } }), [cm('web-settings', { 'settings.conf': 'mode=production' })], false, /saw Secret web-secret \(projected\.sources\[1\]\), whose files cannot be read here$/],
    ['another ConfigMap not created (supplies nothing)', projected({ configMap: { name: 'absent', optional: true } }, mine), [cm('web-settings', { 'settings.conf': 'mode=production' })], true, /not optional$/],
    ['web-settings not created yet (the broken state)', [settings], [], true, /\(configMap volume\), not optional$/],
  ])('the file comes from it: %s', (_name, volumes, configMaps, passed, reason) => {
    const snap = { ...web(atEtcWeb, volumes), configMaps };
    const verdict = mountsConfigMap(check('mountsConfigMap', params), context(snap));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    if (!passed) expect(verdict.where?.path).toMatch(/^spec\.template\.spec\.volumes\[name=settings\]\.projected\.sources\[\d\]$/);
  });

  // With `files`, only the named paths are judged: other files may sit beside them.
  it.each<[string, V1Volume[], V1ConfigMap[], boolean, RegExp]>([
    ['defaults beside it (other keys)', projected(other, mine), [cm('other', { 'defaults.conf': 'x' }), cm('web-settings', { 'settings.conf': 'mode=production' })], true, /not optional$/],
    ['a downwardAPI file beside it', projected(mine, { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }), [cm('web-settings', { 'settings.conf': 'mode=production' })], true, /not optional$/],
    ['other supplies settings.conf', projected(other, mine), [cm('other', { 'settings.conf': 'mode=production' }), cm('web-settings', {})], false, /^Deployment web container web: expected settings\.conf in \/etc\/web to come from ConfigMap web-settings, saw settings\.conf from ConfigMap other \(projected\.sources\[0\]\)$/],
    ['a Secret whose keys cannot be read may supply it', projected(mine, { secret: { name: 'web-secret' } }), [cm('web-settings', { 'settings.conf': 'mode=production' })], false, /whose files cannot be read here$/],
  ])('files: [settings.conf]: %s', (_name, volumes, configMaps, passed, reason) => {
    const snap = { ...web(atEtcWeb, volumes), configMaps };
    const verdict = mountsConfigMap(check('mountsConfigMap', { ...params, files: ['settings.conf'] }), context(snap));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
