import { describe, expect, it } from 'vitest';
import { has, intersect, intervals, isSubset, range, split, subtract, union } from './intervals.ts';
import type { IntervalSet } from './intervals.ts';

const r = (lo: number, hi: number = lo): IntervalSet => range(lo, hi);

describe('interval sets', () => {
  it.each<[string, IntervalSet, IntervalSet]>([
    ['merges overlapping and adjacent', intervals({ lo: 5, hi: 9 }, { lo: 1, hi: 3 }, { lo: 4, hi: 4 }, { lo: 8, hi: 12 }), r(1, 12)],
    ['keeps gaps', intervals({ lo: 1, hi: 2 }, { lo: 4, hi: 5 }), [{ lo: 1, hi: 2 }, { lo: 4, hi: 5 }]],
    ['skips empty intervals', intervals({ lo: 3, hi: 2 }), []],
    ['union of halves is the whole', union(r(0, 2 ** 31 - 1), r(2 ** 31, 2 ** 32 - 1)), r(0, 2 ** 32 - 1)],
    ['intersect', intersect(union(r(1, 5), r(10, 20)), r(4, 12)), union(r(4, 5), r(10, 12))],
    ['subtract a hole', subtract(r(1, 65535), r(5432)), union(r(1, 5431), r(5433, 65535))],
    ['subtract several', subtract(r(1, 100), union(r(1, 10), r(50, 60), r(100))), union(r(11, 49), r(61, 99))],
    ['subtract everything', subtract(r(5, 6), r(1, 10)), []],
  ])('%s', (_name, got, want) => {
    expect(got).toEqual(want);
  });

  it.each<[string, IntervalSet, IntervalSet, boolean]>([
    ['inside', r(5432), r(1, 65535), true],
    ['split cover', r(1, 65535), union(r(1, 5431), r(5432, 65535)), true],
    ['one port missing', r(1, 65535), union(r(1, 5431), r(5433, 65535)), false],
    ['empty is inside anything', [], [], true],
  ])('subset: %s', (_name, a, b, want) => {
    expect(isSubset(a, b)).toBe(want);
  });

  it('has', () => {
    expect(has(union(r(1, 3), r(7)), 7)).toBe(true);
    expect(has(union(r(1, 3), r(7)), 5)).toBe(false);
  });

  it('split cuts at every boundary of the other sets', () => {
    expect(split(r(1, 100), [r(10, 20), union(r(15, 30), r(90, 200))])).toEqual([r(1, 9), r(10, 14), r(15, 20), r(21, 30), r(31, 89), r(90, 100)]);
    expect(split(r(1, 5), [])).toEqual([r(1, 5)]);
  });
});
