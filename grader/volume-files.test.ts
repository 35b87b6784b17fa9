import type { V1ConfigMap, V1Volume, V1VolumeProjection } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { volumeFiles } from './volume-files.ts';

const cm = (name: string, data: Record<string, string>): V1ConfigMap => ({ metadata: { name }, data });
const configMaps = [cm('web-settings', { 'settings.conf': 'mode=production' }), cm('other', { 'settings.conf': 'mode=x', 'extra.conf': 'y' }), cm('empty', {})];
const projected = (...sources: V1VolumeProjection[]): V1Volume => ({ name: 'v', projected: { sources } });

describe('volumeFiles: which source supplies each file', () => {
  it.each<[string, V1Volume, Record<string, string>, string[]]>([
    ['a configMap volume: its keys', { name: 'v', configMap: { name: 'web-settings' } }, { 'settings.conf': 'ConfigMap web-settings' }, []],
    ['items remap a key to a path', { name: 'v', configMap: { name: 'other', items: [{ key: 'extra.conf', path: 'settings.conf' }] } }, { 'settings.conf': 'ConfigMap other' }, []],
    ['the judged ConfigMap not created yet supplies nothing (the broken state)', { name: 'v', configMap: { name: 'web-settings-absent' } }, {}, []],
    ['another ConfigMap deleted: unknown (pods keep what it wrote)', { name: 'v', configMap: { name: 'absent' } }, {}, ['ConfigMap absent (not found: running pods keep the files it wrote before)']],
    ['an item whose key is missing: unknown', { name: 'v', configMap: { name: 'empty', items: [{ key: 'x', path: 'settings.conf' }] } }, {}, ['ConfigMap empty (no key x: running pods keep the files it wrote before)']],
    ['an optional source missing supplies nothing', projected({ configMap: { name: 'absent', optional: true } }, { configMap: { name: 'web-settings' } }), { 'settings.conf': 'ConfigMap web-settings' }, []],
    ['projected: the later source wins a path', projected({ configMap: { name: 'other' } }, { configMap: { name: 'web-settings' } }), { 'settings.conf': 'ConfigMap web-settings', 'extra.conf': 'ConfigMap other' }, []],
    ['projected: order reversed', projected({ configMap: { name: 'web-settings' } }, { configMap: { name: 'other' } }), { 'settings.conf': 'ConfigMap other', 'extra.conf': 'ConfigMap other' }, []],
    ['projected: an empty ConfigMap after another', projected({ configMap: { name: 'other', items: [{ key: 'settings.conf', path: 'settings.conf' }] } }, { configMap: { name: 'empty' } }), { 'settings.conf': 'ConfigMap other' }, []],
    ['projected: downwardAPI and token paths', projected({ configMap: { name: 'web-settings' } }, { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } }, { serviceAccountToken: { path: 'token' } }), { 'settings.conf': 'ConfigMap web-settings', labels: 'downwardAPI', token: 'serviceAccountToken' }, []],
    ['projected: a Secret with items', projected({ secret: { name: 's', items: [{ key: 'k', path: './settings.conf' }] } }), { 'settings.conf': 'Secret s' }, []],
    ['projected: a Secret without items cannot be read', projected({ configMap: { name: 'web-settings' } }, { secret: { name: 's' } }), { 'settings.conf': 'ConfigMap web-settings' }, ['Secret s']],
  ])('%s', (_name, volume, files, unknown) => {
    const result = volumeFiles(volume, configMaps, 'web-settings-absent');
    expect(Object.fromEntries([...result.files].map(([path, f]) => [path, f.source]))).toEqual(files);
    expect(result.unknown.map((u) => u.source)).toEqual(unknown);
  });
});
