import { sleep } from '../kube/client.ts';
import type { Changes } from '../kube/changes.ts';

/** Options for {@link pollUntil}. */
export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Between probes, wait for a change (at most the interval) instead of the whole interval — still no sooner than `minIntervalMs`. */
  changes?: Changes;
  /** With `changes`: the least time between two probes (default 500 ms). */
  minIntervalMs?: number;
}

/**
 * Call `probe` until it returns `{ done: true }` or the deadline passes.
 * Returns the last result either way, so the caller can say what it saw.
 */
export async function pollUntil<T extends { done: boolean }>(probe: () => Promise<T>, options: PollOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    const result = await probe();
    if (result.done || Date.now() >= deadline) return result;
    const gap = Math.min(options.intervalMs ?? 1000, Math.max(0, deadline - Date.now()));
    if (!options.changes) await sleep(gap);
    else {
      const least = Math.min(options.minIntervalMs ?? 500, gap);
      await sleep(least);
      await options.changes.wait(gap - least);
    }
  }
}

/** Parse "10s", "2m", "1h30m", "500ms" into milliseconds. */
export function parseDuration(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a duration: ${text} (use e.g. 10s, 2m, 1h30m)`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}
