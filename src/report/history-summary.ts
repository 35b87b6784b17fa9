import type { HistoryEntry } from '../history.ts';

/** One scenario's progress over every attempt (alone or as a drill task). */
export interface ScenarioProgress {
  scenario: string;
  attempts: number;
  passed: number;
  /** 0–1. */
  passRate: number;
  /** Fastest passing time in seconds; undefined when never passed. */
  bestSeconds?: number;
  /** Passes without the solution revealed: what marks a scenario done. */
  solved: number;
  /** Fastest of those, in seconds. */
  bestSolvedSeconds?: number;
  hintsUsed: number;
  revealed: number;
  lastAt: string;
}

/** One drill's score over time (the chart's data). */
export interface DrillPoint {
  id: string;
  startedAt: string;
  score: number;
  passMark: number;
  passed: boolean;
}

/** What `kubedrill history` shows. */
export interface HistorySummary {
  scenarios: ScenarioProgress[];
  drills: DrillPoint[];
}

interface Outcome {
  scenario: string;
  at: string;
  passed: boolean;
  seconds?: number;
  hintsUsed: number;
  revealed: boolean;
}

/**
 * Progress per scenario and drill scores over time. Attempts made alone come
 * from 'attempt' entries; drill tasks from their drill's entry (the graded
 * verdict) — an 'attempt' entry that names a drill (a passing `check` during
 * the drill) is not counted again.
 */
export function summarizeHistory(entries: HistoryEntry[]): HistorySummary {
  const outcomes: Outcome[] = [];
  const drills: DrillPoint[] = [];
  for (const e of entries) {
    if (e.type === 'attempt' && !e.drill) {
      outcomes.push({ scenario: e.scenario, at: e.endedAt, passed: e.passed, seconds: e.seconds, hintsUsed: e.hintsUsed, revealed: e.revealed });
    } else if (e.type === 'drill') {
      drills.push({ id: e.id, startedAt: e.startedAt, score: e.score, passMark: e.passMark, passed: e.passed });
      for (const t of e.tasks) outcomes.push({ scenario: t.id, at: e.endedAt, passed: t.passed, seconds: t.seconds, hintsUsed: t.hintsUsed ?? 0, revealed: t.revealed ?? false });
    }
  }
  const byScenario = new Map<string, Outcome[]>();
  for (const o of outcomes) byScenario.set(o.scenario, [...(byScenario.get(o.scenario) ?? []), o]);
  const scenarios = [...byScenario.entries()]
    .map(([scenario, list]): ScenarioProgress => {
      const passedTimes = list.filter((o) => o.passed && o.seconds !== undefined).map((o) => o.seconds!);
      const passed = list.filter((o) => o.passed).length;
      const solved = list.filter((o) => o.passed && !o.revealed);
      const solvedTimes = solved.filter((o) => o.seconds !== undefined).map((o) => o.seconds!);
      return {
        scenario,
        attempts: list.length,
        passed,
        passRate: passed / list.length,
        ...(passedTimes.length ? { bestSeconds: Math.min(...passedTimes) } : {}),
        solved: solved.length,
        ...(solvedTimes.length ? { bestSolvedSeconds: Math.min(...solvedTimes) } : {}),
        hintsUsed: list.reduce((sum, o) => sum + o.hintsUsed, 0),
        revealed: list.filter((o) => o.revealed).length,
        lastAt: list.map((o) => o.at).sort().at(-1) ?? '',
      };
    })
    .sort((a, b) => a.scenario.localeCompare(b.scenario));
  return { scenarios, drills: drills.sort((a, b) => a.startedAt.localeCompare(b.startedAt)) };
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A unicode sparkline of 0–100 values on an absolute scale (so 66 always sits at the same height). */
export function sparkline(values: number[]): string {
  return values.map((v) => BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, Math.floor((v / 100) * BLOCKS.length)))]).join('');
}

/** A bar of `width` cells for a 0–1 fraction: "██████░░░░". */
export function bar(fraction: number, width = 10): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
