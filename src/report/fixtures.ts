import type { DrillResult } from '../drill/record.ts';

/**
 * A graded drill for report tests: crashloop fixed with a hint, oom left
 * broken, egress fixed after revealing the solution — with reasons that carry
 * everything a format must escape (markup, quotes, pipes, newlines, a control
 * character, non-ASCII).
 */
export function sampleDrill(overrides: Partial<DrillResult> = {}): DrillResult {
  return {
    type: 'drill',
    id: 'lx3k9a2b',
    startedAt: '2025-06-01T14:00:00.000Z',
    endedAt: '2025-06-01T14:12:30.000Z',
    score: 37.5,
    passMark: 66,
    passed: false,
    seed: 'a1b2c3d4',
    timeLimitSeconds: 1800,
    hintCost: 0.1,
    ended: 'submitted',
    tasks: [
      {
        id: 'crashloop-exit1', weight: 4, score: 90, passed: true, namespace: 'crashloop', hintsUsed: 1, revealed: false, checksPassed: true, seconds: 312, note: '8/8 points, 1 hint × 10',
        checks: [{ id: 'api-rolled-out', passed: true, reason: 'Deployment api: 2/2 updated & available', points: 3, gate: false }],
      },
      {
        id: 'oom-stress', weight: 5, score: 0, passed: false, namespace: 'oom', hintsUsed: 0, revealed: false, checksPassed: false, seconds: 750, note: '0/9 points',
        checks: [
          { id: 'limit-has-headroom', passed: false, reason: 'Deployment worker: limits.memory expected >= 160Mi, saw "64Mi" <too low> & | piped', points: 2, gate: false },
          { id: 'no-oomkilled', passed: false, reason: 'pod worker-abc: last state OOMKilled\nexit 137 \u0007 ✗ ü', points: 2, gate: false },
          { id: 'worker-spec-unchanged', passed: true, reason: 'command unchanged', points: 1, gate: true },
        ],
      },
      {
        id: 'egress-networkpolicy', weight: 7, score: 0, passed: false, namespace: 'netpol', hintsUsed: 0, revealed: true, checksPassed: true, seconds: 600, note: 'solution revealed',
        checks: [{ id: 'app-reaches-db', passed: true, reason: "db:5432 reachable from app-1 ('nc' exit 0)", points: 3, gate: false }],
      },
    ],
    ...overrides,
  };
}
