import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillResult } from '../../src/drill/record.ts';
import type { Settings } from '../../src/home.ts';

// Timed drills on the real cluster, run as a learner would: the CLI binary,
// non-interactive (no TTY), kubectl and the scenarios' own solution.sh.
// A KUBEDRILL_HOME of its own (the cluster from the ambient settings, a fresh
// signing key and history) so nothing here touches the user's history.
const bin = new URL('../../bin/kubedrill', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;
const ambientHome = process.env.KUBEDRILL_HOME || join(homedir(), '.kubedrill');
const home = mkdtempSync(join(tmpdir(), 'kd-real-drill-'));
let settings: Settings = {};
let kubeconfig = '';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kd(...args: string[]): Promise<Run> {
  const r = await execa(bin, args, { reject: false, stdin: 'ignore', env: { KUBEDRILL_HOME: home, NO_COLOR: '1' }, timeout: 900_000 });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

async function kubectl(...args: string[]): Promise<Run> {
  const r = await execa('kubectl', args, { reject: false, env: { KUBECONFIG: kubeconfig, PATH: `${join(ambientHome, 'bin')}:${process.env.PATH}` } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The scenario's reference fix, as `verify` runs it: sh, KUBECONFIG and NS, kubectl on PATH. */
async function solution(scenario: string, namespace: string): Promise<void> {
  const r = await execa('sh', [join(root, 'scenarios', scenario, 'solution.sh')], { reject: false, env: { KUBECONFIG: kubeconfig, NS: namespace, PATH: `${join(ambientHome, 'bin')}:${process.env.PATH}` } });
  expect(r.exitCode, String(r.all ?? r.stderr)).toBe(0);
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Another test (or helper) may hold a scenario's namespace: wait until it is free. */
async function namespacesFree(...names: string[]): Promise<void> {
  await until(`namespaces ${names.join(', ')} to be free`, 900_000, async () => {
    const r = await kubectl('get', 'namespace', ...names, '--ignore-not-found', '-o', 'name');
    return r.code === 0 && r.stdout.trim() === '' ? true : undefined;
  });
}

function parseJunit(xml: string): { tests: number; failures: number; cases: Array<{ name: string; failed: boolean }> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(xml);
  const suite = doc.testsuites.testsuite[0];
  return {
    tests: Number(suite['@_tests']),
    failures: Number(suite['@_failures']),
    cases: suite.testcase.map((c: { '@_name': string; failure?: unknown }) => ({ name: c['@_name'], failed: c.failure !== undefined })),
  };
}

beforeAll(async () => {
  copyFileSync(join(ambientHome, 'settings.json'), join(home, 'settings.json'));
  settings = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')) as Settings;
  process.env.KUBEDRILL_HOME = home;
  const { scriptKubeconfig } = await import('../../src/cli/cluster.ts');
  kubeconfig = await scriptKubeconfig({ provider: settings.provider!, kubeconfig: settings.kubeconfig!, context: settings.context! });
});

afterAll(async () => {
  // A failed test may leave its drill behind: submit ends it and removes its namespaces.
  const status = await kd('drill', 'status', '--json');
  if (status.code === 0 && (JSON.parse(status.stdout) as { drills: unknown[] }).drills.length) await kd('drill', 'submit');
});

describe('kubedrill drill on a real cluster', () => {
  it('seeded two-task drill: crashloop fixed by its solution, oom left broken → weighted score, verdict against the pass mark', async () => {
    await namespacesFree('crashloop', 'oom');
    const started = await kd('drill', '--scenarios', 'crashloop-exit1,oom-stress', '--seed', '7', '--time', '20m', '--json');
    expect(started.code, started.stderr).toBe(0);
    const drill = JSON.parse(started.stdout) as { id: string; seed: string; deadline: string; passMark: number; tasks: Array<{ id: string; namespace: string; weight: number }> };
    expect(drill).toMatchObject({ seed: '7', passMark: 66 });
    expect(drill.tasks.map((t) => [t.id, t.namespace])).toEqual([['crashloop-exit1', 'crashloop'], ['oom-stress', 'oom']]);
    // Each task is in its scenario's own namespace, labelled with the drill, symptom already seen.
    expect((await kubectl('get', 'namespace', 'crashloop', '-o', 'jsonpath={.metadata.labels.kubedrill\\.io/drill}')).stdout).toBe(drill.id);

    const status = JSON.parse((await kd('drill', 'status', '--json')).stdout) as { drills: Array<{ id: string; secondsLeft: number; tasks: unknown[] }> };
    expect(status.drills).toHaveLength(1);
    expect(status.drills[0]).toMatchObject({ id: drill.id, tasks: [{ id: 'crashloop-exit1' }, { id: 'oom-stress' }] });
    expect(status.drills[0]!.secondsLeft).toBeGreaterThan(1000);
    const second = await kd('drill', '--scenarios', 'missing-configmap', '--time', '5m');
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`drill ${drill.id} is still in the cluster`);

    await solution('crashloop-exit1', 'crashloop');
    expect((await kubectl('-n', 'crashloop', 'rollout', 'status', 'deployment/api', '--timeout=240s')).code).toBe(0);

    const submitted = await kd('drill', 'submit', '--json');
    const result = JSON.parse(submitted.stdout) as DrillResult;
    expect(result.tasks.map((t) => ({ id: t.id, weight: t.weight, passed: t.passed }))).toEqual([
      { id: 'crashloop-exit1', weight: 4, passed: true },
      { id: 'oom-stress', weight: 5, passed: false },
    ]);
    expect(result.tasks[0]!.score).toBe(100);
    expect(result.tasks[1]!.score).toBe(0);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThan(100);
    expect(result.score).toBeCloseTo((4 * 100) / 9, 1);
    expect(result).toMatchObject({ passMark: 66, passed: result.score >= 66, ended: 'submitted' });
    expect(submitted.code).toBe(result.passed ? 0 : 1);

    // The drill ended: its namespaces and record are gone; history and reports have it.
    await until('drill namespaces deleted', 180_000, async () => ((await kubectl('get', 'namespace', 'crashloop', 'oom', `kubedrill-drill-${drill.id}`, '--ignore-not-found', '-o', 'name')).stdout.trim() === '' ? true : undefined));
    expect(JSON.parse((await kd('report', '--format', 'json', '--drill', drill.id)).stdout)).toEqual(result);
    const junit = parseJunit((await kd('report', '--format', 'junit', '--last')).stdout);
    expect(junit).toMatchObject({ tests: 3, failures: 2 });
    expect(junit.cases).toEqual([
      { name: 'crashloop-exit1', failed: false },
      { name: 'oom-stress', failed: true },
      { name: 'drill score >= pass mark 66%', failed: true },
    ]);
    const history = await kd('history');
    expect(history.stdout).toMatch(/crashloop-exit1\s+1\s+█+ 100%/);
    expect(history.stdout).toMatch(/Drills \(1\)/);
  });

  it('a drill whose time runs out is graded by the timer on the state at expiry; a fix after it does not count', async () => {
    await namespacesFree('crashloop');
    const started = await kd('drill', '--scenarios', 'crashloop-exit1', '--time', '45s', '--json');
    expect(started.code, started.stderr).toBe(0);
    const drill = JSON.parse(started.stdout) as { id: string; deadline: string };

    // Nobody submits: the detached timer grades at the deadline (the `drill` command has long returned).
    const graded = await until('the timer to grade the drill', 240_000, async () => {
      const status = JSON.parse((await kd('drill', 'status', '--json')).stdout) as { drills: Array<{ id: string; result: DrillResult | null }> };
      return status.drills.find((d) => d.id === drill.id)?.result ?? undefined;
    });
    expect(graded).toMatchObject({ ended: 'expired', score: 0, passed: false });
    expect(graded.late).toBeUndefined();
    const gradedAt = Date.parse(graded.endedAt);
    expect(gradedAt).toBeGreaterThanOrEqual(Date.parse(drill.deadline));
    expect(gradedAt - Date.parse(drill.deadline)).toBeLessThan(60_000);
    expect(readFileSync(join(home, 'drills', `${drill.id}.log`), 'utf8')).toMatch(/: graded: 0% FAILED/);

    // Fixing it after the deadline changes nothing: submit returns the result taken at expiry.
    await solution('crashloop-exit1', 'crashloop');
    expect((await kubectl('-n', 'crashloop', 'rollout', 'status', 'deployment/api', '--timeout=240s')).code).toBe(0);
    const submitted = await kd('drill', 'submit', '--json');
    expect(submitted.code).toBe(1);
    expect(JSON.parse(submitted.stdout)).toEqual(graded);
    const drills = readFileSync(join(home, 'history'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { type: string; id?: string }).filter((e) => e.type === 'drill' && e.id === drill.id);
    expect(drills).toHaveLength(1);
    expect(existsSync(join(home, 'drills', `${drill.id}.lock`))).toBe(false);
  });
});
