import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerRecordFile } from '../../cluster/learner-kubeconfig.ts';
import { localPaths, versions } from '../../cluster/local/settings.ts';

// `kubedrill up` in a learner's shell: a temporary HOME and KUBECONFIG (never
// this machine's own), the real KUBEDRILL_HOME and cache so the running cluster
// is found and nothing is rebuilt. The byte-for-byte restore by `down` is proven
// in local-down.test.ts (down cannot run in the middle of the real tests).
const paths = localPaths();
const machineKubeconfig = path.join(os.homedir(), '.kube', 'config');
const machineBefore = existsSync(machineKubeconfig) ? readFileSync(machineKubeconfig) : null;
const seed = `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: https://127.0.0.1:1
  name: elsewhere
contexts:
- context:
    cluster: elsewhere
    namespace: team-a
    user: someone
  name: elsewhere
current-context: elsewhere
preferences: {}
users:
- name: someone
  user:
    token: not-a-real-token
`;

let dir: string;
let kubeconfig: string;
let env: Record<string, string>;

interface Config {
  clusters: Array<{ name: string }>;
  contexts: Array<{ name: string; context: object }>;
  users: Array<{ name: string }>;
  'current-context': string;
}

/** `bin/kubedrill up --provider local` as the learner would run it, with `kubectl` on PATH from `bin`. */
async function up(bin: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const result = await $({ nothrow: true, quiet: true, env: { ...env, PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin` }, timeout: '1200s' })`bin/kubedrill up --provider local`;
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? 1 };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kd-kubeconfig-'));
  kubeconfig = path.join(dir, 'kube', 'config');
  mkdirSync(path.dirname(kubeconfig));
  mkdirSync(path.join(dir, 'home'));
  writeFileSync(kubeconfig, seed, { mode: 0o600 });
  // An old kubectl first on PATH, as on a machine with a distribution's kubectl.
  mkdirSync(path.join(dir, 'old-bin'));
  writeFileSync(path.join(dir, 'old-bin', 'kubectl'), `#!/bin/sh\necho '{"clientVersion":{"gitVersion":"v1.32.4-dispatcher"}}'\n`);
  chmodSync(path.join(dir, 'old-bin', 'kubectl'), 0o755);
  env = {
    HOME: path.join(dir, 'home'),
    KUBECONFIG: kubeconfig,
    KUBEDRILL_HOME: paths.home,
    KUBEDRILL_CACHE: paths.cache,
    NO_COLOR: '1',
  };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kubedrill up: plain kubectl works in the learner shell', () => {
  it('merges kubedrill-local into KUBECONFIG, keeps the other context, and warns once about an old kubectl', async () => {
    const result = await up(path.join(dir, 'old-bin'));
    expect(result.exitCode, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`kubectl context: kubedrill-local (merged into ${kubeconfig})`);
    expect(lines.filter((line) => line.startsWith('WARNING:'))).toEqual([
      `WARNING: kubectl on PATH is ${path.join(dir, 'old-bin', 'kubectl')}: kubectl v1.32.4-dispatcher is 4 minor versions older than the server ${versions.kubernetes} (kubectl supports one minor version either way); fix: eval "$(kubedrill env)" puts kubectl ${versions.kubernetes} first on PATH, or use \`kubedrill shell\``,
    ]);
    const merged = parse(readFileSync(kubeconfig, 'utf8')) as Config;
    const original = parse(seed) as Config;
    expect(merged['current-context']).toBe('kubedrill-local');
    expect(merged.contexts.find((c) => c.name === 'elsewhere')).toEqual(original.contexts[0]);
    expect(merged.clusters.map((c) => c.name)).toEqual(['elsewhere', 'kubedrill-local']);
    expect(merged.users.map((u) => u.name)).toEqual(['someone', 'kubedrill-local-admin']);
    expect(readFileSync(kubeconfig, 'utf8')).not.toMatch(/certificate-authority:|client-certificate:|client-key:/);
    const record = JSON.parse(readFileSync(learnerRecordFile(paths.home), 'utf8')) as { files: Record<string, { original?: string }> };
    expect(Buffer.from(record.files[kubeconfig]?.original ?? '', 'base64').toString('utf8')).toBe(seed);
  });

  it('the kubectl kubedrill links lists namespaces with only KUBECONFIG set; the other context is still there', async () => {
    const kubectl = path.join(paths.binDir, 'kubectl');
    const shell = { env: { KUBECONFIG: kubeconfig, HOME: env.HOME!, PATH: '/usr/bin:/bin' }, quiet: true, nothrow: true };
    const namespaces = await $(shell)`${kubectl} get ns -o name`;
    expect(namespaces.exitCode, namespaces.stderr).toBe(0);
    expect(namespaces.stdout.split('\n')).toEqual(expect.arrayContaining(['namespace/default', 'namespace/kube-system']));
    const contexts = await $(shell)`${kubectl} config get-contexts -o name`;
    expect(contexts.stdout.trim().split('\n').sort()).toEqual(['elsewhere', 'kubedrill-local']);
    // Works from any directory: certificates are inlined, not paths.
    const elsewhere = await $({ ...shell, cwd: '/' })`${kubectl} --context kubedrill-local get --raw /version`;
    expect(JSON.parse(elsewhere.stdout)).toMatchObject({ gitVersion: versions.kubernetes });
  });

  it('a second up with the matching kubectl first on PATH: same file, no warning, "kubectl works in this shell"', async () => {
    const before = readFileSync(kubeconfig);
    const result = await up(paths.binDir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`kubectl context: kubedrill-local (merged into ${kubeconfig}; kubectl works in this shell)`);
    expect(result.stdout).not.toContain('WARNING');
    expect(readFileSync(kubeconfig).equals(before)).toBe(true);
  });

  it("never touches this machine's own kubeconfig", () => {
    const after = existsSync(machineKubeconfig) ? readFileSync(machineKubeconfig) : null;
    expect(after === null ? null : after.toString('base64')).toBe(machineBefore === null ? null : machineBefore.toString('base64'));
  });
});
