import { describe, expect, it, vi } from 'vitest';
import { ClusterError } from './errors.ts';
import type { Engine } from './kind/engine.ts';
import type { Provider, ProviderName } from './provider.ts';
import type { Machine } from './select.ts';
import { decideProvider, selectProvider } from './select.ts';

const docker: Engine = { name: 'docker', cgroupVersion: 2 };
const podman: Engine = { name: 'podman', cgroupVersion: 2 };

function machine(engine: Engine | null, platform: NodeJS.Platform, root: boolean): Machine {
  return { engine, tried: ['docker info: Cannot connect', 'podman info: not installed'], platform, root };
}

describe('decideProvider', () => {
  it.each<{ requested?: ProviderName; context?: string; m: Machine; want: ProviderName | 'error'; probed: boolean }>([
    { requested: 'kind', m: machine(null, 'darwin', false), want: 'kind', probed: false },
    { requested: 'local', m: machine(docker, 'linux', true), want: 'local', probed: false },
    { requested: 'existing', context: 'prod', m: machine(docker, 'linux', false), want: 'existing', probed: false },
    { requested: 'kind', context: 'prod', m: machine(null, 'linux', true), want: 'kind', probed: false },
    { context: 'prod', m: machine(docker, 'linux', true), want: 'existing', probed: false },
    { m: machine(docker, 'linux', true), want: 'kind', probed: true },
    { m: machine(docker, 'darwin', false), want: 'kind', probed: true },
    { m: machine(podman, 'linux', false), want: 'kind', probed: true },
    { m: machine(null, 'linux', true), want: 'local', probed: true },
    { m: machine(null, 'linux', false), want: 'error', probed: true },
    { m: machine(null, 'darwin', true), want: 'error', probed: true },
    { m: machine(null, 'win32', false), want: 'error', probed: true },
  ])('requested=$requested context=$context engine=$m.engine.name $m.platform root=$m.root → $want', async ({ requested, context, m, want, probed }) => {
    const probe = vi.fn(async () => m);
    const outcome = await decideProvider({ requested, context, machine: probe }).then(
      (decision) => decision.name,
      (error: unknown) => {
        expect(error).toBeInstanceOf(ClusterError);
        return 'error' as const;
      },
    );
    expect(outcome).toBe(want);
    expect(probe).toHaveBeenCalledTimes(probed ? 1 : 0);
  });

  it('says what was tried and every way forward when nothing fits', async () => {
    const error = (await decideProvider({ machine: async () => machine(null, 'darwin', false) }).catch((e: unknown) => e)) as ClusterError;
    expect(error.message).toBe(
      'no cluster provider fits this machine (docker info: Cannot connect; podman info: not installed; local: darwin, not Linux)',
    );
    expect(error.fix).toContain('--provider existing --context C');
    expect(error.fix).toContain('sudo kubedrill up --provider local');
    expect(error.fix).toContain('docker info');
  });

  it('hands the engine it found to kind', async () => {
    const decision = await decideProvider({ machine: async () => machine(podman, 'linux', false) });
    expect(decision).toEqual({ name: 'kind', reason: 'podman answers', engine: podman });
  });
});

describe('selectProvider', () => {
  const fake = (name: ProviderName): Provider => ({
    name,
    up: async () => ({ provider: name, kubeconfig: '', context: '' }),
    down: async () => undefined,
    status: async () => [],
    kubeconfig: async () => ({ provider: name, kubeconfig: '', context: '' }),
  });

  it.each<{ requested?: ProviderName; context?: string; m: Machine; want: ProviderName }>([
    { m: machine(docker, 'linux', false), want: 'kind' },
    { m: machine(null, 'linux', true), want: 'local' },
    { context: 'prod', m: machine(docker, 'linux', true), want: 'existing' },
    { requested: 'existing', m: machine(docker, 'linux', true), want: 'existing' },
  ])('builds the $want provider', async ({ requested, context, m, want }) => {
    const factories = {
      kind: vi.fn((_engine: Engine | undefined) => fake('kind')),
      local: vi.fn(async () => fake('local')),
      existing: vi.fn((_context: string | undefined) => fake('existing')),
    };
    const provider = await selectProvider({ requested, context, machine: async () => m, factories });
    expect(provider.name).toBe(want);
    if (want === 'kind') expect(factories.kind).toHaveBeenCalledWith(docker);
    if (want === 'existing') expect(factories.existing).toHaveBeenCalledWith(context);
  });

  it('builds the real providers by default (without touching the machine when --provider is given)', async () => {
    expect((await selectProvider({ requested: 'kind' })).name).toBe('kind');
    expect((await selectProvider({ requested: 'existing', context: 'x' })).name).toBe('existing');
    expect((await selectProvider({ requested: 'local' })).name).toBe('local');
  });
});
