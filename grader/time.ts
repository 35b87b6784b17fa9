/**
 * Timestamps arrive as Date from a live client and as ISO strings from
 * recorded snapshots; every check reads them through toMillis.
 */
export function toMillis(value: Date | string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A timestamp as a reason shows it (ISO, seconds precision), or "never". */
export function showTime(value: Date | string | number | undefined | null): string {
  const ms = toMillis(value);
  return ms === undefined ? 'never' : new Date(ms).toISOString().replace('.000Z', 'Z');
}

const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parse a scenario duration ("10s", "2m", "1h30m", "500ms") into milliseconds. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new Error(`not a duration: ${JSON.stringify(text)} (expected e.g. 10s, 2m, 1h30m, 500ms)`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * (unitMs[p[2] ?? ''] ?? 0), 0);
}
