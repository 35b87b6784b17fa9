import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/home.ts';
import { clusterKubectl } from './helpers/kubectl-path.ts';

// The learner's first hour on the real cluster, through the CLI binary as a
// learner runs it: start shows the task and the kubectl context, a wrong fix
// gets a hint that looks at the cluster, the solution passes with a debrief,
// and `kubedrill shell` gives `k` with completion. A KUBEDRILL_HOME of its own
// (the cluster from the ambient settings, its kubectl linked), so nothing here
// touches the user's history or keys.
const bin = new URL('../../bin/kubedrill', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;
const ambientHome = process.env.KUBEDRILL_HOME || join(homedir(), '.kubedrill');
const home = mkdtempSync(join(tmpdir(), 'kd-real-learner-'));
const ns = 'crashloop';
let kubeconfig = '';
let settings: Settings = {};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kd(args: string[], input?: string): Promise<Run> {
  const r = await execa(bin, args, { reject: false, ...(input === undefined ? { stdin: 'ignore' as const } : { input }), env: { KUBEDRILL_HOME: home, NO_COLOR: '1' }, timeout: 600_000 });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

async function kubectl(...args: string[]): Promise<Run> {
  const r = await execa(join(home, 'bin', 'kubectl'), args, { reject: false, env: { KUBECONFIG: kubeconfig } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

beforeAll(async () => {
  settings = JSON.parse(readFileSync(join(ambientHome, 'settings.json'), 'utf8')) as Settings;
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ provider: settings.provider, kubeconfig: settings.kubeconfig, context: settings.context }));
  mkdirSync(join(home, 'bin'));
  symlinkSync(clusterKubectl(), join(home, 'bin', 'kubectl'));
  const env = await kd(['env', '--shell', 'bash']);
  expect(env.code, env.stderr).toBe(0);
  kubeconfig = /KUBECONFIG='([^']+)'/.exec(env.stdout)![1]!;
  // Another test may still be leaving the namespace.
  const deadline = Date.now() + 300_000;
  while ((await kubectl('get', 'namespace', ns, '--ignore-not-found', '-o', 'name')).stdout.trim() !== '' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000));
  }
});

afterAll(async () => {
  await kd(['stop', 'crashloop-exit1']);
});

describe('the learner\'s first hour (crashloop-exit1)', () => {
  it('start shows the task, then the kubectl context', async () => {
    const r = await kd(['start', 'crashloop-exit1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('the pods of Deployment api keep restarting');
    expect(r.stdout).toContain(`kubectl context: ${settings.context}`);
  });

  it('env sets KUBECONFIG (local: and puts the cluster\'s own kubectl first on PATH)', async () => {
    const r = await kd(['env', '--shell', 'bash']);
    expect(r.stdout).toContain('KUBECONFIG=');
    if (settings.provider === 'local') expect(r.stdout).toContain(`export PATH='${join(home, 'bin')}':"$PATH";`);
    expect((await kubectl('-n', ns, 'get', 'deployment', 'api', '-o', 'name')).stdout.trim()).toBe('deployment.apps/api');
  });

  it('hint after a wrong fix points at what still fails, without the answer', async () => {
    expect((await kubectl('-n', ns, 'set', 'env', 'deployment/api', 'REDIS_HOST=localhost')).code).toBe(0);
    const started = Date.now();
    const r = await kd(['hint']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Hint 1\/3: /m);
    expect(r.stdout).toMatch(/^Look at /m);
    expect(r.stdout).not.toMatch(/api-config|REDIS_HOST=redis/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('check before the pass has no debrief; after the solution it passes with one', async () => {
    const before = await kd(['check', '--json']);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).debrief).toBeUndefined();

    const fix = await execa('sh', [join(root, 'scenarios', 'crashloop-exit1', 'solution.sh')], { reject: false, env: { KUBECONFIG: kubeconfig, NS: ns, PATH: `${join(home, 'bin')}:${process.env.PATH}` } });
    expect(fix.exitCode, String(fix.stderr)).toBe(0);
    const r = await kd(['check', '--wait', '3m']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('What you changed');
    expect(r.stdout).toContain('Deployment api: spec.template.spec.containers[api].env + REDIS_HOST (from ConfigMap api-config)');
    expect(r.stdout).toContain('Why it broke');
    expect(r.stdout).toMatch(/Fixes that also pass\n {2}solution: /);

    const json = JSON.parse((await kd(['check', '--json'])).stdout) as { passed: boolean; debrief: { changes: Array<{ object: string }>; explanation: string } };
    expect(json.passed).toBe(true);
    expect(json.debrief.changes.map((c) => c.object)).toEqual(['Deployment api']);
    expect(json.debrief.explanation.split('\n').length).toBeGreaterThanOrEqual(3);
  });

  it('shell: k with completion, the attempt namespace in the prompt, exit returns', async () => {
    // Tab completion as bash runs it for `k get deploym<TAB>` (works without the bash-completion package).
    const complete = 'COMP_WORDS=(k get deploym); COMP_CWORD=2; COMP_LINE="k get deploym"; COMP_POINT=${#COMP_LINE}; __start_kubectl k deploym get; echo "completions=${COMPREPLY[*]}"';
    const r = await kd(['shell', '--shell', 'bash'], `k -n ${ns} get deployment api -o name\ncomplete -p k\n${complete}\necho "prompt=$PS1"\nexit\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('deployment.apps/api');
    expect(r.stdout).toContain('complete -o default -F __start_kubectl k');
    expect(r.stdout).toContain('completions=deployments.apps');
    expect(r.stdout).toContain(`prompt=[kubedrill ${settings.context} ns:${ns}]`);
  });
});
