import { input, number, select } from '@inquirer/prompts';
import type { Candidate } from './select.ts';
import type { DrillDefaults } from './settings.ts';
import { parseTime } from './settings.ts';

/** What `kubedrill drill` asks on a terminal when no flag shapes the drill. */
export interface DrillShape {
  count?: number;
  time?: string;
  domain?: string;
}

/**
 * Ask how many tasks, from which domain, and how long (prompts on stderr;
 * every answer has a flag: --count, --domain, --time). Only called on a TTY
 * when none of those flags was given.
 */
export async function askDrillShape(options: { defaults: DrillDefaults; pool: Candidate[] }): Promise<DrillShape> {
  const context = { output: process.stderr };
  const domainsInPool = [...new Set(options.pool.map((s) => s.domain))].sort();
  const domain = await select({ message: 'Domain', choices: [{ name: 'any', value: '' }, ...domainsInPool.map((d) => ({ name: d, value: d }))] }, context);
  const available = options.pool.filter((s) => !domain || s.domain === domain).length;
  const count = await number({ message: `How many tasks (1-${available})`, default: Math.min(options.defaults.count, available), min: 1, max: available, required: true }, context);
  const time = await input(
    {
      message: 'Time limit (e.g. 30m; empty: the sum of the tasks\' own limits)',
      default: options.defaults.time ?? '',
      validate: (text) => {
        if (!text.trim()) return true;
        try {
          parseTime(text.trim());
          return true;
        } catch (error) {
          return (error as Error).message;
        }
      },
    },
    context,
  );
  return { count: count ?? options.defaults.count, ...(time.trim() ? { time: time.trim() } : {}), ...(domain ? { domain } : {}) };
}

/** The menu's "Start a drill" choice: start one, or — with one running — look at it or submit it. Returns the argv to run. */
export async function askDrillAction(): Promise<string[]> {
  const action = await select(
    {
      message: 'Drill',
      choices: [
        { name: 'Start a new drill', value: 'start' },
        { name: 'Drill status (time left, tasks)', value: 'status' },
        { name: 'Submit the drill (grade and end it)', value: 'submit' },
        { name: 'Report of the last drill', value: 'report' },
      ],
    },
  );
  if (action === 'start') return ['drill'];
  if (action === 'report') return ['report'];
  return ['drill', action];
}
