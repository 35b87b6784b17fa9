import type { DrillResult } from '../drill/record.ts';
import { endingLine, failingChecks, TASK_HEADER, taskRows, verdictLine } from './drill-report.ts';

/** The drill as Markdown (a PR comment, a workshop summary, a study log). */
export function renderMarkdown(result: DrillResult): string {
  const lines = [
    `## kubedrill drill \`${result.id}\`: ${verdictLine(result)}`,
    '',
    `${endingLine(result)}. Seed \`${result.seed ?? '-'}\`; started ${result.startedAt}.`,
    '',
    `| ${TASK_HEADER.join(' | ')} |`,
    `|${TASK_HEADER.map((_, i) => (i === 1 || i === 2 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...taskRows(result).map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  const failing = failingChecks(result);
  if (failing.length) {
    lines.push('', '### Still failing');
    for (const group of failing) {
      lines.push('', `**${cell(group.task)}**`, '');
      for (const c of group.checks) lines.push(`- \`${c.id}\`${c.gate ? ' (gate)' : ''}: ${cell(c.reason)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Text safe inside a table cell or list item: HTML markup as entities, pipes escaped, newlines folded. */
function cell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}
