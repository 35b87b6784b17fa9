import { $ } from 'zx';
import { ClusterError } from '../errors.ts';

/** What a finished command left behind; the same shape whether it passed or failed. */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Options for {@link run}. */
export interface RunOptions {
  /** The component this command belongs to, named in the error. */
  component: string;
  /** Text fed to stdin. */
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** Log a failure points at (for commands whose detail lives elsewhere). */
  logPath?: string;
  /** Return the result instead of throwing on a non-zero exit. */
  allowFail?: boolean;
  /** Kill the command after this many milliseconds. */
  timeoutMs?: number;
}

/** Run `argv` (no shell: zx quotes each element) and collect its output. */
export async function run(argv: string[], options: RunOptions): Promise<RunResult> {
  const shell = $({
    quiet: true,
    nothrow: true,
    verbose: false,
    input: options.input,
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    timeout: options.timeoutMs === undefined ? undefined : `${options.timeoutMs}ms`,
  });
  const output = await shell`${argv}`;
  const result = { stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode ?? 1 };
  if (result.exitCode !== 0 && !options.allowFail) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-5).join('\n');
    throw new ClusterError(`${options.component}: \`${argv.join(' ')}\` exited ${result.exitCode}: ${detail}`, {
      command: argv.join(' '),
      output: result.stderr || result.stdout,
      logPath: options.logPath,
    });
  }
  return result;
}

/** Run a command and return its trimmed stdout. */
export async function capture(argv: string[], options: RunOptions): Promise<string> {
  return (await run(argv, options)).stdout.trim();
}
