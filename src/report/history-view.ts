import { formatDuration } from './durations.ts';
import type { TextStyle } from './format-text.ts';
import { bar, sparkline, type HistorySummary } from './history-summary.ts';

const plain: TextStyle = { bold: (t) => t, green: (t) => t, red: (t) => t, dim: (t) => t };

/**
 * `kubedrill history` as lines: a table per scenario (attempts, a pass-rate
 * bar, best time, hints, last try), then the drill scores as a sparkline —
 * on an absolute 0–100 scale, so rising bars mean rising scores.
 */
export function renderHistory(summary: HistorySummary, style: TextStyle = plain): string[] {
  if (summary.scenarios.length === 0) return ['no history yet — kubedrill start <id> or kubedrill drill'];
  const header = ['scenario', 'attempts', 'pass rate', 'best time', 'hints', 'last'];
  const rows = summary.scenarios.map((s) => [
    s.scenario,
    String(s.attempts),
    `${bar(s.passRate)} ${String(Math.round(s.passRate * 100)).padStart(3)}%`,
    formatDuration(s.bestSeconds),
    `${s.hintsUsed}${s.revealed ? ` (+${s.revealed} solution${s.revealed === 1 ? '' : 's'})` : ''}`,
    s.lastAt.slice(0, 10),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const lines = [style.bold(line(header)), ...rows.map(line)];
  if (summary.drills.length) {
    const recent = summary.drills.slice(-30);
    const last = recent.at(-1)!;
    const best = Math.max(...summary.drills.map((d) => d.score));
    const verdict = last.passed ? style.green('PASS') : style.red('FAIL');
    lines.push('', `Drills (${summary.drills.length}${summary.drills.length > recent.length ? `, last ${recent.length} shown` : ''}): ${style.bold(sparkline(recent.map((d) => d.score)))}  last ${last.score}% ${verdict} · best ${best}% · pass mark ${last.passMark}%`);
  }
  return lines;
}
