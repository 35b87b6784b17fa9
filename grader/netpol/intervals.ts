/** One closed integer interval [lo, hi]: a port range or an IPv4 address range. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * A set of integers as sorted, disjoint, non-adjacent closed intervals. Ports
 * and IPv4 addresses are both small enough for exact arithmetic in a double,
 * so every operation is exact: no sampling can miss a range.
 */
export type IntervalSet = readonly Interval[];

/** The empty set. */
export const none: IntervalSet = [];

/** A set from any intervals (unsorted, overlapping, empty ones skipped). */
export function intervals(...parts: Interval[]): IntervalSet {
  const sorted = parts.filter((p) => p.lo <= p.hi).sort((a, b) => a.lo - b.lo);
  const out: Interval[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p.lo <= last.hi + 1) last.hi = Math.max(last.hi, p.hi);
    else out.push({ lo: p.lo, hi: p.hi });
  }
  return out;
}

/** [lo, hi] as a set. */
export function range(lo: number, hi: number = lo): IntervalSet {
  return intervals({ lo, hi });
}

/** a ∪ b. */
export function union(...sets: IntervalSet[]): IntervalSet {
  return intervals(...sets.flat());
}

/** a ∩ b. */
export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const lo = Math.max(x.lo, y.lo);
    const hi = Math.min(x.hi, y.hi);
    if (lo <= hi) out.push({ lo, hi });
    if (x.hi < y.hi) i++;
    else j++;
  }
  return out;
}

/** a \ b. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Interval[] = [];
  for (const x of a) {
    let lo = x.lo;
    for (const y of b) {
      if (y.hi < lo || y.lo > x.hi) continue;
      if (y.lo > lo) out.push({ lo, hi: y.lo - 1 });
      lo = y.hi + 1;
      if (lo > x.hi) break;
    }
    if (lo <= x.hi) out.push({ lo, hi: x.hi });
  }
  return out;
}

/** Whether the set is empty. */
export function isEmpty(a: IntervalSet): boolean {
  return a.length === 0;
}

/** a ⊆ b. */
export function isSubset(a: IntervalSet, b: IntervalSet): boolean {
  return isEmpty(subtract(a, b));
}

/** Whether n is in the set. */
export function has(a: IntervalSet, n: number): boolean {
  return a.some((x) => x.lo <= n && n <= x.hi);
}

/**
 * The set cut at every boundary of `by`: pieces each of which is, for every
 * set in `by`, either inside it or outside it. Lets a caller judge one piece
 * at a time and still be exact.
 */
export function split(a: IntervalSet, by: IntervalSet[]): IntervalSet[] {
  const cuts = new Set<number>();
  for (const set of by) for (const x of set) cuts.add(x.lo).add(x.hi + 1);
  const points = [...cuts].sort((p, q) => p - q);
  const pieces: IntervalSet[] = [];
  for (const x of a) {
    let lo = x.lo;
    for (const c of points) {
      if (c <= lo || c > x.hi) continue;
      pieces.push(range(lo, c - 1));
      lo = c;
    }
    pieces.push(range(lo, x.hi));
  }
  return pieces;
}
