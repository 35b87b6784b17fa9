import pc from 'picocolors';
import type { Verdict } from '../../grader/types.ts';

/** Colour only on a TTY without NO_COLOR. */
export const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = pc.createColors(useColor);
export { paint };

/** Print a line to stdout. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Print one JSON document to stdout. */
export function outJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One line per verdict, each failing reason on its own line. */
export function renderVerdicts(verdicts: Verdict[]): string[] {
  return verdicts.map((v) =>
    v.passed ? `${paint.green('PASS')} ${v.id}: ${v.reason}` : `${paint.red('FAIL')} ${paint.bold(v.id)}: ${v.reason}`,
  );
}

/** A plain aligned table (no borders: readable when piped). */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => stripAnsi(r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - stripAnsi(c).length))).join('  ');
  return [paint.bold(line(header)), ...rows.map(line)];
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** "1m05s" from seconds. */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
