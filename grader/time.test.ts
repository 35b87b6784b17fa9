import { describe, expect, it } from 'vitest';
import { parseDuration, showTime, toMillis } from './time.ts';

describe('toMillis', () => {
  it.each<[Date | string | number | undefined | null, number | undefined]>([
    [new Date('2026-01-10T12:00:00Z'), Date.parse('2026-01-10T12:00:00Z')],
    ['2026-01-10T12:00:00Z', Date.parse('2026-01-10T12:00:00Z')],
    ['2026-01-10T12:00:00.123456Z', Date.parse('2026-01-10T12:00:00.123Z')],
    [1234, 1234],
    [undefined, undefined],
    [null, undefined],
    ['not a time', undefined],
  ])('%j → %j', (input, ms) => {
    expect(toMillis(input)).toBe(ms);
  });

  it('shows times to the second', () => {
    expect(showTime('2026-01-10T12:00:03Z')).toBe('2026-01-10T12:00:03Z');
    expect(showTime(undefined)).toBe('never');
  });
});

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1m30s', 90_000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([[''], ['10'], ['s'], ['10x'], ['1.5s'], ['10s '], ['-1s']])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a duration/);
  });
});
