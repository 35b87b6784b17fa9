import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ClusterError } from '../errors.ts';
import { silentProgress } from '../progress.ts';
import { fakeRunner } from './fake-runner.ts';
import type { FakeScript } from './fake-runner.ts';
import { kindProvider } from './index.ts';
import { nodeImage } from './pins.ts';

const kubeconfigText = 'apiVersion: v1\nkind: Config\ncurrent-context: kind-kubedrill\n';
const readyNodes = JSON.stringify({
  items: [
    {
      metadata: { name: 'kubedrill-control-plane' },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.36.1' } },
    },
  ],
});

let home = '';
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-kind-test-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** A machine with docker on cgroup v2 and kind v0.32.0, plus the given extras. */
function machine(extra: FakeScript = []): ReturnType<typeof fakeRunner> {
  return fakeRunner([
    ['docker info', { stdout: '2\n' }],
    ['kind version -q', { stdout: '0.32.0\n' }],
    ['kind get clusters', { stderr: 'No kind clusters found.\n' }],
    ['kind get kubeconfig --name kubedrill', { stdout: kubeconfigText }],
    ...extra,
  ]);
}

const kube = (rest: string): string =>
  `kubectl --kubeconfig ${path.join(home, 'kind', 'kubeconfig')} --context kind-kubedrill ${rest}`;
const waitReady = (): string => kube('wait --for=condition=Ready node --all --timeout=120s');

describe('kind provider up', () => {
  it('creates the cluster from the generated config when it does not exist', async () => {
    const fake = machine();
    const access = await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: ['busybox:1.36'] });
    const config = path.join(home, 'kind', 'kind-config.yaml');
    expect(fake.commands()).toEqual([
      'docker info --format {{.CgroupVersion}}',
      'kind version -q',
      'kind get clusters',
      `kind create cluster --name kubedrill --config ${config} --wait 120s`,
      'kind get kubeconfig --name kubedrill',
      waitReady(),
    ]);
    expect(access).toEqual({ provider: 'kind', kubeconfig: path.join(home, 'kind', 'kubeconfig'), context: 'kind-kubedrill' });
    const written = parse(await readFile(config, 'utf8'));
    expect(written.nodes[0].image).toBe(nodeImage);
    expect(written.kubeadmConfigPatches[0]).not.toContain('failCgroupV1');
    expect(await readFile(access.kubeconfig, 'utf8')).toBe(kubeconfigText);
    expect((await stat(access.kubeconfig)).mode & 0o777).toBe(0o600);
  });

  it('tells kind which engine to use on every kind command', async () => {
    const fake = machine();
    await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: [] });
    const kindCalls = fake.calls.filter((call) => call.argv[0] === 'kind');
    for (const call of kindCalls) expect(call.options.env).toEqual({ KIND_EXPERIMENTAL_PROVIDER: 'docker' });
  });

  it('reuses a cluster that already exists and only checks the node', async () => {
    const fake = machine([
      ['kind get clusters', { stdout: 'other\nkubedrill\n' }],
      ['docker inspect', { stdout: 'true\n' }],
    ]);
    await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: [] });
    expect(fake.commands()).toEqual([
      'docker info --format {{.CgroupVersion}}',
      'kind version -q',
      'kind get clusters',
      'docker inspect --format {{.State.Running}} kubedrill-control-plane',
      'kind get kubeconfig --name kubedrill',
      waitReady(),
    ]);
  });

  it('starts a stopped node container of an existing cluster', async () => {
    const fake = machine([
      ['kind get clusters', { stdout: 'kubedrill\n' }],
      ['docker inspect', { stdout: 'false\n' }],
    ]);
    await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: [] });
    expect(fake.commands()).toContain('docker start kubedrill-control-plane');
  });

  it('preloads every scenario image plus the decoy tag, once each', async () => {
    const fake = machine([['docker image inspect', { exitCode: 1, stderr: 'Error: No such image\n' }]]);
    await kindProvider({ runner: fake.run, home }).up({
      progress: silentProgress,
      images: ['busybox:1.36', 'busybox:1.36'],
      preload: true,
    });
    expect(fake.commands().filter((c) => !c.startsWith('docker image inspect')).slice(-3)).toEqual([
      'docker pull busybox:1.36',
      'docker pull busybox:1.37',
      'kind load docker-image --name kubedrill busybox:1.36 busybox:1.37',
    ]);
  });

  it('pulls only the images the engine lacks (offline, a present image must not be pulled)', async () => {
    const fake = machine([['docker image inspect --format {{.Id}} busybox:1.37', { exitCode: 1, stderr: 'Error: No such image\n' }]]);
    await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: ['busybox:1.36'], preload: true });
    const commands = fake.commands();
    expect(commands).not.toContain('docker pull busybox:1.36');
    expect(commands).toContain('docker pull busybox:1.37');
    expect(commands.at(-1)).toBe('kind load docker-image --name kubedrill busybox:1.36 busybox:1.37');
  });

  it('creates the cluster from the node image --node-image names', async () => {
    const fake = machine();
    await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: [], nodeImage: 'mirror.example/kindest/node:v1.36.3' });
    const written = parse(await readFile(path.join(home, 'kind', 'kind-config.yaml'), 'utf8'));
    expect(written.nodes[0].image).toBe('mirror.example/kindest/node:v1.36.3');
  });

  it('refuses to reuse a cluster made from another node image, and says how to remake it', async () => {
    const fake = machine([
      ['kind get clusters', { stdout: 'kubedrill\n' }],
      ['docker inspect --format {{.State.Running}}', { stdout: 'true\n' }],
      ['docker inspect --format {{.Config.Image}}', { stdout: `${nodeImage}\n` }],
    ]);
    const up = kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: [], nodeImage: 'kubedrill/node:v1.36.3-kd1' });
    await expect(up).rejects.toThrow(/runs node image kindest\/node.*not kubedrill\/node:v1.36.3-kd1/);
    await expect(up).rejects.toMatchObject({ fix: expect.stringContaining('--node-image kubedrill/node:v1.36.3-kd1') });
  });

  it('uses podman, its cgroup v1 setting, and an image archive when only podman answers', async () => {
    const fake = machine([
      ['docker info', { exitCode: 1, stderr: 'Cannot connect to the Docker daemon\n' }],
      ['podman info', { stdout: 'v1\n' }],
      ['podman image inspect', { exitCode: 125, stderr: 'Error: busybox: image not known\n' }],
    ]);
    await kindProvider({ runner: fake.run, home }).up({ progress: silentProgress, images: ['busybox:1.36'], preload: true });
    const commands = fake.commands();
    expect(commands.slice(0, 2)).toEqual(['docker info --format {{.CgroupVersion}}', 'podman info --format {{.Host.CgroupsVersion}}']);
    expect(commands).toContain('podman pull busybox:1.36');
    expect(commands).toContain('podman pull busybox:1.37');
    const save = fake.calls.find((call) => call.argv[0] === 'podman' && call.argv[1] === 'save');
    const archive = save!.argv.at(-3)!;
    expect(save!.argv).toEqual(['podman', 'save', '--multi-image-archive', '-o', archive, 'busybox:1.36', 'busybox:1.37']);
    expect(commands.at(-1)).toBe(`kind load image-archive --name kubedrill ${archive}`);
    for (const call of fake.calls.filter((c) => c.argv[0] === 'kind')) {
      expect(call.options.env).toEqual({ KIND_EXPERIMENTAL_PROVIDER: 'podman' });
    }
    const config = parse(await readFile(path.join(home, 'kind', 'kind-config.yaml'), 'utf8'));
    expect(parse(config.kubeadmConfigPatches[0]).failCgroupV1).toBe(false);
  });

  it.each([
    { name: 'kind missing', script: [['kind version -q', { exitCode: 127, stderr: 'kind: command not found' }]], message: /kind is not installed/ },
    { name: 'kind too old', script: [['kind version -q', { stdout: '0.31.0\n' }]], message: /kind 0\.31\.0 is older than v0\.32\.0/ },
    {
      name: 'no engine',
      script: [['docker info', { exitCode: 1, stderr: 'down' }], ['podman info', { exitCode: 127 }]],
      message: /no container engine answers/,
    },
    {
      name: 'create fails',
      script: [['kind create cluster', { exitCode: 1, stderr: 'ERROR: failed to create cluster: boom' }]],
      message: /kind create cluster failed \(exit 1\): ERROR: failed to create cluster: boom/,
    },
  ] as { name: string; script: FakeScript; message: RegExp }[])('$name → ClusterError with a fix', async ({ script, message }) => {
    const fake = machine(script);
    const error = await kindProvider({ runner: fake.run, home })
      .up({ progress: silentProgress, images: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as ClusterError).message).toMatch(message);
  });
});

describe('kind provider down', () => {
  it.each([
    { clusters: 'kubedrill\n', deletes: true },
    { clusters: '', deletes: false },
  ])('deletes the cluster only when it exists (clusters: $clusters)', async ({ clusters, deletes }) => {
    const fake = machine([['kind get clusters', { stdout: clusters }]]);
    await kindProvider({ runner: fake.run, home }).down({ progress: silentProgress });
    expect(fake.commands().includes('kind delete cluster --name kubedrill')).toBe(deletes);
  });
});

describe('kind provider status', () => {
  it('is empty when the cluster does not exist', async () => {
    expect(await kindProvider({ runner: machine().run, home }).status()).toEqual([]);
  });

  it('reports the engine, the API server and each node', async () => {
    const fake = machine([
      ['kind get clusters', { stdout: 'kubedrill\n' }],
      [kube('get nodes'), { stdout: readyNodes }],
    ]);
    expect(await kindProvider({ runner: fake.run, home }).status()).toEqual([
      { name: 'container engine', healthy: true, detail: 'docker, cgroup v2' },
      { name: 'kube-apiserver', healthy: true, detail: 'answers' },
      { name: 'node kubedrill-control-plane', healthy: true, detail: 'Ready, kubelet v1.36.1' },
    ]);
  });

  it('says so when no engine answers', async () => {
    const fake = fakeRunner([['docker info', { exitCode: 1 }], ['podman info', { exitCode: 127 }]]);
    const [line] = await kindProvider({ runner: fake.run, home }).status();
    expect(line).toMatchObject({ name: 'container engine', healthy: false });
  });
});
