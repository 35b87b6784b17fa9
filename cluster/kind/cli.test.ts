import { describe, expect, it } from 'vitest';
import { atLeast } from './cli.ts';

describe('atLeast', () => {
  it.each([
    ['0.32.0', 'v0.32.0', true],
    ['v0.32.1', 'v0.32.0', true],
    ['0.33.0-alpha.12+abc', 'v0.32.0', true],
    ['1.0.0', 'v0.32.0', true],
    ['0.31.9', 'v0.32.0', false],
    ['0.9.0', 'v0.32.0', false],
    ['garbage', 'v0.32.0', false],
  ])('%s >= %s → %s', (have, want, expected) => {
    expect(atLeast(have, want)).toBe(expected);
  });
});
