import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../history.ts';
import { sampleDrill } from './fixtures.ts';
import { bar, sparkline, summarizeHistory } from './history-summary.ts';

const attempt = (scenario: string, passed: boolean, seconds: number, hintsUsed = 0, extra: Partial<HistoryEntry> = {}): HistoryEntry =>
  ({ type: 'attempt', scenario, namespace: 'ns', startedAt: '2025-06-01T10:00:00Z', endedAt: `2025-06-0${Math.min(9, seconds % 9 + 1)}T10:00:00Z`, passed, seconds, hintsUsed, revealed: false, ...extra }) as HistoryEntry;

describe('summarizeHistory', () => {
  const history: HistoryEntry[] = [
    attempt('crashloop-exit1', false, 480, 2),
    attempt('crashloop-exit1', true, 300, 1),
    attempt('crashloop-exit1', true, 200),
    // A passing check during the drill: the drill's own entry counts, not this one.
    attempt('crashloop-exit1', true, 100, 0, { drill: 'lx3k9a2b' }),
    sampleDrill(),
    sampleDrill({ id: 'later', startedAt: '2025-06-02T10:00:00.000Z', score: 81.3, passed: true }),
  ];
  const summary = summarizeHistory(history);

  it.each([
    { scenario: 'crashloop-exit1', attempts: 5, passed: 4, bestSeconds: 200, hintsUsed: 5 },
    { scenario: 'oom-stress', attempts: 2, passed: 0, bestSeconds: undefined, hintsUsed: 0 },
    { scenario: 'egress-networkpolicy', attempts: 2, passed: 0, bestSeconds: undefined, hintsUsed: 0 },
  ])('$scenario: $attempts attempts, $passed passed, best $bestSeconds s', ({ scenario, ...expected }) => {
    const row = summary.scenarios.find((s) => s.scenario === scenario)!;
    expect({ attempts: row.attempts, passed: row.passed, bestSeconds: row.bestSeconds, hintsUsed: row.hintsUsed }).toEqual(expected);
    expect(row.passRate).toBeCloseTo(expected.passed / expected.attempts);
  });

  it('counts a revealed solution', () => {
    expect(summary.scenarios.find((s) => s.scenario === 'egress-networkpolicy')!.revealed).toBe(2);
  });

  it('lists drill scores oldest first', () => {
    expect(summary.drills.map((d) => [d.id, d.score, d.passed])).toEqual([['lx3k9a2b', 37.5, false], ['later', 81.3, true]]);
  });

  it('empty history → nothing', () => {
    expect(summarizeHistory([])).toEqual({ scenarios: [], drills: [] });
  });
});

describe('charts', () => {
  it.each([
    { values: [0, 12.5, 25, 50, 66, 75, 99, 100], line: '▁▂▃▅▆▇██' },
    { values: [], line: '' },
  ])('sparkline($values) = $line', ({ values, line }) => {
    expect(sparkline(values)).toBe(line);
  });

  it.each([
    { fraction: 0, cells: '░░░░░░░░░░' },
    { fraction: 2 / 3, cells: '███████░░░' },
    { fraction: 1, cells: '██████████' },
  ])('bar($fraction)', ({ fraction, cells }) => {
    expect(bar(fraction)).toBe(cells);
  });
});

describe('renderHistory', () => {
  it('a table row per scenario and the drill sparkline', async () => {
    const { renderHistory } = await import('./history-view.ts');
    const lines = renderHistory(summarizeHistory([attempt('oom-stress', true, 95, 1), sampleDrill(), sampleDrill({ id: 'b', startedAt: '2025-06-03T00:00:00Z', score: 81.3, passed: true })]));
    expect(lines[0]).toMatch(/^scenario\s+attempts\s+pass rate\s+best time\s+hints\s+last$/);
    expect(lines.find((l) => l.startsWith('oom-stress'))).toMatch(/oom-stress\s+3\s+███░░░░░░░  33%\s+1m35s\s+1\s+2025-06-/);
    expect(lines.find((l) => l.startsWith('egress'))).toContain('0 (+2 solutions)');
    expect(lines.at(-1)).toBe('Drills (2): ▄▇  last 81.3% PASS · best 81.3% · pass mark 66%');
  });

  it('says so when there is no history', async () => {
    const { renderHistory } = await import('./history-view.ts');
    expect(renderHistory({ scenarios: [], drills: [] })).toEqual(['no history yet — kubedrill start <id> or kubedrill drill']);
  });
});
