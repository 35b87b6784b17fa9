import { show } from './format.ts';
import { digestNote, sameImage } from './image.ts';
import type { ImageDigests } from './image.ts';
import { compareQuantities, parseQuantity } from './quantity.ts';
import type { Quantity } from './quantity.ts';
import type { CheckOf } from './outcome.ts';

type Op = CheckOf<'fieldCompare'>['op'];
type Expected = CheckOf<'fieldCompare'>['value'];

/** Whether a comparison held, and the expectation in words ("a value >= 160Mi"). */
export interface Comparison {
  holds: boolean;
  expected: string;
  /** Why the seen value could not be compared at all (not a number, not a quantity). */
  note?: string;
}

const symbols: Record<string, string> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** How values compare: as Kubernetes quantities, as image references (tags by the digests they resolve to), or as they are. */
export interface CompareMode {
  quantity?: boolean;
  /** Compare strings as image references; a digest equals a tag that resolves to it here. */
  images?: ImageDigests;
}

/**
 * Apply a fieldCompare operator to the value seen. With `quantity`, values are
 * Kubernetes quantities (200M >= 160Mi); with `images`, image references
 * (busybox@sha256:… = busybox:1.36 when the tag resolves to that digest);
 * otherwise ordering ops are numeric and a missing or non-numeric value fails them.
 */
export function compareValue(op: Op, seen: unknown, expected: Expected, mode: CompareMode = {}): Comparison {
  const quantity = mode.quantity ?? false;
  const want = (v: unknown): string => (quantity && (typeof v === 'string' || typeof v === 'number') ? String(v) : show(v));
  const same = (a: unknown, b: unknown): boolean => equal(a, b, mode);
  switch (op) {
    case 'exists':
      return { holds: seen !== undefined && seen !== null, expected: 'a value' };
    case 'absent':
      return { holds: seen === undefined || seen === null, expected: 'nothing' };
    case 'eq': {
      const holds = same(seen, need(op, expected));
      return { holds, expected: want(expected), ...imageNote(holds, seen, expected, mode) };
    }
    case 'ne':
      return { holds: !same(seen, need(op, expected)), expected: `anything but ${want(expected)}` };
    case 'in': {
      const options = need(op, expected);
      if (!Array.isArray(options)) throw new Error(`fieldCompare op "in" needs a list value, got ${show(options)}`);
      return { holds: options.some((o) => same(seen, o)), expected: `one of ${options.map(want).join(', ')}` };
    }
    case 'contains':
      return { holds: contains(seen, need(op, expected)), expected: `a value containing ${show(expected)}` };
    default:
      return order(op, seen, need(op, expected), quantity, `${symbols[op]} ${want(expected)}`);
  }
}

function need(op: Op, expected: Expected): NonNullable<Expected> {
  if (expected === undefined) throw new Error(`fieldCompare op "${op}" needs a value`);
  return expected;
}

function order(op: Op, seen: unknown, expected: unknown, quantity: boolean, text: string): Comparison {
  let sign: number;
  if (quantity) {
    const a = asQuantity(seen);
    const b = asQuantity(expected);
    if (!b) throw new Error(`fieldCompare value ${show(expected)} is not a Kubernetes quantity`);
    if (!a) return { holds: false, expected: text, note: seen === undefined ? undefined : 'not a quantity' };
    sign = compareQuantities(a, b);
  } else {
    const a = asNumber(seen);
    const b = asNumber(expected);
    if (b === undefined) throw new Error(`fieldCompare value ${show(expected)} is not a number`);
    if (a === undefined) return { holds: false, expected: text, note: seen === undefined ? undefined : 'not a number' };
    sign = Math.sign(a - b);
  }
  const holds = op === 'gt' ? sign > 0 : op === 'gte' ? sign >= 0 : op === 'lt' ? sign < 0 : sign <= 0;
  return { holds, expected: text };
}

// A digest that is not the tag's says which digest the tag has here.
function imageNote(holds: boolean, seen: unknown, expected: unknown, mode: CompareMode): { note?: string } {
  if (holds || !mode.images || typeof seen !== 'string' || typeof expected !== 'string') return {};
  const note = digestNote(seen, expected, mode.images);
  return note ? { note } : {};
}

function equal(seen: unknown, expected: unknown, mode: CompareMode): boolean {
  const quantity = mode.quantity ?? false;
  if (mode.images && typeof seen === 'string' && typeof expected === 'string') return sameImage(seen, expected, mode.images);
  if (quantity) {
    const a = asQuantity(seen);
    const b = asQuantity(expected);
    return a !== undefined && b !== undefined && compareQuantities(a, b) === 0;
  }
  if (seen === undefined || seen === null) return false;
  if (isPrimitive(seen) && isPrimitive(expected)) return String(seen) === String(expected);
  return JSON.stringify(seen) === JSON.stringify(expected);
}

function contains(seen: unknown, expected: unknown): boolean {
  if (typeof seen === 'string') return seen.includes(String(expected));
  if (Array.isArray(seen)) return seen.some((item) => equal(item, expected, {}));
  if (typeof seen === 'object' && seen !== null) return Object.hasOwn(seen, String(expected));
  return false;
}

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function asNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function asQuantity(v: unknown): Quantity | undefined {
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}
