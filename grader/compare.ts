import { show } from './format.ts';
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

/**
 * Apply a fieldCompare operator to the value seen. With `quantity`, values are
 * Kubernetes quantities (200M >= 160Mi); otherwise ordering ops are numeric
 * and a missing or non-numeric value fails them.
 */
export function compareValue(op: Op, seen: unknown, expected: Expected, quantity: boolean): Comparison {
  const want = (v: unknown): string => (quantity && (typeof v === 'string' || typeof v === 'number') ? String(v) : show(v));
  switch (op) {
    case 'exists':
      return { holds: seen !== undefined && seen !== null, expected: 'a value' };
    case 'absent':
      return { holds: seen === undefined || seen === null, expected: 'nothing' };
    case 'eq':
      return { holds: equal(seen, need(op, expected), quantity), expected: want(expected) };
    case 'ne':
      return { holds: !equal(seen, need(op, expected), quantity), expected: `anything but ${want(expected)}` };
    case 'in': {
      const options = need(op, expected);
      if (!Array.isArray(options)) throw new Error(`fieldCompare op "in" needs a list value, got ${show(options)}`);
      return { holds: options.some((o) => equal(seen, o, quantity)), expected: `one of ${options.map(want).join(', ')}` };
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

function equal(seen: unknown, expected: unknown, quantity: boolean): boolean {
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
  if (Array.isArray(seen)) return seen.some((item) => equal(item, expected, false));
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
