import { readHistory } from '../history.ts';
import { summarizeHistory, type ScenarioProgress } from './history-summary.ts';

/** A scenario as the progress view needs it. */
export interface ProgressScenario {
  id: string;
  difficulty: 'easy' | 'medium' | 'hard';
}

/** One scenario's mark in `list` and the menu. */
export interface ScenarioMark {
  /** Passed at least once without the solution revealed. */
  solved: boolean;
  /** Fastest such pass, in seconds. */
  bestSeconds?: number;
}

const LEVELS = ['easy', 'medium', 'hard'] as const;

/** Per scenario id: solved or not, and the best time. */
export function scenarioMarks(progress: ScenarioProgress[]): Map<string, ScenarioMark> {
  return new Map(progress.map((p) => [p.scenario, { solved: p.solved > 0, ...(p.bestSolvedSeconds !== undefined ? { bestSeconds: p.bestSolvedSeconds } : {}) }]));
}

/**
 * The scenario to suggest next: the lowest difficulty not yet solved, in
 * catalogue order within a level; undefined when every scenario is solved.
 */
export function nextSuggested<S extends ProgressScenario>(scenarios: S[], marks: Map<string, ScenarioMark>): S | undefined {
  for (const level of LEVELS) {
    const open = scenarios.find((s) => s.difficulty === level && !marks.get(s.id)?.solved);
    if (open) return open;
  }
  return undefined;
}

/** The marks from this home's history ($KUBEDRILL_HOME/history). */
export async function readMarks(): Promise<Map<string, ScenarioMark>> {
  return scenarioMarks(summarizeHistory(await readHistory()).scenarios);
}
