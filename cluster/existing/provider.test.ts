import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClusterError } from '../errors.ts';
import { fakeRunner } from '../kind/fake-runner.ts';
import type { FakeScript } from '../kind/fake-runner.ts';
import { silentProgress } from '../progress.ts';
import { ConfirmationRequiredError } from './confirm.ts';
import { existingProvider } from './index.ts';

const view = (context: string, server: string): string =>
  JSON.stringify({ contexts: [{ name: context }], clusters: [{ name: context, cluster: { server } }] });

let home = '';
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-existing-test-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** A kubeconfig with a remote current context "prod" and a local "kind-lab". */
function kubeconfigs(extra: FakeScript = []): ReturnType<typeof fakeRunner> {
  return fakeRunner([
    ['kubectl config current-context', { stdout: 'prod\n' }],
    ['kubectl config view --minify --context prod', { stdout: view('prod', 'https://34.77.1.2') }],
    ['kubectl config view --minify --context kind-lab', { stdout: view('kind-lab', 'https://127.0.0.1:41000') }],
    ['kubectl --context', { stdout: '{"gitVersion":"v1.36.2"}' }],
    ...extra,
  ]);
}

const single = '/home/u/.kube/config';

describe('existing provider up', () => {
  it('uses the current context, asks on a TTY, checks reachability, records the choice', async () => {
    const fake = kubeconfigs();
    const ask = vi.fn(async () => true);
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single, isTTY: true, ask });
    const access = await provider.up({ progress: silentProgress, images: [] });
    expect(access).toEqual({ provider: 'existing', kubeconfig: single, context: 'prod' });
    expect(fake.commands()).toEqual([
      'kubectl config current-context',
      'kubectl config view --minify --context prod -o json',
      'kubectl --context prod get --raw /version --request-timeout=10s',
    ]);
    expect(ask).toHaveBeenCalledOnce();
    for (const call of fake.calls) expect(call.options.env).toEqual({ KUBECONFIG: single });
    const record = JSON.parse(await readFile(path.join(home, 'existing', 'cluster.json'), 'utf8'));
    expect(record).toMatchObject({ context: 'prod', server: 'https://34.77.1.2', kubeconfig: single, consent: 'prompt' });
    expect(await provider.kubeconfig()).toEqual(access);
  });

  it('refuses a remote context without a TTY and without --yes, before sending anything to it', async () => {
    const fake = kubeconfigs();
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single, isTTY: false });
    await expect(provider.up({ progress: silentProgress, images: [] })).rejects.toBeInstanceOf(ConfirmationRequiredError);
    expect(fake.commands().some((command) => command.includes('get --raw'))).toBe(false);
    expect(await provider.status()).toEqual([]);
  });

  it('stops when the user answers no', async () => {
    const fake = kubeconfigs();
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single, isTTY: true, ask: async () => false });
    await expect(provider.up({ progress: silentProgress, images: [] })).rejects.toThrow(/not confirmed/);
  });

  it.each([
    { name: '--yes', context: 'prod', yes: true, consent: 'flag' },
    { name: 'a local context', context: 'kind-lab', yes: false, consent: 'local' },
  ])('needs no question with $name', async ({ context, yes, consent }) => {
    const fake = kubeconfigs();
    const ask = vi.fn(async () => true);
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single, isTTY: true, ask });
    await provider.up({ progress: silentProgress, images: [], context, yes });
    expect(ask).not.toHaveBeenCalled();
    expect(fake.commands()[0]).toBe(`kubectl config view --minify --context ${context} -o json`);
    const record = JSON.parse(await readFile(path.join(home, 'existing', 'cluster.json'), 'utf8'));
    expect(record.consent).toBe(consent);
  });

  it('fails with exit-3 ClusterError and fix text when the cluster does not answer', async () => {
    const fake = kubeconfigs([
      ['kubectl --context', { exitCode: 1, stderr: 'Unable to connect to the server: dial tcp 34.77.1.2:443: i/o timeout\n' }],
    ]);
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single, isTTY: false });
    const error = (await provider.up({ progress: silentProgress, images: [], yes: true }).catch((e: unknown) => e)) as ClusterError;
    expect(error).toBeInstanceOf(ClusterError);
    expect(error.message).toMatch(/context prod \(https:\/\/34\.77\.1\.2\) is unreachable: Unable to connect/);
    expect(error.fix).toContain('kubectl --context prod get --raw /version');
  });

  it('lists the known contexts when the named one does not exist', async () => {
    const fake = kubeconfigs([
      ['kubectl config view --minify --context nope', { exitCode: 1, stderr: 'error: context "nope" does not exist\n' }],
      ['kubectl config get-contexts -o name', { stdout: 'prod\nkind-lab\n' }],
    ]);
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single });
    const error = (await provider.up({ progress: silentProgress, images: [], context: 'nope' }).catch((e: unknown) => e)) as ClusterError;
    expect(error).toBeInstanceOf(ClusterError);
    expect(error.fix).toContain('prod, kind-lab');
  });

  it('flattens the context into its own file when KUBECONFIG lists several files', async () => {
    const fake = kubeconfigs([['kubectl config view --raw --minify --flatten --context kind-lab', { stdout: 'apiVersion: v1\n' }]]);
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: ['/a', '/b'].join(path.delimiter) });
    const access = await provider.up({ progress: silentProgress, images: [], context: 'kind-lab' });
    expect(access.kubeconfig).toBe(path.join(home, 'existing', 'kubeconfig'));
    expect(await readFile(access.kubeconfig, 'utf8')).toBe('apiVersion: v1\n');
    expect((await stat(access.kubeconfig)).mode & 0o777).toBe(0o600);
  });

  it('defaults to ~/.kube/config without KUBECONFIG', async () => {
    const fake = kubeconfigs();
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: undefined, homedir: '/home/x' });
    const access = await provider.up({ progress: silentProgress, images: [], context: 'kind-lab' });
    expect(access.kubeconfig).toBe('/home/x/.kube/config');
    for (const call of fake.calls) expect(call.options.env).toBeUndefined();
  });

  it('turns a missing kubectl into a ClusterError', async () => {
    const fake = fakeRunner([['kubectl', { exitCode: 127 }]]);
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single });
    await expect(provider.up({ progress: silentProgress, images: [] })).rejects.toThrow(/kubectl is not installed/);
  });
});

describe('existing provider down', () => {
  it('removes only its record and says there is nothing else to remove', async () => {
    const fake = kubeconfigs();
    const info = vi.fn();
    const provider = existingProvider({ runner: fake.run, home, kubeconfigEnv: single });
    await provider.up({ progress: silentProgress, images: [], context: 'kind-lab' });
    const before = fake.calls.length;
    await provider.down({ progress: { step: (_name, fn) => fn(), info } });
    expect(fake.calls.length).toBe(before);
    expect(info.mock.calls[0]![0]).toMatch(/nothing to remove but kubedrill's record/);
    expect(await provider.status()).toEqual([]);
  });
});
