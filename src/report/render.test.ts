import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml } from './format-junit.ts';
import { sampleDrill } from './fixtures.ts';
import { pickDrill, renderReport } from './render.ts';
import { REPORT_FORMATS } from './drill-report.ts';

type Case = { '@_name': string; '@_classname': string; '@_time': string; failure?: { '@_message': string; '@_type': string; '#text'?: string }; 'system-out'?: string };

function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name), processEntities: true, htmlEntities: false, parseAttributeValue: false, parseTagValue: false, trimValues: false }).parse(xml);
  return doc.testsuites as { '@_tests': string; '@_failures': string; testsuite: Array<{ '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; '@_timestamp': string; '@_time': string; properties: { property: Array<{ '@_name': string; '@_value': string }> }; testcase: Case[] }> };
}

describe('JUnit report', () => {
  it('parses as JUnit: one suite, a testcase per task plus the verdict, counts that add up', () => {
    const suites = parseJunit(renderReport(sampleDrill(), 'junit'));
    const suite = suites.testsuite[0]!;
    expect(suites.testsuite).toHaveLength(1);
    expect(suite['@_name']).toBe('kubedrill drill lx3k9a2b');
    expect(suite.testcase.map((c) => c['@_name'])).toEqual(['crashloop-exit1', 'oom-stress', 'egress-networkpolicy', 'drill score >= pass mark 66%']);
    expect(suite['@_tests']).toBe('4');
    expect(suite['@_failures']).toBe(String(suite.testcase.filter((c) => c.failure).length));
    expect(suites['@_failures']).toBe('3');
    expect(suite['@_errors']).toBe('0');
    expect(suite['@_time']).toBe('750');
    expect(suite['@_timestamp']).toBe('2025-06-01T14:00:00Z');
    expect(Object.fromEntries(suite.properties.property.map((p) => [p['@_name'], p['@_value']]))).toMatchObject({ score: '37.5', passMark: '66', passed: 'false', seed: 'a1b2c3d4' });
    for (const c of suite.testcase) expect(c['@_classname']).toBe('kubedrill.drill.lx3k9a2b');
  });

  it('a failing task names its failing checks; every reason survives escaping exactly', () => {
    const drill = sampleDrill();
    const [crash, oom, egress, verdict] = parseJunit(renderReport(drill, 'junit')).testsuite[0]!.testcase;
    expect(crash!.failure).toBeUndefined();
    expect(crash!['system-out']).toContain('Deployment api: 2/2 updated & available');
    expect(oom!.failure!['@_message']).toBe('score 0/100; failing: limit-has-headroom, no-oomkilled');
    expect(oom!.failure!['#text']).toContain(drill.tasks[1]!.checks![0]!.reason);
    expect(oom!.failure!['#text']).toContain('pod worker-abc: last state OOMKilled\nexit 137 \ufffd ✗ ü');
    expect(oom!['@_time']).toBe('750');
    expect(egress!.failure!['@_message']).toBe('score 0/100; solution revealed: scores 0');
    expect(egress!.failure!['#text']).toContain("('nc' exit 0)");
    expect(verdict!.failure!['@_message']).toBe('FAILED 37.5% (pass mark 66%)');
  });

  it('a passing drill has no failure on its verdict testcase', () => {
    const suite = parseJunit(renderReport(sampleDrill({ passed: true, score: 70, passMark: 66 }), 'junit')).testsuite[0]!;
    expect(suite.testcase.at(-1)!.failure).toBeUndefined();
    expect(suite['@_failures']).toBe('2');
  });

  it.each([
    { input: 'a < b && c > "d" \'e\'', attribute: true, output: 'a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;' },
    { input: 'line1\nline2\tx', attribute: true, output: 'line1&#10;line2&#9;x' },
    { input: 'line1\nline2', attribute: false, output: 'line1\nline2' },
    { input: 'bell\u0007 nul\u0000 esc\u001b', attribute: false, output: 'bell\ufffd nul\ufffd esc\ufffd' },
    { input: 'lone \ud800 surrogate, ok 😀', attribute: false, output: 'lone \ufffd surrogate, ok 😀' },
  ])('escapeXml($input)', ({ input, attribute, output }) => {
    expect(escapeXml(input, attribute)).toBe(output);
  });
});

describe('text, markdown and json reports', () => {
  it('text: verdict, how it ended, one row per task, failing checks with reasons', () => {
    const text = renderReport(sampleDrill(), 'text');
    expect(text).toMatch(/^Drill lx3k9a2b {2}FAILED 37.5% \(pass mark 66%\)/);
    expect(text).toContain('submitted after 12m30s of 30m00s');
    expect(text).toMatch(/crashloop-exit1\s+4\s+90\s+PASS\s+1\s+5m12s\s+8\/8 points, 1 hint × 10/);
    expect(text).toMatch(/egress-networkpolicy\s+7\s+0\s+FAIL\s+0 \+solution/);
    expect(text).toContain('FAIL limit-has-headroom (2 pts): Deployment worker');
    expect(text).not.toContain('worker-spec-unchanged');
  });

  it.each([
    { ended: 'expired' as const, late: undefined, says: 'time ran out (30m00s): graded on the cluster as it was at the deadline' },
    { ended: 'expired' as const, late: true, says: 'graded after the deadline' },
  ])('text says how a drill ended: $ended', ({ ended, late, says }) => {
    expect(renderReport(sampleDrill({ ended, late }), 'text')).toContain(says);
  });

  it('markdown: a table with one row per task and escaped cells', () => {
    const md = renderReport(sampleDrill(), 'markdown');
    expect(md).toMatch(/^## kubedrill drill `lx3k9a2b`: FAILED 37.5%/);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(5); // header, separator, three tasks
    expect(rows[3]).toBe('| oom-stress | 5 | 0 | FAIL | 0 | - | 0/9 points |');
    expect(md).toContain('saw "64Mi" &lt;too low&gt; &amp; \\| piped');
    expect(md).toContain('OOMKilled exit 137');
  });

  it('json: the result itself, with the documented fields', () => {
    const json = JSON.parse(renderReport(sampleDrill(), 'json'));
    expect(json).toMatchObject({ score: 37.5, passMark: 66, passed: false });
    expect(json.tasks.map((t: { id: string; weight: number; score: number; passed: boolean }) => [t.id, t.weight, t.score, t.passed])).toEqual([
      ['crashloop-exit1', 4, 90, true],
      ['oom-stress', 5, 0, false],
      ['egress-networkpolicy', 7, 0, false],
    ]);
  });

  it('every format renders', () => {
    for (const format of REPORT_FORMATS) expect(renderReport(sampleDrill(), format).length).toBeGreaterThan(50);
  });
});

describe('pickDrill', () => {
  const history = [
    sampleDrill({ id: 'a' }),
    { type: 'attempt' as const, scenario: 's', namespace: 'n', startedAt: '', endedAt: '', passed: true, seconds: 1, hintsUsed: 0, revealed: false },
    sampleDrill({ id: 'b' }),
  ];
  it.each([
    { id: undefined, picked: 'b' },
    { id: 'a', picked: 'a' },
    { id: 'zzz', picked: undefined },
  ])('--drill $id → $picked', ({ id, picked }) => {
    expect(pickDrill(history, id)?.id).toBe(picked);
  });
});
