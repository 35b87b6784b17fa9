import { describe, expect, it } from 'vitest';
import { summarizeHistory } from './history-summary.ts';
import { nextSuggested, scenarioMarks } from './progress.ts';
import type { HistoryEntry } from '../history.ts';

const attempt = (scenario: string, passed: boolean, seconds: number, revealed = false): HistoryEntry => ({
  type: 'attempt', scenario, namespace: scenario, startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T00:10:00Z', passed, seconds, hintsUsed: 0, revealed,
});

const scenarios = [
  { id: 'a-medium', difficulty: 'medium' as const },
  { id: 'b-easy', difficulty: 'easy' as const },
  { id: 'c-easy', difficulty: 'easy' as const },
  { id: 'd-hard', difficulty: 'hard' as const },
];

describe('scenarioMarks and nextSuggested', () => {
  it.each<[string, HistoryEntry[], string | undefined]>([
    ['nothing done: the first easy one', [], 'b-easy'],
    ['a pass with the solution revealed does not count', [attempt('b-easy', true, 60, true)], 'b-easy'],
    ['the next easy one', [attempt('b-easy', true, 60)], 'c-easy'],
    ['then medium', [attempt('b-easy', true, 60), attempt('c-easy', true, 90)], 'a-medium'],
    ['a failed attempt is not done', [attempt('b-easy', true, 60), attempt('c-easy', false, 90)], 'c-easy'],
    ['all done', scenarios.map((s) => attempt(s.id, true, 10)), undefined],
  ])('%s', (_name, history, next) => {
    expect(nextSuggested(scenarios, scenarioMarks(summarizeHistory(history).scenarios))?.id).toBe(next);
  });

  it('best time counts passes without the solution only', () => {
    const marks = scenarioMarks(summarizeHistory([attempt('b-easy', true, 30, true), attempt('b-easy', true, 95), attempt('b-easy', true, 80)]).scenarios);
    expect(marks.get('b-easy')).toEqual({ solved: true, bestSeconds: 80 });
  });
});
