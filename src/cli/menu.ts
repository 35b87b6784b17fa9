import type { Command } from 'commander';
import { select } from '@inquirer/prompts';
import { domains } from '../scenario/schema.ts';
import { allScenarios } from './scenarios.ts';
import { EXIT, UsageError } from './errors.ts';
import { formatSeconds } from './output.ts';
import { nextSuggested, readMarks } from '../report/progress.ts';

/**
 * The interactive menu (`kubedrill` alone on a TTY). Every choice runs the
 * same command a flag would (it re-enters the program with argv), so the
 * menu can never do what the CLI cannot. Without a TTY it refuses and prints help.
 */
export async function menu(program: Command): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    program.outputHelp();
    throw new UsageError('no command given (the interactive menu needs a terminal)', { fix: 'kubedrill --help' });
  }
  const scenarios = await allScenarios();
  for (;;) {
    const marks = await readMarks();
    const next = nextSuggested(scenarios, marks);
    const solved = scenarios.filter((s) => marks.get(s.id)?.solved).length;
    const action = await select({
      message: `kubedrill — ${solved}/${scenarios.length} scenarios passed`,
      choices: [
        ...(next ? [{ name: `Start the next one: ${next.title} (${next.id}, ${next.difficulty})`, value: 'next' }] : []),
        { name: 'Start a scenario', value: 'start' },
        { name: 'Start a drill', value: 'drill' },
        { name: 'Status', value: 'status' },
        { name: 'Hint', value: 'hint' },
        { name: 'Check my fix', value: 'check' },
        { name: 'Show the solution (scores 0)', value: 'solution' },
        { name: 'Reset the scenario', value: 'reset' },
        { name: 'Stop the scenario', value: 'stop' },
        { name: 'History', value: 'history' },
        { name: 'Quit', value: 'quit' },
      ],
    });
    if (action === 'quit') return EXIT.ok;
    let argv: string[] = [action];
    if (action === 'next' && next) argv = ['start', next.id];
    if (action === 'start') {
      const domain = await select({
        message: 'Domain',
        choices: [{ name: 'any', value: 'any' }, ...domains.filter((d) => scenarios.some((s) => s.domain === d)).map((d) => ({ name: d, value: d }))],
      });
      const difficulty = await select({
        message: 'Difficulty',
        choices: ['any', 'easy', 'medium', 'hard'].map((d) => ({ name: d, value: d })),
      });
      const pool = scenarios.filter((s) => (domain === 'any' || s.domain === domain) && (difficulty === 'any' || s.difficulty === difficulty));
      if (pool.length === 0) {
        process.stdout.write('no scenario matches\n');
        continue;
      }
      const choice = (s: (typeof pool)[number]): string => {
        const mark = marks.get(s.id);
        const done = mark?.solved ? `✓ ${mark.bestSeconds !== undefined ? `best ${formatSeconds(mark.bestSeconds)}` : 'passed'}` : '';
        return `${s.title}  (${s.id}, ${s.difficulty}, ${s.timeLimit})${done ? `  ${done}` : ''}`;
      };
      const id = await select({ message: 'Scenario', choices: pool.map((s) => ({ name: choice(s), value: s.id })) });
      argv = ['start', id];
    }
    if (action === 'drill') argv = await (await import('../drill/prompt.ts')).askDrillAction();
    await runChild(argv);
  }
}

/** Run one CLI command as a child process (its own exit code, its own Ctrl-C). */
async function runChild(argv: string[]): Promise<void> {
  const { execa } = await import('execa');
  const launcher = new URL('../../bin/kubedrill', import.meta.url).pathname;
  await execa(launcher, argv, { stdio: 'inherit', reject: false });
}
