import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../grader/fixtures/replay.ts';
import { storedObjects } from '../../grader/stored/content.ts';
import { loadAll } from '../scenario/load.ts';
import { honestFixes } from '../scenario/fixes.ts';
import { buildDebrief, namedChanges, renderDebrief } from './debrief.ts';

const crashloop = (await loadAll()).find((s) => s.id === 'crashloop-exit1')!;

describe('debrief of crashloop-exit1 on recorded states', async () => {
  const broken = storedObjects((await loadFixture('recorded/crashloop-exit1-broken')).snapshot);
  const snapshot = (await loadFixture('recorded/crashloop-exit1-fixed')).snapshot;
  // Two recordings, two injections: align uids by name so only content differs.
  const uids = new Map(storedObjects(snapshot).map((o) => [`${o.kind}/${o.name}`, o.uid]));
  const baseline = broken.map((o) => ({ ...o, uid: uids.get(`${o.kind}/${o.name}`) ?? o.uid }));
  const debrief = buildDebrief({ baseline, snapshot, seconds: 125.4, explanation: crashloop.explanation, fixes: await honestFixes(crashloop) });

  it('names the change, the root cause and the other fixes', () => {
    const sections = renderDebrief(debrief);
    expect(sections.map((s) => s.heading)).toEqual(['What you changed', 'Why it broke', 'Fixes that also pass']);
    expect(sections[0]!.lines).toEqual(['Deployment api: spec.template.spec.containers[api].env + REDIS_HOST (from ConfigMap api-config)']);
    expect(sections[1]!.lines.length).toBeGreaterThanOrEqual(3);
    expect(sections[2]!.lines[0]).toMatch(/^solution: /);
    expect(sections[2]!.lines.some((l) => l.startsWith('env-literal: '))).toBe(true);
    expect(debrief.seconds).toBe(125);
  });

  it('says so when the attempt has no baseline (started by an older kubedrill)', () => {
    const without = buildDebrief({ baseline: undefined, snapshot, seconds: 1, explanation: 'a\nb\nc', fixes: [] });
    expect(without.changes).toBeNull();
    expect(renderDebrief(without).map((s) => s.heading)).toEqual(['Why it broke']);
  });
});

describe('objects the baseline does not store: followed by name and uid', () => {
  it('a Secret the learner created (secret-missing), its data never shown', async () => {
    const fixed = await loadFixture('recorded/secret-missing-fixed');
    expect(namedChanges(fixed.snapshot, fixed.injected, fixed.fingerprint)).toEqual([{ object: 'Secret db-creds', kind: 'Secret', name: 'db-creds', change: 'created', fields: [] }]);
    const broken = await loadFixture('recorded/secret-missing-broken');
    expect(namedChanges(broken.snapshot, broken.injected, broken.fingerprint)).toEqual([]);
  });

  it('a Job recreated (job-backoff)', async () => {
    const fixed = await loadFixture('recorded/job-backoff-fixed');
    const changes = namedChanges(fixed.snapshot, fixed.injected, fixed.fingerprint);
    expect(changes).toEqual([{ object: 'Job report', kind: 'Job', name: 'report', change: 'recreated', fields: [] }]);
    expect(renderDebrief({ seconds: 1, changes, explanation: 'x', otherFixes: [] })[0]!.lines).toEqual(["Job report: deleted and created again (a Job's pod template cannot change)"]);
  });

  it('kinds the grading did not read are left out', async () => {
    const fixed = await loadFixture('recorded/crashloop-exit1-fixed');
    expect(namedChanges({ ...fixed.snapshot, secrets: undefined, jobs: undefined }, fixed.injected, fixed.fingerprint)).toEqual([]);
  });
});
