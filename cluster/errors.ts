/**
 * A provider or cluster failure: exit code 3. Carries the command that failed,
 * its output, and where to look (a log path) so the top-level printer can say
 * what broke and how to fix it.
 */
export class ClusterError extends Error {
  readonly command?: string;
  readonly output?: string;
  readonly logPath?: string;
  readonly fix?: string;
  constructor(
    message: string,
    options: { command?: string; output?: string; logPath?: string; fix?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClusterError';
    this.command = options.command;
    this.output = options.output;
    this.logPath = options.logPath;
    this.fix = options.fix;
  }
}
