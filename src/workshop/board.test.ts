import { describe, expect, it } from 'vitest';
import { leaderboard, type BoardCell, type BoardModel } from './board.ts';
import { cellText, clock, renderBoardText } from './board-text.ts';
import { pageModel } from './board-web.ts';

const cell = (seat: string, scenario: string, state: BoardCell['state'], extra: Partial<BoardCell> = {}): BoardCell => ({
  seat, scenario, namespace: `${seat}-${scenario === 'crashloop-exit1' ? 'crashloop' : 'netpol'}`, state, points: state === 'passed' ? 12 : 4, maxPoints: 12, hintsUsed: 0, revealed: false, ...extra,
});

const model: BoardModel = {
  workshop: 'day1',
  endsAt: '2026-12-03T17:00:00.000Z',
  secondsLeft: 1500,
  seats: ['ana', 'bo', 'chen'],
  tasks: ['crashloop-exit1', 'egress-networkpolicy'],
  cells: [
    cell('ana', 'crashloop-exit1', 'passed', { secondsToPass: 190 }),
    cell('ana', 'egress-networkpolicy', 'failing', { reason: 'app-reaches-db: probe db:5432 from pod app-1 in ana-netpol: timed out', hintsUsed: 1 }),
    cell('bo', 'crashloop-exit1', 'passed', { secondsToPass: 95, revealed: true }),
    cell('bo', 'egress-networkpolicy', 'not-started', { stuck: 'no change for 6 min' }),
    cell('chen', 'crashloop-exit1', 'failing', { reason: 'api-pods-healthy: CrashLoopBackOff', stuck: 'crash loop' }),
    cell('chen', 'egress-networkpolicy', 'missing'),
  ],
  leaderboard: [],
  refreshedAt: '2026-12-03T16:35:00.000Z',
  refreshSeconds: 0.4,
};

describe('the board', () => {
  it('ranks seats by tasks passed, then time; an untouched task or a revealed solution scores nothing', () => {
    expect(leaderboard(model.seats, model.cells)).toEqual([
      { seat: 'ana', passed: 1, points: 12, seconds: 190 },
      { seat: 'bo', passed: 1, points: 0, seconds: 95 },
      { seat: 'chen', passed: 0, points: 0, seconds: 0 },
    ]);
  });

  it('draws a frame that never exceeds the terminal\'s width', () => {
    const plain = { green: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s, dim: (s: string) => s, bold: (s: string) => s };
    const lines = renderBoardText(model, { width: 100, colors: plain });
    expect(lines[0]).toBe('workshop day1 · 25m00s left · 2/6 passed · refreshed 16:35:00 UTC in 0.4s');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    expect(lines.find((l) => l.startsWith('ana'))).toMatch(/^ana +✓ 3m10s +✗ app-reaches-db: probe db:5.*… 1$/);
    expect(lines.find((l) => l.startsWith('bo'))).toMatch(/✓ 1m35s \(solution shown\).*· not started.*2: no change for 6 min/);
    expect(lines.find((l) => l.startsWith('chen'))).toMatch(/✗ api-pods-healthy.*\? no attempt.*1: crash loop/);
    expect(cellText(model.cells[3]!)).toBe('· not started');
    expect(clock(3720)).toBe('1h02m');
  });

  it('hides learners\' names everywhere on a projected page, reasons included, and the leaderboard only when asked', () => {
    const shown = pageModel({ ...model, leaderboard: leaderboard(model.seats, model.cells) }, { leaderboard: true, hideNames: true });
    expect(shown.seats).toEqual(['Seat 1', 'Seat 2', 'Seat 3']);
    expect(shown.leaderboard.map((l) => l.seat)).toEqual(['Seat 1', 'Seat 2', 'Seat 3']);
    expect(JSON.stringify(shown)).not.toMatch(/ana|"bo"|chen/);
    expect(shown.cells[1]!.reason).toBe('app-reaches-db: probe db:5432 from pod app-1 in Seat 1-netpol: timed out');
    const plain = pageModel({ ...model, leaderboard: leaderboard(model.seats, model.cells) }, { leaderboard: false, hideNames: false });
    expect(plain.leaderboard).toEqual([]);
    expect(plain.cells[1]!.namespace).toBe('ana-netpol');
  });
});
