import { $ } from 'zx';
import { ClusterError } from '../errors.ts';

/** What a finished command left behind; the same shape whether it passed or failed. */
export interface RunResult {
  /** 127: command not found (the shell's convention); -1: killed by the timeout. */
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Options for one command. */
export interface RunOptions {
  /** Added to the inherited environment. */
  env?: Record<string, string>;
  /** Text fed to stdin. */
  input?: string;
  /** Kill the command after this many milliseconds. */
  timeoutMs?: number;
}

/**
 * Runs one command (argv, no shell syntax) and reports how it ended, never
 * throwing for a non-zero exit. The only place the kind and existing providers
 * touch processes, so tests fake exactly this and nothing else.
 */
export type CommandRunner = (argv: string[], options?: RunOptions) => Promise<RunResult>;

/** The real runner: zx, quiet, every argv element quoted by zx. */
export const zxRunner: CommandRunner = async (argv, options = {}) => {
  // An AbortSignal rather than zx's own `timeout`: zx's timeout walks the
  // process tree through a shell and trips Node 24's DEP0190 warning.
  const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const output = await $({
    quiet: true,
    nothrow: true,
    verbose: false,
    input: options.input,
    env: { ...process.env, ...options.env },
    signal,
  })`${argv}`;
  if (signal?.aborted) {
    return { exitCode: -1, stdout: output.stdout, stderr: `${output.stderr}timed out after ${options.timeoutMs}ms\n` };
  }
  return { exitCode: output.exitCode ?? -1, stdout: output.stdout, stderr: output.stderr };
};

/** The last lines of a command's output, for error messages. */
export function tail(result: RunResult, lines = 5): string {
  return (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-lines).join('\n');
}

/** Options for {@link mustRun}. */
export interface MustRunOptions extends RunOptions {
  /** What the command was for, as the error's first words ("kind create cluster"). */
  what: string;
  /** How to fix it, shown under the error. */
  fix?: string;
}

/** Run a command and return its result; a non-zero exit becomes a ClusterError with its output. */
export async function mustRun(runner: CommandRunner, argv: string[], options: MustRunOptions): Promise<RunResult> {
  const { what, fix, ...runOptions } = options;
  const result = await runner(argv, runOptions);
  if (result.exitCode !== 0) {
    throw new ClusterError(`${what} failed (exit ${result.exitCode}): ${tail(result)}`, {
      command: argv.join(' '),
      output: `${result.stdout}${result.stderr}`,
      fix,
    });
  }
  return result;
}
