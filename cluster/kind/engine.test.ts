import { describe, expect, it } from 'vitest';
import { ClusterError } from '../errors.ts';
import { detectEngine, probeEngines, requireEngine } from './engine.ts';
import { fakeRunner } from './fake-runner.ts';
import type { FakeScript } from './fake-runner.ts';

const dockerDown: FakeScript[number] = [
  'docker info',
  { exitCode: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' },
];
const podmanMissing: FakeScript[number] = ['podman info', { exitCode: 127, stderr: 'bash: podman: command not found\n' }];

describe('detectEngine', () => {
  it.each<{ name: string; script: FakeScript; preferred?: string; want: unknown; asked: string[] }>([
    {
      name: 'docker answers (cgroup v2)',
      script: [['docker info', { stdout: '2\n' }]],
      want: { name: 'docker', cgroupVersion: 2 },
      asked: ['docker'],
    },
    {
      name: 'docker answers on a cgroup v1 host',
      script: [['docker info', { stdout: '1\n' }]],
      want: { name: 'docker', cgroupVersion: 1 },
      asked: ['docker'],
    },
    {
      name: 'only podman answers',
      script: [dockerDown, ['podman info', { stdout: 'v2\n' }]],
      want: { name: 'podman', cgroupVersion: 2 },
      asked: ['docker', 'podman'],
    },
    {
      name: 'podman on cgroup v1',
      script: [dockerDown, ['podman info', { stdout: 'v1\n' }]],
      want: { name: 'podman', cgroupVersion: 1 },
      asked: ['docker', 'podman'],
    },
    {
      name: 'KIND_EXPERIMENTAL_PROVIDER=podman asks podman first',
      script: [['docker info', { stdout: '2\n' }], ['podman info', { stdout: 'v2\n' }]],
      preferred: 'podman',
      want: { name: 'podman', cgroupVersion: 2 },
      asked: ['podman'],
    },
    {
      name: 'none answers',
      script: [dockerDown, podmanMissing],
      want: null,
      asked: ['docker', 'podman'],
    },
    {
      name: 'a wedged docker (timed out) counts as not answering',
      script: [['docker info', { exitCode: -1, stderr: 'timed out after 5000ms\n' }], podmanMissing],
      want: null,
      asked: ['docker', 'podman'],
    },
  ])('$name', async ({ script, preferred, want, asked }) => {
    const fake = fakeRunner(script);
    expect(await detectEngine({ runner: fake.run, preferred })).toEqual(want);
    expect(fake.calls.map((call) => call.argv[0])).toEqual(asked);
    for (const call of fake.calls) expect(call.options.timeoutMs).toBe(5000);
  });

  it('asks with a format that prints only the cgroup version', async () => {
    const fake = fakeRunner([dockerDown, podmanMissing]);
    await probeEngines({ runner: fake.run, timeoutMs: 2000 });
    expect(fake.commands()).toEqual([
      'docker info --format {{.CgroupVersion}}',
      'podman info --format {{.Host.CgroupsVersion}}',
    ]);
    expect(fake.calls[0]!.options.timeoutMs).toBe(2000);
  });
});

describe('requireEngine', () => {
  it('fails with exit-3 ClusterError naming what was tried and how to fix it', async () => {
    const fake = fakeRunner([dockerDown, podmanMissing]);
    const error = await requireEngine({ runner: fake.run }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClusterError);
    const cluster = error as ClusterError;
    expect(cluster.message).toMatch(/no container engine answers \(docker: Cannot connect.*; podman: not installed\)/);
    expect(cluster.fix).toContain('docker info');
    expect(cluster.fix).toContain('--provider existing --context C');
  });

  it('returns the engine that answers', async () => {
    const fake = fakeRunner([['docker info', { stdout: '2' }]]);
    expect(await requireEngine({ runner: fake.run })).toEqual({ name: 'docker', cgroupVersion: 2 });
  });
});
