/**
 * Run `task` with an AbortSignal wired to Ctrl-C: the first SIGINT aborts (the
 * task cleans up what it made, then rejects), a second one exits at once.
 */
export async function withInterrupt<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let count = 0;
  const onSigint = (): void => {
    count += 1;
    if (count === 1) {
      process.stderr.write('\ninterrupted: cleaning up what was made (Ctrl-C again to quit at once)\n');
      controller.abort(new InterruptedError());
    } else process.exit(130);
  };
  process.on('SIGINT', onSigint);
  try {
    return await task(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** The user pressed Ctrl-C (exit 130). */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
