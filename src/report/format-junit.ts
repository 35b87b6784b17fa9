import type { DrillResult } from '../drill/record.ts';
import { secondsBetween } from './durations.ts';
import { verdictLine } from './drill-report.ts';

/**
 * The drill as JUnit XML, the format CI systems and workshop tooling ingest:
 * one <testsuite> per drill, one <testcase> per task (a failing task carries
 * a <failure> listing its failing checks), and one last testcase for the
 * drill's verdict against the pass mark — so a drill that fails overall
 * fails the suite even when each task earned partial credit.
 */
export function renderJunit(result: DrillResult): string {
  const suite = `kubedrill drill ${result.id}`;
  const cases = result.tasks.map((task) => {
    const attrs = { name: task.id, classname: `kubedrill.drill.${result.id}`, time: seconds(task.seconds) };
    const detail = [`score ${task.score}/100 (weight ${task.weight}); ${task.note ?? ''}`, ...(task.checks ?? []).map((c) => `${c.passed ? 'PASS' : 'FAIL'} ${c.id}${c.gate ? ' (gate)' : ` (${c.points} pts)`}: ${c.reason}`)].join('\n');
    if (task.passed) return `    <testcase${attributes(attrs)}>\n      <system-out>${text(detail)}</system-out>\n    </testcase>`;
    const failing = (task.checks ?? []).filter((c) => !c.passed).map((c) => c.id);
    const message = task.revealed && task.checksPassed ? 'solution revealed: scores 0' : failing.length ? `failing: ${failing.join(', ')}` : (task.note ?? 'failed');
    return `    <testcase${attributes(attrs)}>\n      <failure${attributes({ message: `score ${task.score}/100; ${message}`, type: 'TaskFailed' })}>${text(detail)}</failure>\n    </testcase>`;
  });
  const verdict = { name: `drill score >= pass mark ${result.passMark}%`, classname: `kubedrill.drill.${result.id}`, time: '0' };
  cases.push(
    result.passed
      ? `    <testcase${attributes(verdict)}/>`
      : `    <testcase${attributes(verdict)}>\n      <failure${attributes({ message: verdictLine(result), type: 'DrillFailed' })}/>\n    </testcase>`,
  );
  const failures = result.tasks.filter((t) => !t.passed).length + (result.passed ? 0 : 1);
  const tests = result.tasks.length + 1;
  const time = seconds(secondsBetween(result.startedAt, result.endedAt));
  const properties = { score: result.score, passMark: result.passMark, passed: result.passed, seed: result.seed ?? '', ended: result.ended ?? '', late: result.late ?? false };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'kubedrill', tests, failures, errors: 0, time })}>`,
    `  <testsuite${attributes({ name: suite, tests, failures, errors: 0, skipped: 0, time, timestamp: result.startedAt.replace(/\.\d+Z$/, 'Z') })}>`,
    '    <properties>',
    ...Object.entries(properties).map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function seconds(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '0' : String(Math.max(0, Math.round(value)));
}

function attributes(values: Record<string, string | number | boolean>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value), true)}"`)
    .join('');
}

function text(value: string): string {
  return escapeXml(value, false);
}

/**
 * Escape for XML 1.0: the five markup characters (quotes only matter in
 * attributes; newlines and tabs there become character references so they
 * survive attribute normalisation), and characters XML 1.0 cannot carry at
 * all — C0 controls other than tab/newline/return, lone surrogates, U+FFFE/F —
 * replaced with U+FFFD (a check reason may quote a container's raw output).
 */
export function escapeXml(value: string, attribute: boolean): string {
  const escaped = value
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : escaped.replace(/\r/g, '&#13;');
}
