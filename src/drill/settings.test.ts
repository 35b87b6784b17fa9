import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFAULTS, parseCount, parseHintCost, parsePassMark, parseTime, readDrillDefaults } from './settings.ts';

describe('drill flags', () => {
  it.each([
    { parse: parsePassMark, text: '66', value: 66 },
    { parse: parsePassMark, text: '75%', value: 75 },
    { parse: parseHintCost, text: '0.1', value: 0.1 },
    { parse: parseHintCost, text: '25%', value: 0.25 },
    { parse: parseCount, text: '4', value: 4 },
    { parse: parseTime, text: '1m', value: 60_000 },
    { parse: parseTime, text: '1h30m', value: 5_400_000 },
  ])('$parse.name($text) = $value', ({ parse, text, value }) => {
    expect(parse(text)).toBe(value);
  });

  it.each([
    { parse: parsePassMark, text: '101' },
    { parse: parsePassMark, text: 'lots' },
    { parse: parseHintCost, text: '1.5' },
    { parse: parseCount, text: '0' },
    { parse: parseCount, text: '2.5' },
    { parse: parseTime, text: '30' },
    { parse: parseTime, text: '10ms' },
  ])('$parse.name($text) is refused with exit 2', ({ parse, text }) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('readDrillDefaults', () => {
  const withSettings = (content: unknown): void => {
    process.env.KUBEDRILL_HOME = mkdtempSync(join(tmpdir(), 'kd-settings-'));
    writeFileSync(join(process.env.KUBEDRILL_HOME, 'settings.json'), JSON.stringify(content));
  };

  it('built-ins without a "drill" key', async () => {
    withSettings({ provider: 'local' });
    expect(await readDrillDefaults()).toEqual(BUILTIN_DEFAULTS);
  });

  it('settings override the built-ins', async () => {
    withSettings({ drill: { passMark: 75, hintCost: 0.05, time: '45m' } });
    expect(await readDrillDefaults()).toEqual({ count: 3, passMark: 75, hintCost: 0.05, time: '45m' });
  });

  it.each([{ drill: { passMark: 200 } }, { drill: { colour: 'red' } }, { drill: { time: 'soon' } }])('refuses %j', async (settings) => {
    withSettings(settings);
    await expect(readDrillDefaults()).rejects.toThrow(/settings.json|--time/);
  });
});
