import { describe, expect, it } from 'vitest';
import { cidrs4, describeRange4, formatIPv4, ipBlockAddresses, parseCidr4, parseIPv4 } from './addresses.ts';
import type { Addresses } from './addresses.ts';
import { range, union } from './intervals.ts';

const ip = (text: string): number => parseIPv4(text) ?? Number.NaN;

describe('addresses', () => {
  it('parses and formats dotted quads', () => {
    expect(parseIPv4('10.244.0.206')).toBe(10 * 2 ** 24 + 244 * 2 ** 16 + 206);
    expect(formatIPv4(ip('255.255.255.255'))).toBe('255.255.255.255');
    expect(parseIPv4('10.244.0')).toBeUndefined();
    expect(parseIPv4('10.244.0.256')).toBeUndefined();
  });

  it.each<[string, { lo: string; hi: string } | undefined]>([
    ['0.0.0.0/0', { lo: '0.0.0.0', hi: '255.255.255.255' }],
    ['128.0.0.0/1', { lo: '128.0.0.0', hi: '255.255.255.255' }],
    ['10.244.0.0/16', { lo: '10.244.0.0', hi: '10.244.255.255' }],
    ['10.244.0.5/16', { lo: '10.244.0.0', hi: '10.244.255.255' }],
    ['10.244.0.206/32', { lo: '10.244.0.206', hi: '10.244.0.206' }],
    ['10.244.0.206', { lo: '10.244.0.206', hi: '10.244.0.206' }],
    ['::/0', undefined],
    ['10.0.0.0/33', undefined],
  ])('cidr %s', (cidr, want) => {
    expect(parseCidr4(cidr)).toEqual(want && { lo: ip(want.lo), hi: ip(want.hi) });
  });

  it.each<[string, { cidr: string; except?: string[] }, Addresses]>([
    ['IPv4 with except', { cidr: '0.0.0.0/0', except: ['10.244.0.206/32', '10.244.0.207/32'] }, { v4: union(range(0, ip('10.244.0.205')), range(ip('10.244.0.208'), 2 ** 32 - 1)), v6: 'none' }],
    ['all IPv6', { cidr: '::/0' }, { v4: [], v6: 'all' }],
    ['all IPv6 but a part', { cidr: '::/0', except: ['fd00::/8'] }, { v4: [], v6: 'some' }],
    ['part of IPv6', { cidr: 'fd00::/8' }, { v4: [], v6: 'some' }],
  ])('ipBlock: %s', (_name, block, want) => {
    expect(ipBlockAddresses(block)).toEqual(want);
  });

  it('unions CIDR lists', () => {
    expect(cidrs4(['0.0.0.0/1', '128.0.0.0/1', '::/0'])).toEqual(range(0, 2 ** 32 - 1));
  });

  it.each<[number, number, string]>([
    [ip('10.0.0.1'), ip('10.0.0.1'), '10.0.0.1'],
    [ip('10.0.0.0'), ip('10.255.255.255'), '10.0.0.0/8'],
    [0, ip('10.243.255.255'), '0.0.0.0-10.243.255.255'],
  ])('describes %s-%s', (lo, hi, want) => {
    expect(describeRange4({ lo, hi })).toBe(want);
  });
});
