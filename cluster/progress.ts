/**
 * Progress lines for long cluster steps, written to stderr: one line per named
 * step with its elapsed time, and a heartbeat while a step runs long, so a cold
 * build never looks hung. Plain text when stderr is not a TTY or NO_COLOR is set.
 */
export interface Progress {
  /** Run `fn` as a named step: prints start, heartbeat, then done/failed with elapsed seconds. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** A one-off informational line. */
  info(message: string): void;
}

/** Options for {@link createProgress}. */
export interface ProgressOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Seconds between "still running" lines for long steps (default 15). */
  heartbeatSeconds?: number;
  quiet?: boolean;
}

/** A Progress that writes to stderr (or the given stream). */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const color = Boolean(stream.isTTY) && !process.env.NO_COLOR;
  const paint = (code: string, text: string): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const heartbeat = (options.heartbeatSeconds ?? 15) * 1000;
  const write = (line: string): void => {
    if (!options.quiet) stream.write(`${line}\n`);
  };
  return {
    async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const started = Date.now();
      const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
      write(`${paint('36', '•')} ${name} ...`);
      const timer = setInterval(() => write(`  ${name}: still running (${elapsed()})`), heartbeat);
      timer.unref();
      try {
        const result = await fn();
        write(`${paint('32', '✓')} ${name} (${elapsed()})`);
        return result;
      } catch (error) {
        write(`${paint('31', '✗')} ${name} (${elapsed()})`);
        throw error;
      } finally {
        clearInterval(timer);
      }
    },
    info(message: string): void {
      write(`  ${message}`);
    },
  };
}

/** A Progress that prints nothing (tests, --json). */
export const silentProgress: Progress = createProgress({ quiet: true });
