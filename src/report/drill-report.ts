import type { DrillResult } from '../drill/record.ts';
import { formatDuration, secondsBetween } from './durations.ts';

/** Report formats of `kubedrill report --format`. */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** "PASSED 81.3% (pass mark 66%)". */
export function verdictLine(result: DrillResult): string {
  return `${result.passed ? 'PASSED' : 'FAILED'} ${result.score}% (pass mark ${result.passMark}%)`;
}

/** How the drill ended, in words: "submitted after 3m12s of 18m", "time ran out (18m): graded at the deadline". */
export function endingLine(result: DrillResult): string {
  const limit = formatDuration(result.timeLimitSeconds);
  if (result.late) return `graded after the deadline (${limit}): the timer did not grade it in time, so this is the state at submit`;
  if (result.ended === 'expired') return `time ran out (${limit}): graded on the cluster as it was at the deadline`;
  return `submitted after ${formatDuration(secondsBetween(result.startedAt, result.endedAt))} of ${limit}`;
}

/** One row per task: the columns text and markdown reports share. */
export function taskRows(result: DrillResult): string[][] {
  return result.tasks.map((t) => [
    t.id,
    String(t.weight),
    String(t.score),
    t.passed ? 'PASS' : 'FAIL',
    String(t.hintsUsed ?? 0) + (t.revealed ? ' +solution' : ''),
    t.passed ? formatDuration(t.seconds) : '-',
    t.note ?? '',
  ]);
}

/** Header of {@link taskRows}. */
export const TASK_HEADER = ['task', 'weight', 'score', 'result', 'hints', 'time', 'why'];

/** Every failing check of every task, as "task: check: reason" groups (what to practise next). */
export function failingChecks(result: DrillResult): Array<{ task: string; checks: Array<{ id: string; gate: boolean; points: number; reason: string }> }> {
  return result.tasks
    .map((t) => ({ task: t.id, checks: (t.checks ?? []).filter((c) => !c.passed) }))
    .filter((t) => t.checks.length > 0);
}
