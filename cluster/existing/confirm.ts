import type { ContextInfo } from './local-context.ts';
import { localReason } from './local-context.ts';

/**
 * kubedrill would use a cluster that is not a local/lab one without consent:
 * `--yes` missing where no prompt can be shown, or the user answered no.
 * Bad usage in the CLI contract's terms: exit code 2, not a cluster failure.
 */
export class ConfirmationRequiredError extends Error {
  /** The CLI contract's exit code for bad usage. */
  readonly exitCode = 2;
  /** What to do instead, shown under the error. */
  readonly fix: string;
  constructor(message: string, fix: string) {
    super(message);
    this.name = 'ConfirmationRequiredError';
    this.fix = fix;
  }
}

/** Asks a yes/no question; resolves false on "no" or when the user aborts. */
export type Ask = (message: string) => Promise<boolean>;

/** The real question, via @inquirer/prompts (loaded only when a prompt is needed). */
export const inquirerAsk: Ask = async (message) => {
  const { confirm } = await import('@inquirer/prompts');
  try {
    // On stderr with the progress lines: stdout is for results (STYLE habit 4).
    return await confirm({ message, default: false }, { output: process.stderr });
  } catch {
    // Ctrl-C (ExitPromptError) is a "no", not a crash.
    return false;
  }
};

/** Options for {@link confirmContext}. */
export interface ConfirmOptions extends ContextInfo {
  /** `--yes`: the caller already agreed. */
  yes: boolean;
  /** stdin is a terminal, so a question can be asked. */
  isTTY: boolean;
  ask: Ask;
}

/** How a context was cleared for use. */
export type Consent = 'local' | 'flag' | 'prompt';

/**
 * Decide whether kubedrill may use this context: local/lab clusters need no
 * consent; otherwise `--yes`, else a question on a TTY; without a TTY and
 * without `--yes` it refuses, because a script must never wander into a
 * production cluster by accident (STYLE habit 4: every prompt has a flag).
 */
export async function confirmContext(options: ConfirmOptions): Promise<Consent> {
  if (localReason(options) !== null) return 'local';
  if (options.yes) return 'flag';
  const where = options.server ? ` (server ${options.server})` : '';
  const retry = `kubedrill up --provider existing --context ${options.context} --yes`;
  if (!options.isTTY) {
    throw new ConfirmationRequiredError(
      `context ${options.context}${where} is not a local or lab cluster; refusing to use it without --yes (no terminal to ask on)`,
      `If you mean it, re-run with --yes: \`${retry}\``,
    );
  }
  const question =
    `Context ${options.context}${where} does not look like a local or lab cluster. ` +
    'kubedrill will create namespaces and break workloads in them on purpose. Use it?';
  if (await options.ask(question)) return 'prompt';
  throw new ConfirmationRequiredError(
    `not confirmed: kubedrill will not use context ${options.context}; nothing was changed`,
    `Pick a lab cluster with --context, or confirm: \`${retry}\``,
  );
}
