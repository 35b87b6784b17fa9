import { ClusterError } from './errors.ts';
import { existingProvider } from './existing/index.ts';
import type { Engine } from './kind/engine.ts';
import { probeEngines } from './kind/engine.ts';
import { kindProvider } from './kind/index.ts';
import { zxRunner } from './kind/run.ts';
import type { Provider, ProviderName } from './provider.ts';

/** What the machine offers, as far as choosing a provider goes. */
export interface Machine {
  /** A container engine that answers (docker first, then podman), or null; `tried` says what was asked. */
  engine: Engine | null;
  tried: string[];
  platform: NodeJS.Platform;
  root: boolean;
}

/** The choice, and why, in words a status line can show. */
export interface Decision {
  name: ProviderName;
  reason: string;
}

/** Inputs of {@link decideProvider}. */
export interface DecideInput {
  requested?: ProviderName;
  context?: string;
  machine: () => Promise<Machine>;
}

/** The providers' options every option of select can reach; replaced in tests. */
export interface ProviderFactories {
  kind: (engine: Engine | undefined) => Provider;
  local: () => Promise<Provider>;
  existing: (context: string | undefined) => Provider;
}

/** Options for {@link selectProvider}. */
export interface SelectOptions {
  /** `--provider`: always wins. */
  requested?: ProviderName;
  /** `--context`: names the existing cluster; alone it means `--provider existing`. */
  context?: string;
  /** What the machine offers (default: probe docker/podman, read platform and uid). */
  machine?: () => Promise<Machine>;
  factories?: Partial<ProviderFactories>;
}

/** Probe the real machine: `docker info` / `podman info` with a short timeout, platform, uid. */
export async function probeMachine(): Promise<Machine> {
  const { engine, tried } = await probeEngines({ runner: zxRunner, preferred: process.env.KIND_EXPERIMENTAL_PROVIDER });
  return {
    engine,
    tried: tried.map((probe) => `${probe.name} info: ${probe.answered ? 'answered' : probe.detail}`),
    platform: process.platform,
    root: process.getuid?.() === 0,
  };
}

/**
 * The decision table: `--provider` wins; `--context` alone means existing; a
 * container engine that answers means kind; Linux as root means local;
 * anything else is a ClusterError (exit 3) saying what was tried and the options.
 * The machine is probed only when the flags leave the choice open.
 */
export async function decideProvider(input: DecideInput): Promise<Decision & { engine?: Engine }> {
  if (input.requested) return { name: input.requested, reason: `--provider ${input.requested}` };
  if (input.context) return { name: 'existing', reason: `--context ${input.context}` };
  const machine = await input.machine();
  if (machine.engine) {
    return { name: 'kind', reason: `${machine.engine.name} answers`, engine: machine.engine };
  }
  if (machine.platform === 'linux' && machine.root) {
    return { name: 'local', reason: 'no container engine answers; Linux as root' };
  }
  const local = machine.platform === 'linux' ? 'not root' : `${machine.platform}, not Linux`;
  throw new ClusterError(`no cluster provider fits this machine (${[...machine.tried, `local: ${local}`].join('; ')})`, {
    fix: [
      'Pick one:',
      '  kind:     start Docker or Podman (`docker info` must answer), then `kubedrill up`',
      '  local:    on Linux, as root: `sudo kubedrill up --provider local`',
      '  existing: a cluster you already have: `kubedrill up --provider existing --context C`',
    ].join('\n'),
  });
}

const realFactories: ProviderFactories = {
  kind: (engine) => kindProvider({ engine }),
  // Imported on demand: the local provider is large and only Linux-as-root needs it.
  local: async () => (await import('./local/index.ts')).localProvider(),
  existing: (context) => existingProvider({ context }),
};

/** The provider `kubedrill up` (and friends) should use; see {@link decideProvider} for the rules. */
export async function selectProvider(options: SelectOptions = {}): Promise<Provider> {
  const factories = { ...realFactories, ...options.factories };
  const decision = await decideProvider({
    requested: options.requested,
    context: options.context,
    machine: options.machine ?? probeMachine,
  });
  if (decision.name === 'kind') return factories.kind(decision.engine);
  if (decision.name === 'local') return factories.local();
  return factories.existing(options.context);
}
