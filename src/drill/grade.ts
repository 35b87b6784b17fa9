import type { Kube } from '../kube/client.ts';
import type { Snapshot } from '../../grader/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import { AttemptTamperedError } from '../attempt/record.ts';
import { readAttempt } from '../attempt/store.ts';
import { gradeAttempt } from '../engine/grade.ts';
import type { HistoryTask } from '../history.ts';
import { scoreDrill, scoreTask } from './score.ts';
import type { DrillRecord, DrillResult, DrillTask } from './record.ts';

/** Grades one attempt: the verdicts of its scenario's checks (the real one snapshots the cluster). */
export type TaskGrader = (input: { scenario: Scenario; record: AttemptRecord; before?: Snapshot }) => Promise<Array<{ id: string; passed: boolean; reason: string }>>;

/** The grader `check` uses: snapshot, stability window, snapshot, checks. */
export function clusterGrader(kube: Kube): TaskGrader {
  return async ({ scenario, record, before }) => (await gradeAttempt({ kube, scenario, record, before })).verdicts;
}

/** Options for {@link gradeDrill}. */
export interface GradeDrillOptions {
  kube: Kube;
  drill: DrillRecord;
  scenario: (id: string) => Promise<Scenario>;
  ended: 'submitted' | 'expired';
  late?: boolean;
  /** "Before" snapshots by namespace, taken one stability window before the deadline. */
  before?: Map<string, Snapshot>;
  grader?: TaskGrader;
}

/**
 * Grade every task of a drill at once (concurrently: they share one
 * stability window) and score the drill. A task whose namespace was deleted,
 * now holds something else, or whose record was edited scores 0 with the
 * reason — a learner's broken state is a verdict, never an exception.
 */
export async function gradeDrill(options: GradeDrillOptions): Promise<DrillResult> {
  const { drill } = options;
  const grader = options.grader ?? clusterGrader(options.kube);
  const tasks = await Promise.all(drill.tasks.map((task) => gradeTask(options, grader, task)));
  const endedAt = new Date().toISOString();
  return {
    type: 'drill',
    id: drill.id,
    startedAt: drill.startedAt ?? drill.createdAt,
    endedAt,
    ...scoreDrill(tasks, drill.rules.passMark),
    tasks,
    seed: drill.seed,
    timeLimitSeconds: drill.timeLimitSeconds,
    hintCost: drill.rules.hintCost,
    ended: options.ended,
    ...(options.late ? { late: true } : {}),
  };
}

async function gradeTask(options: GradeDrillOptions, grader: TaskGrader, task: DrillTask): Promise<HistoryTask> {
  const scenario = await options.scenario(task.scenario);
  const base = { id: task.scenario, namespace: task.namespace, weight: task.weight, checks: scenario.checks, verdicts: [], hintsUsed: 0, revealed: false };
  let record: AttemptRecord | undefined;
  try {
    record = await readAttempt(options.kube, task.namespace);
  } catch (error) {
    if (error instanceof AttemptTamperedError) return scoreTask({ ...base, ungradable: `the attempt record on namespace ${task.namespace} was edited` }, options.drill.rules);
    throw error;
  }
  if (!record) return scoreTask({ ...base, ungradable: `namespace ${task.namespace} was deleted` }, options.drill.rules);
  if (record.scenario !== task.scenario || record.drill !== options.drill.id) {
    return scoreTask({ ...base, ungradable: `namespace ${task.namespace} now holds another attempt (${record.scenario})` }, options.drill.rules);
  }
  const verdicts = await grader({ scenario, record, before: options.before?.get(task.namespace) });
  // A passing task's time is its first passing `check` (or this grading); a failing one ran until now.
  const gradedAt = Date.now();
  const passedAt = record.passedAt && verdicts.every((v) => v.passed) ? Date.parse(record.passedAt) : gradedAt;
  const seconds = Math.round((passedAt - Date.parse(record.startedAt)) / 1000);
  return scoreTask({ ...base, verdicts, hintsUsed: record.hintsUsed, revealed: record.revealed, seconds }, options.drill.rules);
}
