import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kube } from '../kube/client.ts';
import type { Progress } from '../../cluster/progress.ts';
import type { Snapshot } from '../../grader/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { homeDir } from '../home.ts';
import { appendHistoryOnce } from '../history.ts';
import { decodeRecordUnverified, DRILL_LABEL } from '../attempt/record.ts';
import { cleanupAttempt } from '../engine/cleanup.ts';
import { processAlive, withFileLock } from './file-lock.ts';
import { DrillError } from './errors.ts';
import { gradeDrill, type TaskGrader } from './grade.ts';
import type { DrillRecord, DrillResult } from './record.ts';
import { deleteDrill, readDrill, writeDrill } from './store.ts';

/** Options for {@link finishDrill}. */
export interface FinishOptions {
  kube: Kube;
  id: string;
  /** Who ends it: the learner (`drill submit`) or the timer at the deadline. */
  ended: 'submitted' | 'expired';
  scenario: (id: string) => Promise<Scenario>;
  before?: Map<string, Snapshot>;
  grader?: TaskGrader;
  now?: () => number;
}

/** A finished drill and whether this call graded it (false: the timer or an earlier submit did). */
export interface FinishResult {
  record: DrillRecord;
  result: DrillResult;
  gradedNow: boolean;
}

/** Lock file that serialises grading of one drill between the timer and the CLI. */
export function drillLockPath(id: string): string {
  return join(homeDir(), 'drills', `${id}.lock`);
}

/**
 * Grade a drill once. Under a per-drill lock, re-read the record: already
 * graded → return that result (the timer got there first, or a submit is
 * retried); otherwise grade, store the result in the signed record, then make
 * sure history holds it (idempotent, so a crash between the two repairs
 * itself on the next call). A submit after a missed deadline grades the state
 * now and is marked `late`.
 */
export async function finishDrill(options: FinishOptions): Promise<FinishResult> {
  const now = options.now ?? Date.now;
  if (options.ended === 'submitted') await waitForTimer(options.kube, options.id, now);
  return withFileLock(drillLockPath(options.id), async () => {
    const record = await readDrill(options.kube, options.id);
    if (!record) throw new DrillError(`no drill ${options.id} in the cluster`, { fix: 'kubedrill drill status lists the drills in progress; kubedrill report --drill ID shows a finished one' });
    if (record.state === 'injecting') throw new DrillError(`drill ${record.id} is still injecting its tasks (or was abandoned while injecting)`, { fix: 'wait for `kubedrill drill` to finish, or start a new drill (it cleans this one up)' });
    let gradedNow = false;
    if (!record.result) {
      // Late: past the deadline with nobody having graded it then (the timer did not run, or woke long after).
      const grace = options.ended === 'expired' ? LATE_TIMER_MS : 0;
      const late = record.deadline !== undefined && now() > Date.parse(record.deadline) + grace;
      record.result = await gradeDrill({ kube: options.kube, drill: record, scenario: options.scenario, ended: late ? 'expired' : options.ended, late, before: options.before, grader: options.grader });
      record.state = 'graded';
      await writeDrill(options.kube, record);
      gradedNow = true;
    }
    await appendHistoryOnce([record.result], (e) => e.type === 'drill' && e.id === record.id);
    return { record, result: record.result, gradedNow };
  });
}

/** A timer that wakes this long after the deadline (a suspended laptop) marks its grading late. */
const LATE_TIMER_MS = 60_000;

/**
 * A submit after the deadline while the timer is still alive (it is taking
 * the deadline's snapshot): wait for its result instead of grading the state now.
 */
async function waitForTimer(kube: Kube, id: string, now: () => number, timeoutMs = 180_000): Promise<void> {
  const until = now() + timeoutMs;
  for (;;) {
    const record = await readDrill(kube, id);
    if (!record || record.result || !record.deadline || now() <= Date.parse(record.deadline)) return;
    if (!record.timerPid || !processAlive(record.timerPid) || now() > until) return;
    await sleep(1000);
  }
}

/**
 * Remove a drill from the cluster: every task namespace that still belongs
 * to it (cluster-scoped leftovers included, as `stop` does), then the record.
 */
export async function cleanupDrill(kube: Kube, record: DrillRecord, progress: Progress): Promise<void> {
  await Promise.all(
    record.tasks.map(async (task) => {
      const ns = await kube.readNamespace(task.namespace);
      if (!ns || ns.metadata?.labels?.[DRILL_LABEL] !== record.id) return;
      const attempt = decodeRecordUnverified(ns) ?? { scenario: task.scenario, namespace: task.namespace, startedAt: record.createdAt, hintsUsed: 0, revealed: false, fingerprint: {}, nodeResources: [], clusterObjects: [], state: 'injecting' as const };
      await cleanupAttempt(kube, attempt, progress);
    }),
  );
  await progress.step(`remove drill record ${record.id}`, () => deleteDrill(kube, record.id));
}
