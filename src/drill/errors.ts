/** A drill command that cannot go ahead (no drill, a busy namespace, a bad flag): exit 2 with a fix line. */
export class DrillError extends Error {
  readonly exitCode = 2;
  readonly fix?: string;
  constructor(message: string, options: { fix?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DrillError';
    this.fix = options.fix;
  }
}
