import { hostname } from 'node:os';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { nodeAccessFor } from '../../cluster/node-access.ts';
import { probeFor } from '../../src/engine/grade.ts';
import { readSettings } from '../../src/home.ts';
import { connect } from '../../src/kube/client.ts';

// Root on the node, on whichever cluster the run brought up (local first, then
// kind): `kubedrill node-shell` as a learner types it (commands piped in, as
// `ssh node01` takes them), and the node probe the grader reaches it through.
const bin = new URL('../../bin/kubedrill', import.meta.url).pathname;

async function nodeShell(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await execa(bin, ['node-shell', ...args], { reject: false, input, env: { NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('node shell and node probe', async () => {
  const settings = await readSettings();
  const provider = settings.provider!;
  const access = (await nodeAccessFor(provider))!;
  const [node] = await access.nodes();

  it('opens a root shell on the node: commands run as root there, on the node itself', async () => {
    expect(node).toBe('kubedrill-control-plane');
    const r = await nodeShell([], `id -u\ncat /etc/hostname\nls ${access.paths.containerdSocket}\n`);
    expect(r.code, r.stderr).toBe(0);
    const [uid, name, socket] = r.stdout.trim().split('\n');
    expect(uid).toBe('0');
    // kind: the node container's hostname is the node's name; local: the node is this host.
    expect(name).toBe(provider === 'kind' ? node : hostname());
    expect(socket).toBe(access.paths.containerdSocket);
    expect(r.stderr).toContain(node);
  });

  it('names the nodes when asked for one that does not exist', async () => {
    const r = await nodeShell(['node-that-is-not'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no node node-that-is-not');
    expect(r.stderr).toContain(node);
  });

  it('the node probe runs a command on the node and returns its exit code and output', async () => {
    const kube = connect({ kubeconfig: settings.kubeconfig!, context: settings.context!, nodes: access });
    const probe = probeFor(kube, 'default', await kube.snapshot('default'));
    // The kubelet's own configuration file, read where the node keeps it: both providers run it on cgroup v1 here.
    const config = await probe.node!(node!, ['cat', access.paths.kubeletConfig], { timeoutMs: 30_000 });
    expect(config.exitCode, config.stderr).toBe(0);
    expect(config.stdout).toContain('kind: KubeletConfiguration');
    expect(config.stdout).toMatch(/failCgroupV1: false/);
    const failing = await probe.node!(node!, ['sh', '-c', 'echo out; echo err >&2; exit 3']);
    expect(failing).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });
});
