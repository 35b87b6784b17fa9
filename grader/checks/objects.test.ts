import type { V1ConfigMap } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { at, fakeUid, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { configMapData } from './config-map-data.ts';
import { objectAbsent } from './object-absent.ts';
import { objectExists } from './object-exists.ts';

const redisUid = fakeUid('svc/redis');
const service = (uid: string, deleting = false): Partial<Snapshot> => ({
  services: [{ metadata: { name: 'redis', uid, deletionTimestamp: deleting ? at(50) : undefined }, spec: { ports: [{ port: 6379 }] } }],
});
const cm = (data: Record<string, string> | undefined): Partial<Snapshot> => ({ configMaps: [{ metadata: { name: 'web-settings', uid: fakeUid('cm') }, data } satisfies V1ConfigMap] });

describe('objectExists', () => {
  it.each<[string, Partial<Snapshot>, Record<string, unknown>, boolean, RegExp]>([
    ['the injected Service', service(redisUid), {}, true, /^Service redis exists, the injected object \(uid [0-9a-f]{8}…\)$/],
    ['recreated Service', service(fakeUid('new')), {}, false, /^Service redis was deleted and recreated \(uid [0-9a-f]{8}…, injected as [0-9a-f]{8}…\)$/],
    ['recreated Service, identity not required', service(fakeUid('new')), { injected: false }, true, /^Service redis exists \(uid/],
    ['deleted', {}, {}, false, /^Service redis not found in namespace drill: expected it to exist$/],
    ['being deleted', service(redisUid, true), {}, false, /metadata\.deletionTimestamp: expected none, saw the object being deleted/],
  ])('%s', (_name, part, extra, passed, reason) => {
    const ctx = context(snapshot(part), { fingerprint: { 'Service/redis': redisUid } });
    const verdict = objectExists(check('objectExists', { object: { kind: 'Service', name: 'redis' }, ...extra }), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });

  it('passes for an object never fingerprinted (created by the learner)', () => {
    const verdict = objectExists(check('objectExists', { object: { kind: 'ConfigMap', name: 'web-settings' } }), context(snapshot(cm({}))));
    expect(verdict).toMatchObject({ passed: true, reason: expect.stringMatching(/^ConfigMap web-settings exists \(uid/) });
  });

  it('follows a Deployment by uid too', () => {
    const ctx = context(snapshot(workload('api', { uid: fakeUid('x') })), { fingerprint: { 'Deployment/api': fakeUid('deploy/api') } });
    expect(objectExists(check('objectExists', { object: { kind: 'Deployment', name: 'api' } }), ctx).reason).toMatch(/Deployment api was deleted and recreated/);
  });
});

describe('objectAbsent', () => {
  it.each<[string, Partial<Snapshot>, boolean, RegExp]>([
    ['absent', {}, true, /^Service redis is absent, as expected$/],
    ['present', service(redisUid), false, /^Service redis: expected it to be absent, saw it exists \(uid [0-9a-f]{8}…\)$/],
    ['being deleted', service(redisUid, true), true, /being deleted \(metadata\.deletionTimestamp set\), counted as absent/],
  ])('%s', (_name, part, passed, reason) => {
    const verdict = objectAbsent(check('objectAbsent', { object: { kind: 'Service', name: 'redis' } }), context(snapshot(part)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});

describe('configMapData', () => {
  const settings = { name: 'web-settings', key: 'settings.conf', matches: '^mode=production\\s*$' };
  it.each<[string, Partial<Snapshot>, boolean, RegExp]>([
    ['exact line', cm({ 'settings.conf': 'mode=production' }), true, /^ConfigMap web-settings data\.settings\.conf has a line matching \/\^mode=production\\s\*\$\/: "mode=production"$/],
    ['among other lines, trailing newline', cm({ 'settings.conf': 'level=info\nmode=production\n' }), true, /"mode=production"/],
    ['CRLF line endings', cm({ 'settings.conf': 'level=info\r\nmode=production\r\n' }), true, /"mode=production"/],
    ['wrong value', cm({ 'settings.conf': 'mode=debug\nlevel=info' }), false, /^ConfigMap web-settings data\.settings\.conf: expected a line matching \/\^mode=production\\s\*\$\/, saw \["mode=debug","level=info"\]$/],
    ['key missing', cm({ 'app.conf': 'mode=production' }), false, /data\.settings\.conf: expected a line matching .*, saw no such key \(keys \["app\.conf"\]\)/],
    ['no data at all', cm(undefined), false, /saw no such key \(keys \[\]\)/],
    ['ConfigMap missing', {}, false, /^ConfigMap web-settings not found in namespace drill/],
  ])('%s', (_name, part, passed, reason) => {
    const verdict = configMapData(check('configMapData', settings), context(snapshot(part)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
