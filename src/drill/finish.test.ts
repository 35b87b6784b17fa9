import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/types.ts';
import { encodeRecord, type AttemptRecord } from '../attempt/record.ts';
import { signingKey } from '../home.ts';
import { readHistory } from '../history.ts';
import { fakeKube } from './fake-kube.ts';
import { finishDrill } from './finish.ts';
import type { TaskGrader } from './grade.ts';
import { DrillTamperedError, drillNamespace, type DrillRecord } from './record.ts';
import { createDrill, listDrills, readDrill } from './store.ts';
import { runTimer } from './timer.ts';

// Two tasks shaped like crashloop-exit1 (weight 4) and oom-stress (weight 5).
const scenario = (id: string): Scenario =>
  ({
    id,
    checks: [
      { id: 'fixed', kind: 'podsHealthy', workload: 'w', points: 3, gate: false, description: '' },
      { id: 'stable', kind: 'restartsStable', workload: 'w', window: '10s', points: 1, gate: false, description: '' },
      { id: 'still-there', kind: 'objectExists', object: { kind: 'Deployment', name: 'w' }, points: 1, gate: true, description: '' },
    ],
  }) as unknown as Scenario;
const scenarios = async (id: string): Promise<Scenario> => scenario(id);
/** Passes everything in namespace "crashloop", nothing but the gate elsewhere. */
const grader: TaskGrader = async ({ record }) =>
  ['fixed', 'stable', 'still-there'].map((id) => ({ id, passed: record.namespace === 'crashloop' || id === 'still-there', reason: 'r' }));

let kube = fakeKube();

async function drill(overrides: Partial<DrillRecord> = {}): Promise<DrillRecord> {
  const now = Date.now();
  const record: DrillRecord = {
    id: `t${Math.random().toString(36).slice(2, 8)}`,
    seed: 's',
    createdAt: new Date(now).toISOString(),
    startedAt: new Date(now).toISOString(),
    deadline: new Date(now + 60_000).toISOString(),
    timeLimitSeconds: 60,
    rules: { hintCost: 0.1, passMark: 66 },
    tasks: [
      { scenario: 'crashloop-exit1', namespace: 'crashloop', weight: 4 },
      { scenario: 'oom-stress', namespace: 'oom', weight: 5 },
    ],
    state: 'active',
    ...overrides,
  };
  await createDrill(kube, record);
  for (const task of record.tasks) {
    const attempt: AttemptRecord = { scenario: task.scenario, namespace: task.namespace, startedAt: record.startedAt!, hintsUsed: 0, revealed: false, fingerprint: {}, nodeResources: [], clusterObjects: [], state: 'active', drill: record.id };
    await kube.createNamespace(task.namespace, { 'kubedrill.io/drill': record.id }, encodeRecord(attempt, await signingKey()));
  }
  return record;
}

beforeEach(() => {
  process.env.KUBEDRILL_HOME = mkdtempSync(join(tmpdir(), 'kd-finish-'));
  kube = fakeKube();
});

describe('finishDrill', () => {
  it('grades, stores the result in the signed record, and records history once however often it is called', async () => {
    const { id } = await drill();
    const first = await finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader });
    expect(first.gradedNow).toBe(true);
    expect(first.result).toMatchObject({ score: 44.4, passMark: 66, passed: false, ended: 'submitted', tasks: [{ id: 'crashloop-exit1', score: 100, passed: true }, { id: 'oom-stress', score: 0, passed: false }] });
    const again = await finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader: async () => { throw new Error('must not grade twice'); } });
    expect(again).toMatchObject({ gradedNow: false, result: first.result });
    expect((await readDrill(kube, id))?.state).toBe('graded');
    expect((await readHistory()).filter((e) => e.type === 'drill')).toEqual([first.result]);
  });

  it('the timer and a submit racing at the deadline record one result', async () => {
    const { id } = await drill({ deadline: new Date(Date.now() + 200).toISOString() });
    let gradings = 0;
    const counting: TaskGrader = async (input) => {
      gradings += 1;
      await new Promise((r) => setTimeout(r, 50));
      return grader(input);
    };
    const [timer, submit] = await Promise.all([
      runTimer({ kube, id, scenario: scenarios, grader: counting, log: () => undefined }),
      finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader: counting }),
    ]);
    expect(timer).toBe('already graded');
    expect(submit.gradedNow).toBe(true);
    expect(gradings).toBe(2); // one grading of two tasks
    expect((await readHistory()).filter((e) => e.type === 'drill')).toHaveLength(1);
  });

  it('a submit after a missed deadline (no timer ran) grades now, marked late', async () => {
    const { id } = await drill({ deadline: new Date(Date.now() - 1000).toISOString() });
    const { result } = await finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader });
    expect(result).toMatchObject({ ended: 'expired', late: true });
  });

  it.each([
    { name: 'a deleted task namespace', spoil: async () => kube.deleteNamespace('oom'), note: 'namespace oom was deleted' },
    { name: 'an edited attempt record', spoil: async () => kube.annotateNamespace('crashloop', { 'kubedrill.io/attempt': '{"hintsUsed":0}' }), note: 'the attempt record on namespace crashloop was edited' },
  ])('$name scores that task 0 with the reason', async ({ spoil, note }) => {
    const { id } = await drill();
    await spoil();
    const { result } = await finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader });
    expect(result.tasks.find((t) => t.note === note)).toMatchObject({ score: 0, passed: false });
  });

  it('hints and a revealed solution come from the signed attempt records', async () => {
    const { id, startedAt } = await drill();
    const attempt: AttemptRecord = { scenario: 'crashloop-exit1', namespace: 'crashloop', startedAt: startedAt!, hintsUsed: 2, revealed: false, fingerprint: {}, nodeResources: [], clusterObjects: [], state: 'active', drill: id };
    await kube.annotateNamespace('crashloop', encodeRecord(attempt, await signingKey()));
    const { result } = await finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader });
    expect(result.tasks[0]).toMatchObject({ score: 80, hintsUsed: 2, passed: true });
  });

  it('an edited drill record is refused', async () => {
    const { id } = await drill();
    const ns = kube.namespaces.get(drillNamespace(id))!;
    ns.metadata!.annotations!['kubedrill.io/drill-record'] = ns.metadata!.annotations!['kubedrill.io/drill-record']!.replace('"passMark":66', '"passMark":1');
    await expect(finishDrill({ kube, id, ended: 'submitted', scenario: scenarios, grader })).rejects.toBeInstanceOf(DrillTamperedError);
    expect((await listDrills(kube)).unverified).toEqual([drillNamespace(id)]);
  });
});

describe('runTimer', () => {
  it('takes the "before" snapshots one window ahead and grades at the deadline, not earlier', async () => {
    const deadline = Date.now() + 400;
    const { id } = await drill({ deadline: new Date(deadline).toISOString() });
    const seen: Array<{ at: number; before: boolean }> = [];
    const outcome = await runTimer({
      kube, id, scenario: scenarios, log: () => undefined,
      grader: async (input) => {
        seen.push({ at: Date.now(), before: input.before !== undefined });
        return grader(input);
      },
    });
    expect(outcome).toBe('graded');
    expect(kube.snapshots.sort()).toEqual(['crashloop', 'oom']);
    expect(seen).toHaveLength(2);
    for (const s of seen) expect(s).toMatchObject({ before: true });
    expect(Math.min(...seen.map((s) => s.at))).toBeGreaterThanOrEqual(deadline);
    expect((await readHistory()).find((e) => e.type === 'drill')).toMatchObject({ ended: 'expired', score: 44.4 });
  });

  it('exits without grading when the drill was submitted or removed meanwhile', async () => {
    const { id } = await drill({ deadline: new Date(Date.now() + 3_600_000).toISOString() });
    const sleeps: number[] = [];
    const outcome = await runTimer({
      kube, id, scenario: scenarios, log: () => undefined, pollMs: 15_000, grader,
      sleep: async (ms) => {
        sleeps.push(ms);
        await kube.deleteNamespace(drillNamespace(id));
      },
    });
    expect(outcome).toBe('gone');
    expect(sleeps).toEqual([15_000]);
  });
});
