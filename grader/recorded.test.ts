import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { asRecorded } from '../src/engine/record.ts';
import { loadAll } from '../src/scenario/load.ts';
import { grade, observe } from './index.ts';
import { fixtureContext, loadFixture } from './fixtures/replay.ts';

/**
 * The grader on snapshots recorded from a real cluster
 * (test/real/record-fixtures.ts), with each scenario's own checks: on the
 * broken state every non-gate check fails and every gate holds (the rule
 * verify enforces live); after solution.sh every check passes; the symptom
 * is observed on the broken state only.
 */
const scenarios = (await loadAll()).map((s) => asRecorded(s).scenario);
const recorded = new Set((await readdir(new URL('./fixtures/recorded/', import.meta.url)).catch(() => [] as string[])).map((f) => f.replace(/\.json$/, '')));
const cases = scenarios.filter((s) => recorded.has(`${s.id}-broken`) && recorded.has(`${s.id}-fixed`));

describe('recorded fixtures', () => {
  it('exist for every scenario', () => {
    expect(cases.map((s) => s.id)).toEqual(scenarios.map((s) => s.id));
  });

  describe.each(cases.map((s) => [s.id, s] as const))('%s', (id, scenario) => {
    it('broken state: non-gate checks fail, gates hold, symptom observed', async () => {
      const fixture = await loadFixture(`recorded/${id}-broken`);
      const verdicts = await grade(scenario.checks, fixtureContext(fixture));
      for (const check of scenario.checks) {
        const verdict = verdicts.find((v) => v.id === check.id)!;
        expect({ id: check.id, passed: verdict.passed, reason: verdict.reason }).toMatchObject({ id: check.id, passed: check.gate });
        expect(verdict.reason.length).toBeGreaterThan(10);
      }
      const { all, any } = scenario.symptom;
      expect(observe(all, fixture.snapshot).every((v) => v.passed)).toBe(true);
      if (any.length > 0) expect(observe(any, fixture.snapshot).some((v) => v.passed)).toBe(true);
    });

    it('after solution.sh: every check passes', async () => {
      const fixture = await loadFixture(`recorded/${id}-fixed`);
      const verdicts = await grade(scenario.checks, fixtureContext(fixture));
      expect(verdicts.filter((v) => !v.passed)).toEqual([]);
    });
  });
});
