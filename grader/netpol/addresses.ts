import { intervals, none, range, subtract, union } from './intervals.ts';
import type { Interval, IntervalSet } from './intervals.ts';

/** How much of IPv6 a set of addresses covers: we model all of it or an unnamed part. */
export type V6 = 'none' | 'some' | 'all';

/** Addresses an ipBlock names: IPv4 exactly, IPv6 coarsely. */
export interface Addresses {
  v4: IntervalSet;
  v6: V6;
}

/** Every IPv4 address. */
export const allV4: IntervalSet = range(0, 2 ** 32 - 1);

/** 10.244.0.7 → its number; undefined when not a dotted quad. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** A number back to a dotted quad. */
export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * An IPv4 CIDR as an interval (host bits masked off, as the API server's
 * older validation let through `10.244.0.5/16`); undefined when not IPv4.
 */
export function parseCidr4(cidr: string): Interval | undefined {
  const [ip = '', bits = '32'] = cidr.trim().split('/');
  const start = parseIPv4(ip);
  const prefix = Number(bits);
  if (start === undefined || !/^\d{1,2}$/.test(bits) || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const lo = Math.floor(start / size) * size;
  return { lo, hi: lo + size - 1 };
}

/** The IPv4 addresses of some CIDRs (IPv6 ones and unparsable ones skipped). */
export function cidrs4(list: string[]): IntervalSet {
  return intervals(...list.flatMap((c) => parseCidr4(c) ?? []));
}

/**
 * An ipBlock's addresses: cidr minus except. IPv6 is all of it only for a
 * /0 with no except; any other IPv6 block is "some IPv6".
 */
export function ipBlockAddresses(block: { cidr: string; except?: string[] }): Addresses {
  const v4 = parseCidr4(block.cidr);
  if (v4) return { v4: subtract([v4], cidrs4(block.except ?? [])), v6: 'none' };
  if (!block.cidr.includes(':')) return { v4: none, v6: 'none' };
  const whole = block.cidr.trim().endsWith('/0') && (block.except ?? []).length === 0;
  return { v4: none, v6: whole ? 'all' : 'some' };
}

/** a ∪ b for IPv6 coverage. */
export function unionV6(a: V6, b: V6): V6 {
  if (a === 'all' || b === 'all') return 'all';
  return a === 'some' || b === 'some' ? 'some' : 'none';
}

/** Union of several address sets. */
export function unionAddresses(list: Addresses[]): Addresses {
  return { v4: union(...list.map((a) => a.v4)), v6: list.reduce<V6>((v6, a) => unionV6(v6, a.v6), 'none') };
}

/** An address range in words: `10.0.0.1`, `10.0.0.0/8`, or `0.0.0.0-10.243.255.255`. */
export function describeRange4(x: Interval): string {
  if (x.lo === x.hi) return formatIPv4(x.lo);
  const size = x.hi - x.lo + 1;
  const prefix = 32 - Math.log2(size);
  if (Number.isInteger(prefix) && x.lo % size === 0) return `${formatIPv4(x.lo)}/${prefix}`;
  return `${formatIPv4(x.lo)}-${formatIPv4(x.hi)}`;
}
