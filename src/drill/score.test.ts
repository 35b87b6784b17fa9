import { describe, expect, it } from 'vitest';
import { scoreDrill, scoreTask, type TaskInput } from './score.ts';

// crashloop-exit1's real check table: 3 + 3 + 2 points, two gates shown.
const checks = [
  { id: 'rolled-out', points: 3, gate: false, kind: 'rolloutComplete', workload: 'api' },
  { id: 'healthy', points: 3, gate: false, kind: 'podsHealthy', workload: 'api' },
  { id: 'stable', points: 2, gate: false, kind: 'restartsStable', workload: 'api' },
  { id: 'spec-unchanged', points: 1, gate: true },
  { id: 'redis-still-there', points: 1, gate: true },
];
const verdicts = (failing: string[]): TaskInput['verdicts'] => checks.map((c) => ({ id: c.id, passed: !failing.includes(c.id), reason: failing.includes(c.id) ? 'saw x, expected y' : 'ok' }));
const task = (overrides: Partial<TaskInput>): TaskInput => ({ id: 't', namespace: 'ns', weight: 4, checks, verdicts: verdicts([]), hintsUsed: 0, revealed: false, ...overrides });

describe('scoreTask', () => {
  it.each([
    { name: 'untouched (every non-gate fails, gates hold)', failing: ['rolled-out', 'healthy', 'stable'], hints: 0, revealed: false, score: 0, passed: false, note: /0\/8 points/ },
    { name: 'fixed', failing: [], hints: 0, revealed: false, score: 100, passed: true, note: /8\/8 points/ },
    { name: 'crash loop caught Running between kills (rolled out, healthy, not stable)', failing: ['stable'], hints: 0, revealed: false, score: 0, passed: false, note: /0\/8 points \(rolled-out, healthy: healthy only between restarts\)/ },
    { name: 'partly fixed (stable, not yet rolled out)', failing: ['rolled-out'], hints: 0, revealed: false, score: 62.5, passed: false, note: /5\/8/ },
    { name: 'all points but a gate failed (workload replaced)', failing: ['spec-unchanged'], hints: 0, revealed: false, score: 0, passed: false, note: /gate spec-unchanged failed/ },
    { name: 'gates failed and nothing fixed', failing: ['rolled-out', 'redis-still-there'], hints: 0, revealed: false, score: 0, passed: false, note: /gate redis-still-there/ },
    { name: 'fixed with one hint', failing: [], hints: 1, revealed: false, score: 90, passed: true, note: /1 hint × 10/ },
    { name: 'fixed with three hints', failing: [], hints: 3, revealed: false, score: 70, passed: true, note: /3 hints/ },
    { name: 'partly fixed with three hints', failing: ['rolled-out'], hints: 3, revealed: false, score: 32.5, passed: false, note: /5\/8/ },
    { name: 'hints never go below 0', failing: ['healthy', 'stable'], hints: 5, revealed: false, score: 0, passed: false, note: /5 hints/ },
    { name: 'fixed after revealing the solution', failing: [], hints: 0, revealed: true, score: 0, passed: false, note: /solution revealed/ },
  ])('$name → $score', ({ failing, hints, revealed, score, passed, note }) => {
    const result = scoreTask(task({ verdicts: verdicts(failing), hintsUsed: hints, revealed }), { hintCost: 0.1 });
    expect(result.score).toBe(score);
    expect(result.passed).toBe(passed);
    expect(result.note).toMatch(note);
    expect(result.checks).toHaveLength(checks.length);
  });

  it('a revealed task whose checks pass still reports checksPassed', () => {
    expect(scoreTask(task({ revealed: true }), { hintCost: 0.1 })).toMatchObject({ checksPassed: true, passed: false, score: 0 });
  });

  it('the hint cost is configurable', () => {
    expect(scoreTask(task({ hintsUsed: 2 }), { hintCost: 0.25 }).score).toBe(50);
  });

  it('an ungradable task (namespace deleted) scores 0 with the reason', () => {
    expect(scoreTask(task({ ungradable: 'namespace crashloop was deleted', verdicts: [] }), { hintCost: 0.1 })).toMatchObject({ score: 0, passed: false, note: 'namespace crashloop was deleted' });
  });

  it('a check without a verdict counts as failed', () => {
    expect(scoreTask(task({ verdicts: verdicts([]).slice(1) }), { hintCost: 0.1 })).toMatchObject({ score: 62.5, passed: false });
  });

  it('an unstable workload only voids the health checks of that workload', () => {
    const two = [...checks, { id: 'redis-healthy', points: 2, gate: false, kind: 'podsHealthy', workload: 'redis' }];
    const result = scoreTask(task({ checks: two, verdicts: [...verdicts(['stable']), { id: 'redis-healthy', passed: true, reason: 'ok' }] }), { hintCost: 0.1 });
    expect(result).toMatchObject({ score: 20, note: '2/10 points (rolled-out, healthy: healthy only between restarts)' });
  });

  it('a scenario with only gates scores all or nothing', () => {
    const gates = checks.filter((c) => c.gate);
    expect(scoreTask(task({ checks: gates }), { hintCost: 0.1 }).score).toBe(100);
    expect(scoreTask(task({ checks: gates, verdicts: verdicts(['spec-unchanged']) }), { hintCost: 0.1 }).score).toBe(0);
  });
});

describe('scoreDrill', () => {
  it.each([
    { name: 'crashloop (w4) fixed, oom (w5) untouched', tasks: [{ weight: 4, score: 100 }, { weight: 5, score: 0 }], passMark: 66, score: 44.4, passed: false },
    { name: 'weights decide: the heavy task fixed', tasks: [{ weight: 4, score: 0 }, { weight: 8, score: 100 }], passMark: 66, score: 66.7, passed: true },
    { name: 'exactly on the pass mark passes', tasks: [{ weight: 1, score: 66 }], passMark: 66, score: 66, passed: true },
    { name: 'a lower configured pass mark', tasks: [{ weight: 4, score: 100 }, { weight: 5, score: 0 }], passMark: 40, score: 44.4, passed: true },
    { name: 'partial credit adds up', tasks: [{ weight: 4, score: 75 }, { weight: 5, score: 60 }, { weight: 7, score: 100 }], passMark: 66, score: 81.3, passed: true },
    { name: 'no tasks', tasks: [], passMark: 66, score: 0, passed: false },
  ])('$name → $score', ({ tasks, passMark, score, passed }) => {
    expect(scoreDrill(tasks, passMark)).toEqual({ score, passMark, passed });
  });
});
