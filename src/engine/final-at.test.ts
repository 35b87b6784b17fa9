import { describe, expect, it } from 'vitest';
import { finalAt } from './grade.ts';

describe('when a failure ends a shortcut case', () => {
  const done = Date.parse('2026-12-03T16:00:00Z');
  it('at once for a final failure, after its seconds for a settled one, never for a pass or a plain failure', () => {
    expect(finalAt({ passed: false, final: true }, done, done)).toBe(true);
    expect(finalAt({ passed: false, finalAfterS: 20 }, done + 19_999, done)).toBe(false);
    expect(finalAt({ passed: false, finalAfterS: 20 }, done + 20_000, done)).toBe(true);
    expect(finalAt({ passed: false }, done + 3_600_000, done)).toBe(false);
    expect(finalAt({ passed: true, final: true, finalAfterS: 0 }, done + 60_000, done)).toBe(false);
  });
});
