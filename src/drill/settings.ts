import { join } from 'node:path';
import { z } from 'zod';
import { homeDir, readJson } from '../home.ts';
import { parseDuration } from '../engine/wait.ts';
import { DEFAULT_RULES } from './score.ts';
import { DrillError } from './errors.ts';

/** Defaults for `kubedrill drill`, overridable in settings.json under "drill" and by flags. */
export interface DrillDefaults {
  count: number;
  passMark: number;
  hintCost: number;
  /** A duration ("30m"); unset → the sum of the tasks' own limits. */
  time?: string;
}

const schema = z
  .object({
    count: z.number().int().min(1).optional(),
    passMark: z.number().min(0).max(100).optional(),
    hintCost: z.number().min(0).max(1).optional(),
    time: z.string().optional(),
  })
  .strict();

/** The built-in defaults: 3 tasks, pass mark 66, a hint costs 10% of its task. */
export const BUILTIN_DEFAULTS: DrillDefaults = { count: 3, passMark: DEFAULT_RULES.passMark, hintCost: DEFAULT_RULES.hintCost };

/**
 * The drill defaults: built-ins, then `"drill": {...}` in
 * $KUBEDRILL_HOME/settings.json (e.g. `{"drill": {"passMark": 75, "hintCost": 0.05}}`).
 */
export async function readDrillDefaults(): Promise<DrillDefaults> {
  const settings = await readJson<{ drill?: unknown }>(join(homeDir(), 'settings.json'), {});
  if (settings.drill === undefined) return BUILTIN_DEFAULTS;
  const parsed = schema.safeParse(settings.drill);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DrillError(`settings.json: drill.${issue.path.join('.')}: ${issue.message}`, { fix: 'e.g. "drill": {"count": 3, "passMark": 66, "hintCost": 0.1, "time": "30m"}' });
  }
  const drill = { ...BUILTIN_DEFAULTS, ...parsed.data };
  if (drill.time) parseTime(drill.time);
  return drill;
}

/** `--pass-mark`: a percentage 0–100. */
export function parsePassMark(text: string): number {
  const value = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new DrillError(`--pass-mark must be a percentage from 0 to 100 (got ${text})`);
  return value;
}

/** `--hint-cost`: a fraction of the task ("0.1") or a percentage ("10%"). */
export function parseHintCost(text: string): number {
  const value = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new DrillError(`--hint-cost must be a fraction from 0 to 1 or a percentage (got ${text})`);
  return value;
}

/** `--count`: a whole number >= 1. */
export function parseCount(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new DrillError(`--count must be a whole number >= 1 (got ${text})`);
  return value;
}

/** `--time`: a duration ("30m", "1h30m", "45s") in ms. */
export function parseTime(text: string): number {
  try {
    const ms = parseDuration(text);
    if (ms < 1000) throw new Error('too short');
    return ms;
  } catch {
    throw new DrillError(`--time must be a duration such as 30m, 1h30m or 90s (got ${text})`);
  }
}
