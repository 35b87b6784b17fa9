import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/kubedrill', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'kubedrill-cli-'));

/** Run the real CLI with an empty KUBEDRILL_HOME (no cluster recorded) and no TTY. */
async function kubedrill(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await execa(bin, args, { reject: false, stdin: 'ignore', env: { KUBEDRILL_HOME: home, NO_COLOR: '1' } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

// Each case starts the real CLI (Node + TypeScript stripping): allow for a busy machine.
describe('kubedrill CLI contract', { timeout: 30_000 }, () => {
  it('--help lists every command of the contract', async () => {
    const { code, stdout } = await kubedrill('--help');
    expect(code).toBe(0);
    for (const command of ['list', 'up', 'down', 'start', 'status', 'hint', 'check', 'solution', 'reset', 'stop', 'drill', 'history', 'report', 'verify', 'validate', 'node-shell']) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('list --json shows the catalogue: the six mission scenarios, Catalogues I, II and III', async () => {
    const { code, stdout } = await kubedrill('list', '--json');
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout) as { scenarios: Array<{ id: string }> }).scenarios.map((s) => s.id).sort();
    expect(ids).toEqual([
      'bad-image-tag', 'config-wrong-path', 'configmap-missing-key', 'crashloop-exit1', 'daemonizing-command', 'dns-other-namespace',
      'egress-networkpolicy', 'ingress-policy', 'init-waits-forever', 'job-backoff', 'liveness-wrong-port', 'missing-configmap', 'oom-stress',
      'pending-node-selector', 'pending-requests', 'podsecurity-restricted', 'priority-preemption', 'pvc-unbound', 'quota-exceeded',
      'rbac-forbidden', 'readiness-no-endpoints', 'readonly-rootfs', 'rollout-to-revision', 'secret-missing', 'service-selector',
      'service-targetport', 'sidecar-log-shipper', 'startup-too-short', 'statefulset-stuck',
    ]);
  });

  it.each([
    { args: ['frobnicate'], code: 2, stderr: /unknown command/ },
    { args: ['verify', 'crashloop-exit1', 'oom-stress'], code: 2, stderr: /too many arguments for 'verify'/ },
    { args: ['start'], code: 2, stderr: /missing required argument/ },
    { args: ['start', 'no-such-scenario'], code: 2, stderr: /unknown scenario "no-such-scenario"/ },
    { args: ['up', '--provider', 'docker-swarm'], code: 2, stderr: /unknown provider/ },
    { args: ['verify'], code: 2, stderr: /name a scenario, pass --all, or --from <folder>/ },
    { args: ['verify', 'crashloop-exit1', '--case', 'shortcut/no-such-case'], code: 2, stderr: /no case shortcut\/no-such-case \(cases are named solution, fix\/<name>, shortcut\/<name>\)/ },
    { args: ['check'], code: 3, stderr: /no cluster yet[\s\S]*fix: run `kubedrill up`/ },
    { args: ['status'], code: 3, stderr: /no cluster yet/ },
    { args: ['validate', 'test/invalid-scenarios/nc-zv-in-command'], code: 2, stderr: /nc -z/ },
    { args: ['up', '--provider', 'local', '--node-image', 'kindest/node:v1.36.1'], code: 2, stderr: /--node-image goes with the kind provider/ },
    { args: ['node-shell'], code: 3, stderr: /no cluster yet/ },
  ])('kubedrill $args → exit $code', async ({ args, code, stderr }) => {
    const result = await kubedrill(...args);
    expect(result.stderr).toMatch(stderr);
    expect(result.code).toBe(code);
  });

  it('without a TTY, no command prints help and exits 2 instead of opening the menu', async () => {
    const { code, stderr } = await kubedrill();
    expect(code).toBe(2);
    expect(stderr).toMatch(/interactive menu needs a terminal/);
  });

  it('validate passes on the shipped scenarios', async () => {
    const { code, stdout } = await kubedrill('validate');
    expect(stdout).toMatch(/all scenarios valid/);
    expect(code).toBe(0);
  });
});
