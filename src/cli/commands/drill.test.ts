import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sampleDrill } from '../../report/fixtures.ts';

// The drill commands through the real binary, without a cluster: argument
// handling (exit 2 before any cluster is touched), and history/report, which
// read only $KUBEDRILL_HOME/history.
const bin = new URL('../../../bin/kubedrill', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'kd-drill-cli-'));
const older = sampleDrill({ id: 'older', score: 20, passed: false });
writeFileSync(join(home, 'history'), [older, sampleDrill()].map((e) => JSON.stringify(e)).join('\n') + '\n');
// An `existing` cluster that cannot answer: a command that wrongly reached for the cluster fails
// instead of bringing one up (`drill` connects with autoUp).
writeFileSync(join(home, 'settings.json'), JSON.stringify({ provider: 'existing', kubeconfig: join(home, 'no-kubeconfig'), context: 'none' }));
const empty = mkdtempSync(join(tmpdir(), 'kd-drill-cli-empty-'));

async function kubedrill(args: string[], kubedrillHome = home): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await execa(bin, args, { reject: false, stdin: 'ignore', env: { KUBEDRILL_HOME: kubedrillHome, NO_COLOR: '1' } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('kubedrill drill, history and report (no cluster)', () => {
  it.each([
    { args: ['drill', '--count', '0'], stderr: /--count must be a whole number >= 1/ },
    { args: ['drill', '--count', '999'], stderr: /only \d+ scenarios/ },
    { args: ['drill', '--scenarios', 'crashloop-exit1,nope'], stderr: /unknown scenario "nope"/ },
    { args: ['drill', '--domain', 'astrology'], stderr: /argument 'astrology' is invalid/ },
    { args: ['drill', '--seed', '1', '--hint-cost', '2'], stderr: /--hint-cost must be a fraction/ },
    { args: ['drill', '--seed', '1', '--pass-mark', '120'], stderr: /--pass-mark must be a percentage/ },
    { args: ['drill', '--seed', '1', '--time', 'soon'], stderr: /--time must be a duration/ },
    { args: ['report', '--drill', 'nope'], stderr: /no drill nope in history/ },
    { args: ['report', '--last', '--drill', 'older'], stderr: /pick one/ },
    { args: ['report', '--format', 'pdf'], stderr: /argument 'pdf' is invalid/ },
  ])('$args → exit 2', async ({ args, stderr }) => {
    const r = await kubedrill(args);
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(2);
  }, 60_000);

  it.each([['drill', 'status'], ['drill', 'submit']])('%s %s without a cluster → exit 3', async (...args) => {
    const r = await kubedrill(args, empty);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no cluster yet/);
  }, 60_000);

  it.each([
    { args: ['report'], check: (out: string) => expect(out).toMatch(/^Drill lx3k9a2b {2}FAILED 37.5%/) },
    { args: ['report', '--drill', 'older', '--format', 'json'], check: (out: string) => expect(JSON.parse(out)).toEqual(older) },
    { args: ['report', '--format', 'junit'], check: (out: string) => expect(XMLValidator.validate(out)).toBe(true) },
    { args: ['report', '--format', 'markdown', '--last'], check: (out: string) => expect(out).toMatch(/^## kubedrill drill `lx3k9a2b`/) },
    { args: ['history'], check: (out: string) => expect(out).toMatch(/Drills \(2\): ▂▄ {2}last 37.5% FAIL/) },
    { args: ['history', '--json'], check: (out: string) => expect(JSON.parse(out).drills.map((d: { id: string }) => d.id)).toEqual(['older', 'lx3k9a2b']) },
  ])('$args', async ({ args, check }) => {
    const r = await kubedrill(args);
    expect(r.code, r.stderr).toBe(0);
    check(r.stdout);
  }, 60_000);

  it('report without any drill in history says how to get one', async () => {
    const r = await kubedrill(['report'], empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no finished drill in history yet[\s\S]*fix: /);
  }, 60_000);
});
