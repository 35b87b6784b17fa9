import { describe, expect, it } from 'vitest';
import { SelectionError, selectScenarios } from './select.ts';

const pool = [
  { id: 'crashloop-exit1', domain: 'troubleshooting' },
  { id: 'missing-configmap', domain: 'troubleshooting' },
  { id: 'oom-stress', domain: 'troubleshooting' },
  { id: 'bad-image-tag', domain: 'workloads-scheduling' },
  { id: 'priority-preemption', domain: 'workloads-scheduling' },
  { id: 'egress-networkpolicy', domain: 'services-networking' },
];
const ids = (list: Array<{ id: string }>): string[] => list.map((s) => s.id);

describe('selectScenarios', () => {
  it.each(['1', 'exam-practice', 'a1b2c3d4'])('seed %s picks the same tasks in the same order every time, whatever the pool order', (seed) => {
    const first = ids(selectScenarios({ pool, count: 3, seed }));
    expect(ids(selectScenarios({ pool: [...pool].reverse(), count: 3, seed }))).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('pins what seed "42" picks (a change to the shuffle would silently change shared drills)', () => {
    expect(ids(selectScenarios({ pool, count: 4, seed: '42' }))).toMatchInlineSnapshot(`
      [
        "oom-stress",
        "priority-preemption",
        "bad-image-tag",
        "missing-configmap",
      ]
    `);
  });

  it('different seeds give different drills', () => {
    const drills = new Set(Array.from({ length: 20 }, (_, i) => ids(selectScenarios({ pool, count: 3, seed: String(i) })).join(',')));
    expect(drills.size).toBeGreaterThan(5);
  });

  it('a longer drill with the same seed draws from the same shuffle', () => {
    expect(ids(selectScenarios({ pool, count: 5, seed: 's' })).slice(0, 2)).toEqual(ids(selectScenarios({ pool, count: 2, seed: 's' })));
  });

  it('--scenarios gives exactly those, in that order', () => {
    expect(ids(selectScenarios({ pool, count: 9, seed: 'x', ids: ['oom-stress', 'crashloop-exit1'] }))).toEqual(['oom-stress', 'crashloop-exit1']);
  });

  it('--domain draws only from that domain', () => {
    const picked = selectScenarios({ pool, count: 2, seed: 'x', domain: 'workloads-scheduling' });
    expect(ids(picked).sort()).toEqual(['bad-image-tag', 'priority-preemption']);
  });

  it.each([
    { name: 'unknown id', options: { ids: ['nope'] }, message: /unknown scenario "nope"/ },
    { name: 'an id twice', options: { ids: ['oom-stress', 'oom-stress'] }, message: /named twice/ },
    { name: 'count above the pool', options: { count: 7 }, message: /only 6 scenarios/ },
    { name: 'count 0', options: { count: 0 }, message: /whole number/ },
    { name: 'empty domain', options: { domain: 'storage' }, message: /no scenario in domain storage/ },
  ])('refuses $name', ({ options, message }) => {
    expect(() => selectScenarios({ pool, count: 2, seed: 'x', ...options })).toThrow(SelectionError);
    expect(() => selectScenarios({ pool, count: 2, seed: 'x', ...options })).toThrow(message);
  });
});
