import { describe, expect, it } from 'vitest';
import { compareQuantities, parseQuantity, quantityValue } from './quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['160Mi', 160 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['0.5Gi', 2 ** 29],
    ['64Mi', 64 * 2 ** 20],
    ['200M', 200e6],
    ['1Ki', 1024],
    ['2Ti', 2 * 2 ** 40],
    ['1k', 1000],
    ['1G', 1e9],
    ['500m', 0.5],
    ['100m', 0.1],
    ['2', 2],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['12e-1', 1.2],
    ['1E', 1e18],
    ['-1', -1],
    ['+2k', 2000],
    ['10u', 1e-5],
    ['3n', 3e-9],
  ])('%s = %d', (text, value) => {
    const q = parseQuantity(text);
    expect(q).toBeDefined();
    expect(quantityValue(q!)).toBeCloseTo(value, 12);
  });

  it.each([[''], ['Mi'], ['1MB'], ['1 Gi'], ['abc'], ['1.2.3'], ['0x10'], ['1mi']])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it.each([
    [1073741824, 2 ** 30],
    [0.5, 0.5],
    [2, 2],
  ])('accepts the number %d', (n, value) => {
    expect(quantityValue(parseQuantity(n)!)).toBe(value);
  });
});

describe('compareQuantities', () => {
  it.each([
    ['512Mi', '0.5Gi', 0],
    ['1Gi', '1073741824', 0],
    ['1000M', '1G', 0],
    ['500m', '0.5', 0],
    ['200M', '160Mi', 1],
    ['160Mi', '200M', -1],
    ['64Mi', '160Mi', -1],
    ['1Gi', '1G', 1],
    ['1025Mi', '1Gi', 1],
    ['1e3', '1k', 0],
    ['100m', '1', -1],
  ])('%s vs %s → %d', (a, b, expected) => {
    expect(compareQuantities(parseQuantity(a)!, parseQuantity(b)!)).toBe(expected);
  });
});
