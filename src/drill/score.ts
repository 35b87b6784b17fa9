import type { HistoryCheck, HistoryTask } from '../history.ts';

/** How a drill scores, fixed when the drill starts (stored in its signed record). */
export interface ScoringRules {
  /** Fraction of a task's full score each hint costs (0.1 = 10 points of 100). */
  hintCost: number;
  /** Percentage needed to pass the drill. */
  passMark: number;
}

/** Defaults: the CKA's pass mark; a hint costs a tenth of its task. */
export const DEFAULT_RULES: ScoringRules = { hintCost: 0.1, passMark: 66 };

/** What scoring needs about one check of the scenario (kind and workload: see {@link scoreTask}). */
export interface CheckWeight {
  id: string;
  points: number;
  gate: boolean;
  kind?: string;
  workload?: string | { kind: string; name: string };
}

/** Check kinds that can hold for a moment inside a crash loop (a pod Running between two kills). */
const MOMENTARY = new Set(['rolloutComplete', 'podsHealthy']);

/** One task as graded: the scenario's checks, the verdicts, and the attempt's hints/reveal. */
export interface TaskInput {
  id: string;
  namespace: string;
  weight: number;
  checks: CheckWeight[];
  /** One verdict per check id; missing when the task could not be graded. */
  verdicts: Array<{ id: string; passed: boolean; reason: string }>;
  hintsUsed: number;
  revealed: boolean;
  /** Set when there was nothing to grade (namespace deleted, record edited): scores 0 with this reason. */
  ungradable?: string;
  seconds?: number;
}

/**
 * Score one task (0–100):
 * - points: the sum of points of passing non-gate checks over all non-gate
 *   points (a scenario with no non-gate points scores all or nothing);
 * - healthy means stable too (DESIGN.md's grading rules): a rolloutComplete
 *   or podsHealthy check earns nothing while a restartsStable check on the
 *   same workload fails — a crash-looping pod caught Running between two
 *   kills must not give an untouched task partial credit;
 * - any failing gate → 0: the fix broke the task's intent (deleted the
 *   workload, changed its command), so partial credit would reward it;
 * - each hint subtracts `hintCost` of the full task (floored at 0);
 * - a revealed solution → 0.
 * `passed` means every check passed and the solution was not revealed.
 */
export function scoreTask(task: TaskInput, rules: Pick<ScoringRules, 'hintCost'>): HistoryTask {
  const base = { id: task.id, weight: task.weight, namespace: task.namespace, hintsUsed: task.hintsUsed, revealed: task.revealed, ...(task.seconds === undefined ? {} : { seconds: task.seconds }) };
  if (task.ungradable) return { ...base, score: 0, passed: false, checksPassed: false, note: task.ungradable, checks: [] };
  const checks: HistoryCheck[] = task.checks.map((c) => {
    const verdict = task.verdicts.find((v) => v.id === c.id);
    return { id: c.id, points: c.points, gate: c.gate, passed: verdict?.passed ?? false, reason: verdict?.reason ?? 'not graded' };
  });
  const earning = checks.filter((c) => !c.gate);
  const possible = earning.reduce((sum, c) => sum + c.points, 0);
  const key = (w: CheckWeight['workload']): string | undefined => (typeof w === 'object' ? `${w.kind}/${w.name}` : w === undefined ? undefined : `Deployment/${w}`);
  const unstable = new Set(task.checks.filter((c) => c.kind === 'restartsStable' && !checks.find((v) => v.id === c.id)?.passed).map((c) => key(c.workload)));
  const momentary = new Set(task.checks.filter((c) => c.kind && MOMENTARY.has(c.kind) && unstable.has(key(c.workload))).map((c) => c.id));
  const earned = earning.filter((c) => c.passed && !momentary.has(c.id)).reduce((sum, c) => sum + c.points, 0);
  const checksPassed = checks.every((c) => c.passed);
  const failedGates = checks.filter((c) => c.gate && !c.passed);
  let fraction = possible > 0 ? earned / possible : checksPassed ? 1 : 0;
  const unearned = earning.filter((c) => c.passed && momentary.has(c.id)).map((c) => c.id);
  let note = `${earned}/${possible} points${unearned.length ? ` (${unearned.join(', ')}: healthy only between restarts)` : ''}`;
  if (failedGates.length) {
    fraction = 0;
    note = `gate ${failedGates.map((g) => g.id).join(', ')} failed: the fix broke what the task must keep`;
  } else if (task.revealed) {
    fraction = 0;
    note = 'solution revealed';
  } else if (task.hintsUsed > 0) {
    fraction = Math.max(0, fraction - task.hintsUsed * rules.hintCost);
    note += `, ${task.hintsUsed} hint${task.hintsUsed === 1 ? '' : 's'} × ${round(rules.hintCost * 100)}`;
  }
  return { ...base, score: round(fraction * 100), passed: checksPassed && !task.revealed, checksPassed, note, checks };
}

/** The drill's total: weight-averaged task scores (0–100, one decimal) against the pass mark. */
export function scoreDrill(tasks: Array<Pick<HistoryTask, 'weight' | 'score'>>, passMark: number): { score: number; passMark: number; passed: boolean } {
  const totalWeight = tasks.reduce((sum, t) => sum + t.weight, 0);
  const score = totalWeight > 0 ? round(tasks.reduce((sum, t) => sum + t.weight * t.score, 0) / totalWeight) : 0;
  return { score, passMark, passed: score >= passMark };
}

/** One decimal place. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
