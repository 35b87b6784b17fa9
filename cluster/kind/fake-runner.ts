import type { CommandRunner, RunOptions, RunResult } from './run.ts';

/** One command a {@link FakeRunner} saw. */
export interface FakeCall {
  /** argv joined with spaces, for readable assertions. */
  command: string;
  argv: string[];
  options: RunOptions;
}

/** A scripted answer: a command line prefix and what the "process" returns. */
export type FakeScript = [prefix: string, result: Partial<RunResult>][];

/** A CommandRunner for tests, faking only the process boundary. */
export interface FakeRunner {
  run: CommandRunner;
  calls: FakeCall[];
  /** The command lines seen, in order. */
  commands(): string[];
}

/**
 * A runner that answers from a script (the longest matching prefix wins, and
 * of equal prefixes the later one; unscripted commands exit 0 with no output)
 * and records every call.
 */
export function fakeRunner(script: FakeScript = []): FakeRunner {
  const calls: FakeCall[] = [];
  const ordered = [...script].reverse().sort((a, b) => b[0].length - a[0].length);
  const run: CommandRunner = async (argv, options = {}) => {
    const command = argv.join(' ');
    calls.push({ command, argv, options });
    const match = ordered.find(([prefix]) => command === prefix || command.startsWith(`${prefix} `));
    return { exitCode: 0, stdout: '', stderr: '', ...match?.[1] };
  };
  return { run, calls, commands: () => calls.map((call) => call.command) };
}
