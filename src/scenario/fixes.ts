import { readFile } from 'node:fs/promises';
import { ScenarioError } from './errors.ts';
import { describeScript } from './scripts.ts';
import type { Scenario } from './types.ts';

/** One fix that passes, as the debrief lists it. */
export interface HonestFix {
  /** 'solution', or the file name under fixes/ without `.sh`. */
  name: string;
  /** The script's comment line after the shebang. */
  description: string;
}

/**
 * The reference solution, then each alternative under fixes/, each with its
 * one-line description: the other honest ways the learner could have fixed it.
 * The solution is read again (the loaded Scenario keeps only its path); a
 * solution.sh changed since loading so it no longer describes itself is a ScenarioError.
 */
export async function honestFixes(scenario: Pick<Scenario, 'solution' | 'fixes'>): Promise<HonestFix[]> {
  const text = await readFile(scenario.solution, 'utf8').catch((cause: unknown) => {
    throw new ScenarioError({ file: scenario.solution, fieldPath: '', detail: 'cannot be read' }, { cause });
  });
  const head = describeScript(scenario.solution, text);
  if ('problem' in head) throw new ScenarioError(head.problem);
  return [{ name: 'solution', description: head.description }, ...scenario.fixes.map(({ name, description }) => ({ name, description }))];
}
