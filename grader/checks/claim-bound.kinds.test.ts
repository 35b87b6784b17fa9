import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';

/**
 * claimBound on claims as a real cluster binds them
 * (grader/fixtures/kinds/volumes.json, recorded by test/real/record-kinds.ts):
 * `data` pre-bound by a hostPath PersistentVolume's claimRef (the controller
 * fills in the uid), `wanting` asking for a class nothing serves.
 */
const fixture = await loadFixture('kinds/volumes');

async function claimBound(name: string, snapshot: Snapshot = fixture.snapshot) {
  const [verdict] = await grade([check('claimBound', { name })], fixtureContext({ ...fixture, snapshot }));
  return verdict!;
}

describe('claimBound on recorded claims', () => {
  it.each<[string, string, boolean, boolean, RegExp, string | undefined]>([
    ['claim bound to a pre-bound hostPath volume', 'data', true, false, /^PersistentVolumeClaim data Bound to PersistentVolume kd-kinds-pv-data \(1Gi, class "kd-kinds-manual"\), which is bound back to it$/, undefined],
    ['claim for a class nothing serves', 'wanting', false, false, /^PersistentVolumeClaim wanting status\.phase: expected Bound, saw Pending \(asks for storageClassName "kd-kinds-nobody", 1Gi\)$/, 'status.phase'],
    ['claim deleted', 'ghost', false, true, /^PersistentVolumeClaim ghost not found in namespace kd-kinds-volumes: expected it to exist and be Bound$/, undefined],
  ])('%s', async (_name, name, passed, final, reason, path) => {
    const verdict = await claimBound(name);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(verdict.final ?? false).toBe(final);
    expect(verdict.where).toMatchObject({ kind: 'PersistentVolumeClaim', name, namespace: 'kd-kinds-volumes', ...(path ? { path } : {}) });
  });

  it.each<[string, string, boolean, RegExp]>([
    ['bound to the volume named', 'kd-kinds-pv-data', true, /^PersistentVolumeClaim data Bound to PersistentVolume kd-kinds-pv-data /],
    ['bound, but not to the volume named (the one with the data)', 'kd-kinds-pv-old', false, /^PersistentVolumeClaim data spec\.volumeName: expected PersistentVolume kd-kinds-pv-old \(the volume with the data\), saw kd-kinds-pv-data$/],
  ])('volume: %s', async (_name, volume, passed, reason) => {
    const [verdict] = await grade([check('claimBound', { name: 'data', volume })], fixtureContext(fixture));
    expect(verdict!.reason).toMatch(reason);
    expect(verdict!.passed).toBe(passed);
    if (!passed) expect(verdict!.where).toMatchObject({ kind: 'PersistentVolumeClaim', name: 'data', path: 'spec.volumeName' });
  });

  it('the snapshot holds only the volume claimed from the namespace', () => {
    expect(fixture.snapshot.persistentVolumes?.map((v) => v.metadata?.name)).toEqual(['kd-kinds-pv-data']);
    const claim = fixture.snapshot.persistentVolumeClaims?.find((c) => c.metadata?.name === 'data');
    expect(fixture.snapshot.persistentVolumes?.[0]?.spec?.claimRef?.uid).toBe(claim?.metadata?.uid);
  });

  // Variations on the real objects: the volume gone, or bound to a claim of the same name recreated since.
  it('fails when the volume the claim names is gone', async () => {
    const verdict = await claimBound('data', { ...fixture.snapshot, persistentVolumes: [] });
    expect(verdict).toMatchObject({ passed: false, reason: 'PersistentVolumeClaim data spec.volumeName: names PersistentVolume kd-kinds-pv-data, which does not exist' });
  });

  it('fails when the volume is bound to another uid (the claim recreated)', async () => {
    const snapshot = structuredClone(fixture.snapshot);
    snapshot.persistentVolumes![0]!.spec!.claimRef!.uid = '00000000-0000-4000-8000-000000000000';
    const verdict = await claimBound('data', snapshot);
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toMatch(/^PersistentVolume kd-kinds-pv-data spec\.claimRef: expected this claim \(uid [0-9a-f-]+\), saw kd-kinds-volumes\/data uid 00000000-/);
    expect(verdict.where).toMatchObject({ kind: 'PersistentVolume', name: 'kd-kinds-pv-data', path: 'spec.claimRef' });
  });
});
