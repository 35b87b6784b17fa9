import { ClusterError } from '../../cluster/errors.ts';
import { ScenarioError } from '../scenario/errors.ts';
import { AttemptTamperedError } from '../attempt/record.ts';
import { InjectionError } from '../engine/inject.ts';

/** Exit codes of the CLI contract. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, cluster: 3 } as const;

/** Bad usage: unknown scenario, missing argument, no current attempt... (exit 2). */
export class UsageError extends Error {
  readonly fix?: string;
  constructor(message: string, options: { fix?: string } = {}) {
    super(message);
    this.name = 'UsageError';
    this.fix = options.fix;
  }
}

/** The exit code an error maps to. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ScenarioError || error instanceof AttemptTamperedError) return EXIT.usage;
  if (error instanceof ClusterError || error instanceof InjectionError) return EXIT.cluster;
  // Errors that carry their own contract code (e.g. a refused confirmation: 2).
  const own = (error as { exitCode?: unknown })?.exitCode;
  if (own === EXIT.usage || own === EXIT.cluster) return own;
  if (isConnectionError(error)) return EXIT.cluster;
  const code = (error as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) return EXIT.usage;
  return EXIT.cluster;
}

/** The one top-level error printer: `ERROR: message`, a fix line, the log path; the stack only with --verbose. */
export function printError(error: unknown, verbose: boolean): void {
  const err = error as Error & { fix?: string; logPath?: string; output?: string };
  const lines = [`ERROR: ${err?.message ?? String(error)}`];
  if (err instanceof ClusterError && err.output && verbose) lines.push(err.output.trim());
  if (err?.logPath) lines.push(`  log: ${err.logPath}`);
  if (err?.fix) lines.push(`  fix: ${err.fix}`);
  if (isConnectionError(error) && !err?.fix) lines.push('  fix: is the cluster up? run `kubedrill up` (or `kubedrill status`)');
  if (verbose && err?.stack) lines.push(err.stack);
  let cause = err?.cause as Error | undefined;
  while (verbose && cause) {
    lines.push(`  caused by: ${cause.message ?? String(cause)}`);
    cause = cause.cause as Error | undefined;
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

function isConnectionError(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return /ECONNREFUSED|EHOSTUNREACH|ENOTFOUND|ETIMEDOUT|socket hang up|fetch failed/.test(text);
}
