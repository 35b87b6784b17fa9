import { escapeXml } from '../report/format-junit.ts';
import type { TaskStatus, WorkshopRecord } from './workshop.ts';

export const WORKSHOP_REPORT_FORMATS = ['csv', 'json', 'junit', 'markdown'] as const;
export type WorkshopReportFormat = (typeof WORKSHOP_REPORT_FORMATS)[number];

/** The room's totals: tasks passed (now), and per seat. */
export function totals(tasks: TaskStatus[]): { passed: number; total: number; seats: Record<string, { passed: number; points: number; maxPoints: number }> } {
  const seats: Record<string, { passed: number; points: number; maxPoints: number }> = {};
  for (const t of tasks) {
    const s = (seats[t.seat] ??= { passed: 0, points: 0, maxPoints: 0 });
    if (t.state === 'passed') s.passed++;
    s.points += t.points;
    s.maxPoints += t.maxPoints;
  }
  return { passed: tasks.filter((t) => t.state === 'passed').length, total: tasks.length, seats };
}

/**
 * A workshop's results, seat × task: state now, points, first time seen
 * passing and seconds from the task's start, hints, solution revealed — as
 * CSV (one row per seat and task, for a spreadsheet), JSON, JUnit XML (a
 * suite per seat, a failing case per task not passed) or Markdown.
 */
export function renderWorkshopReport(record: WorkshopRecord, tasks: TaskStatus[], format: WorkshopReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ workshop: record, tasks, totals: totals(tasks) }, null, 2)}\n`;
    case 'csv':
      return csv(tasks);
    case 'markdown':
      return markdown(record, tasks);
    case 'junit':
      return junit(record, tasks);
  }
}

const COLUMNS = ['seat', 'task', 'namespace', 'state', 'points', 'max_points', 'passed_at', 'seconds_to_pass', 'hints', 'solution_revealed', 'first_failing_check'] as const;

function csv(tasks: TaskStatus[]): string {
  const cell = (v: string | number | boolean | undefined): string => {
    const text = v === undefined ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = tasks.map((t) => [t.seat, t.scenario, t.namespace, t.state, t.points, t.maxPoints, t.passedAt, t.secondsToPass, t.hintsUsed, t.revealed, t.state === 'passed' ? '' : t.reason].map(cell).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\n')}\n`;
}

function markdown(record: WorkshopRecord, tasks: TaskStatus[]): string {
  const sum = totals(tasks);
  const pipe = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `# Workshop ${record.name}`,
    '',
    `${record.seats.length} seats × ${record.scenarios.length} tasks (${record.scenarios.join(', ')}), ${record.createdAt} to ${record.endsAt}: ${sum.passed} of ${sum.total} tasks passed.`,
    '',
    '| seat | task | state | points | time to pass | hints | first failing check |',
    '|---|---|---|---|---|---|---|',
    ...tasks.map((t) => `| ${t.seat} | ${t.scenario} | ${t.state} | ${t.points}/${t.maxPoints} | ${t.secondsToPass === undefined ? '' : `${Math.round(t.secondsToPass / 60)} min`} | ${t.hintsUsed}${t.revealed ? ' (solution shown)' : ''} | ${t.state === 'passed' ? '' : pipe(t.reason ?? '')} |`),
    '',
  ];
  return lines.join('\n');
}

function junit(record: WorkshopRecord, tasks: TaskStatus[]): string {
  const a = (v: string): string => escapeXml(v, true);
  const suites = record.seats.map((seat) => {
    const mine = tasks.filter((t) => t.seat === seat);
    const failures = mine.filter((t) => t.state !== 'passed').length;
    const cases = mine.map((t) => {
      const time = t.secondsToPass ?? 0;
      const body = t.state === 'passed' ? '' : `\n      <failure message="${a(t.reason ?? t.state)}">${escapeXml(t.reason ?? t.state, false)}</failure>\n    `;
      return `    <testcase classname="${a(`${record.name}.${seat}`)}" name="${a(t.scenario)}" time="${time}">${body}</testcase>`;
    });
    return `  <testsuite name="${a(seat)}" tests="${mine.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${a(`workshop ${record.name}`)}" tests="${tasks.length}" failures="${tasks.filter((t) => t.state !== 'passed').length}">\n${suites.join('\n')}\n</testsuites>\n`;
}
