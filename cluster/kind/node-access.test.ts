import { describe, expect, it } from 'vitest';
import { localNodeAccess } from '../local/node-access.ts';
import { fakeRunner } from './fake-runner.ts';
import { kindNodeAccess } from './node-access.ts';

describe('kind node access', () => {
  it('finds the nodes with kind and runs commands in the node container through the engine that answers', async () => {
    const fake = fakeRunner([
      ['docker info', { exitCode: 1, stderr: 'Cannot connect\n' }],
      ['podman info', { stdout: 'v2\n' }],
      ['kind get nodes --name kubedrill', { stdout: 'kubedrill-control-plane\n' }],
      ['podman exec kubedrill-control-plane cat /var/lib/kubelet/config.yaml', { stdout: 'kind: KubeletConfiguration\n' }],
    ]);
    const access = kindNodeAccess({ runner: fake.run });
    expect(await access.nodes()).toEqual(['kubedrill-control-plane']);
    expect(fake.calls.find((c) => c.argv[0] === 'kind')!.options.env).toEqual({ KIND_EXPERIMENTAL_PROVIDER: 'podman' });
    const result = await access.exec('kubedrill-control-plane', ['cat', access.paths.kubeletConfig]);
    expect(result.stdout).toBe('kind: KubeletConfiguration\n');
    expect(access.shell('kubedrill-control-plane', { tty: true }).argv).toEqual(['podman', 'exec', '-i', '-t', 'kubedrill-control-plane', 'bash', '-l']);
  });

  it('asks for no terminal when the learner pipes commands in', async () => {
    const fake = fakeRunner([['docker info', { stdout: '1\n' }]]);
    const access = kindNodeAccess({ runner: fake.run });
    await access.nodes();
    expect(access.shell('kubedrill-control-plane', { tty: false }).argv).toEqual(['docker', 'exec', '-i', 'kubedrill-control-plane', 'bash', '-l']);
  });
});

describe('local node access', () => {
  it('is this host: one node, its paths under the provider state folder, an unknown node refused', async () => {
    const access = localNodeAccess({ stateDir: '/tmp/kd-state' });
    expect(await access.nodes()).toEqual(['kubedrill-control-plane']);
    expect(access.paths.kubeletConfig).toBe('/tmp/kd-state/config/kubelet.yaml');
    expect((await access.exec('kubedrill-control-plane', ['sh', '-c', 'echo $0; exit 4'])).exitCode).toBe(4);
    const refused = await access.exec('node01', ['true']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('its one node is kubedrill-control-plane');
    const shell = access.shell('kubedrill-control-plane', { tty: false });
    expect(shell.env?.CONTAINER_RUNTIME_ENDPOINT).toBe('unix:///tmp/kd-state/run/containerd.sock');
    expect(shell.intro.join('\n')).toContain('/tmp/kd-state/config/kubelet.yaml');
  });
});
