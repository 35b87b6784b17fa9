import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeRecord } from '../attempt/record.ts';
import { signingKey } from '../home.ts';
import { fakeKube } from './fake-kube.ts';
import type { DrillRecord } from './record.ts';
import { countdown, drillStatus } from './status.ts';

describe('countdown', () => {
  it.each([
    { seconds: 0, text: '0:00' },
    { seconds: 59.6, text: '1:00' },
    { seconds: 754, text: '12:34' },
    { seconds: 3723, text: '1:02:03' },
    { seconds: -5, text: '0:00' },
  ])('$seconds s → $text', ({ seconds, text }) => {
    expect(countdown(seconds)).toBe(text);
  });
});

describe('drillStatus', () => {
  it('time left, and per task the hints, a passing check, or what is wrong with it', async () => {
    process.env.KUBEDRILL_HOME = mkdtempSync(join(tmpdir(), 'kd-status-'));
    const kube = fakeKube();
    const now = Date.parse('2025-06-01T14:10:00Z');
    const drill: DrillRecord = {
      id: 'd1', seed: 's', createdAt: '2025-06-01T14:00:00Z', startedAt: '2025-06-01T14:00:00Z', deadline: '2025-06-01T14:30:00Z', timeLimitSeconds: 1800,
      rules: { passMark: 66, hintCost: 0.1 }, state: 'active',
      tasks: [{ scenario: 'a', namespace: 'ns-a', weight: 4 }, { scenario: 'b', namespace: 'ns-b', weight: 5 }, { scenario: 'c', namespace: 'ns-c', weight: 2 }],
    };
    const attempt = { startedAt: drill.startedAt!, fingerprint: {}, nodeResources: [], clusterObjects: [], state: 'active' as const, revealed: false };
    await kube.createNamespace('ns-a', {}, encodeRecord({ ...attempt, scenario: 'a', namespace: 'ns-a', hintsUsed: 2, drill: 'd1', passedAt: '2025-06-01T14:05:00Z' }, await signingKey()));
    await kube.createNamespace('ns-b', {}, encodeRecord({ ...attempt, scenario: 'b', namespace: 'ns-b', hintsUsed: 0, drill: 'other' }, await signingKey()));
    const view = await drillStatus(kube, drill, now);
    expect(view).toMatchObject({ secondsLeft: 1200, passMark: 66, result: null });
    expect(view.tasks.map((t) => [t.id, t.hintsUsed, t.passedAt, t.problem])).toEqual([
      ['a', 2, '2025-06-01T14:05:00Z', null],
      ['b', 0, null, 'namespace ns-b no longer holds this task'],
      ['c', 0, null, 'namespace ns-c no longer holds this task'],
    ]);
  });
});
