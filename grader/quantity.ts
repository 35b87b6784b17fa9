/**
 * Kubernetes resource quantities ("160Mi", "0.5Gi", "200M", "500m", "1e3"),
 * kept as exact rationals so that 0.5Gi equals 512Mi and 1Gi is not a float.
 */
export interface Quantity {
  /** The text as written. */
  text: string;
  /** value = numerator / denominator, denominator > 0. */
  numerator: bigint;
  denominator: bigint;
}

const binary: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
// Decimal suffixes as powers of ten.
const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const grammar = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|n|u|m|k|M|G|T|P|E)?$/;

/** Parse a quantity; undefined when the text is not one (callers say so in their reason). */
export function parseQuantity(input: string | number): Quantity | undefined {
  const text = typeof input === 'number' ? String(input) : input.trim();
  const match = grammar.exec(typeof input === 'number' ? numberText(input) : text);
  if (!match) return undefined;
  const [, sign = '', digits = '', suffix = ''] = match;
  const [whole = '', fraction = ''] = digits.split('.');
  let numerator = BigInt(`${whole || '0'}${fraction}`) * (sign === '-' ? -1n : 1n);
  let exponent = -fraction.length;
  let denominator = 1n;
  if (suffix in binary) numerator *= binary[suffix] ?? 1n;
  else if (/^[eE][+-]?\d+$/.test(suffix)) exponent += Number(suffix.slice(1));
  else exponent += decimal[suffix] ?? 0;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  return { text, numerator, denominator };
}

// Numbers from YAML (memory: 1073741824, cpu: 0.5) in plain decimal notation.
function numberText(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : 'NaN';
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The quantity as a plain number (for display only; comparisons stay exact). */
export function quantityValue(q: Quantity): number {
  return Number(q.numerator) / Number(q.denominator);
}
