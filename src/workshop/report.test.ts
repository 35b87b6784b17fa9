import { describe, expect, it } from 'vitest';
import { renderWorkshopReport, totals } from './report.ts';
import type { TaskStatus, WorkshopRecord } from './workshop.ts';

const record: WorkshopRecord = { name: 'cka-day1', control: 'kubedrill-ws-cka-day1', seats: ['ana', 'bo'], scenarios: ['crashloop-exit1', 'egress-networkpolicy'], createdAt: '2026-12-03T09:00:00.000Z', endsAt: '2026-12-03T09:45:00.000Z' };
const task = (seat: string, scenario: string, extra: Partial<TaskStatus>): TaskStatus => ({ seat, scenario, namespace: `${seat}-${scenario.split('-')[0]}`, state: 'failing', points: 0, maxPoints: 10, hintsUsed: 0, revealed: false, ...extra });
const tasks = [
  task('ana', 'crashloop-exit1', { state: 'passed', points: 10, passedAt: '2026-12-03T09:12:00.000Z', secondsToPass: 700, hintsUsed: 1 }),
  task('ana', 'egress-networkpolicy', { points: 4, reason: 'app-reaches-db: egress to db:5432, "blocked", saw <timeout>' }),
  task('bo', 'crashloop-exit1', { state: 'missing', reason: 'no active attempt in namespace bo-crashloop' }),
  task('bo', 'egress-networkpolicy', { revealed: true }),
];

describe('workshop report', () => {
  it('totals the room and each seat', () => {
    expect(totals(tasks)).toEqual({ passed: 1, total: 4, seats: { ana: { passed: 1, points: 14, maxPoints: 20 }, bo: { passed: 0, points: 0, maxPoints: 20 } } });
  });

  it('CSV: one row per seat and task, quoted where a reason needs it', () => {
    const lines = renderWorkshopReport(record, tasks, 'csv').trimEnd().split('\n');
    expect(lines[0]).toBe('seat,task,namespace,state,points,max_points,passed_at,seconds_to_pass,hints,solution_revealed,first_failing_check');
    expect(lines[1]).toBe('ana,crashloop-exit1,ana-crashloop,passed,10,10,2026-12-03T09:12:00.000Z,700,1,false,');
    expect(lines[2]).toBe('ana,egress-networkpolicy,ana-egress,failing,4,10,,,0,false,"app-reaches-db: egress to db:5432, ""blocked"", saw <timeout>"');
    expect(lines).toHaveLength(5);
  });

  it('JUnit: a suite per seat, a failure per task not passed, escaped', () => {
    const xml = renderWorkshopReport(record, tasks, 'junit');
    expect(xml).toContain('<testsuites name="workshop cka-day1" tests="4" failures="3">');
    expect(xml).toContain('<testsuite name="ana" tests="2" failures="1">');
    expect(xml).toContain('<testcase classname="cka-day1.ana" name="crashloop-exit1" time="700"></testcase>');
    expect(xml).toContain('<failure message="app-reaches-db: egress to db:5432, &quot;blocked&quot;, saw &lt;timeout&gt;">');
  });

  it('Markdown and JSON say the same', () => {
    const md = renderWorkshopReport(record, tasks, 'markdown');
    expect(md).toContain('2 seats × 2 tasks (crashloop-exit1, egress-networkpolicy), 2026-12-03T09:00:00.000Z to 2026-12-03T09:45:00.000Z: 1 of 4 tasks passed.');
    expect(md).toContain('| ana | crashloop-exit1 | passed | 10/10 | 12 min | 1 |  |');
    expect(md).toContain('| bo | egress-networkpolicy | failing | 0/10 |  | 0 (solution shown) |  |');
    expect(JSON.parse(renderWorkshopReport(record, tasks, 'json')).totals.passed).toBe(1);
  });
});
