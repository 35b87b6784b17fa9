import type { DrillResult } from '../drill/record.ts';
import { endingLine, failingChecks, TASK_HEADER, taskRows, verdictLine } from './drill-report.ts';

/** Colouring the text report may use (identity functions when piped). */
export interface TextStyle {
  bold(text: string): string;
  green(text: string): string;
  red(text: string): string;
  dim(text: string): string;
}

const plain: TextStyle = { bold: (t) => t, green: (t) => t, red: (t) => t, dim: (t) => t };

/** The drill as a terminal reads it: verdict, how it ended, the task table, what still failed. */
export function renderText(result: DrillResult, style: TextStyle = plain): string {
  const verdict = verdictLine(result);
  const lines = [
    `${style.bold(`Drill ${result.id}`)}  ${result.passed ? style.green(style.bold(verdict)) : style.red(style.bold(verdict))}`,
    style.dim(`${endingLine(result)}; seed ${result.seed ?? '-'}; a hint costs ${Math.round((result.hintCost ?? 0) * 100)}% of its task`),
    '',
    ...alignedTable(TASK_HEADER, taskRows(result)).map((line, i) => (i === 0 ? style.bold(line) : line)),
  ];
  for (const group of failingChecks(result)) {
    lines.push('', style.bold(`${group.task}: still failing`));
    for (const c of group.checks) lines.push(`  ${style.red('FAIL')} ${c.id}${c.gate ? ' (gate)' : ` (${c.points} pt${c.points === 1 ? '' : 's'})`}: ${c.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function alignedTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}
