import { findContext } from '../../../cluster/kubeconfig-files.ts';
import { createProgress } from '../../../cluster/progress.ts';
import type { ProviderName } from '../../../cluster/provider.ts';
import { selectProvider } from '../../../cluster/select.ts';
import { readSettings, writeSettings } from '../../home.ts';
import { upCluster } from '../cluster.ts';
import { EXIT, UsageError } from '../errors.ts';
import { learnerAccessLines } from '../kubectl-access.ts';
import { out, outJson, paint } from '../output.ts';
import { withInterrupt } from '../interrupt.ts';

const PROVIDERS: ProviderName[] = ['kind', 'local', 'existing'];

/** `kubedrill up [--provider P] [--context C] [--preload] [--yes] [--listen ADDR] [--node-image IMAGE]`. */
export async function upCommand(options: {
  provider?: string;
  context?: string;
  preload?: boolean;
  yes?: boolean;
  listen?: string;
  nodeImage?: string;
  json?: boolean;
}): Promise<number> {
  if (options.provider && !PROVIDERS.includes(options.provider as ProviderName)) {
    throw new UsageError(`unknown provider "${options.provider}"`, { fix: `use one of ${PROVIDERS.join(', ')}` });
  }
  if (options.context && options.provider && options.provider !== 'existing') {
    throw new UsageError('--context goes with --provider existing');
  }
  if (options.nodeImage !== undefined && options.provider && options.provider !== 'kind') {
    throw new UsageError('--node-image goes with the kind provider', { fix: `kubedrill up --provider kind --node-image ${options.nodeImage}` });
  }
  const provider = (options.provider ?? (options.context ? 'existing' : undefined)) as ProviderName | undefined;
  const progress = createProgress({ quiet: options.json });
  const started = Date.now();
  const access = await withInterrupt(() =>
    upCluster({
      provider,
      context: options.context,
      preload: options.preload,
      yes: options.yes,
      listen: options.listen,
      ...(options.nodeImage !== undefined ? { nodeImage: options.nodeImage } : {}),
      progress,
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  if (options.json) {
    // The learner's kubeconfig file holding the context (null: plain kubectl cannot reach it yet).
    const learnerKubeconfig = (await findContext(access.context, { kubeconfig: process.env.KUBECONFIG })).file ?? null;
    outJson({ ...access, learnerKubeconfig, seconds });
    return EXIT.ok;
  }
  out(`${paint.green('cluster up')}: ${access.provider}, context ${access.context} (kubeconfig ${access.kubeconfig})`);
  for (const line of await learnerAccessLines({ access })) out(line.startsWith('WARNING:') ? paint.yellow(line) : line);
  return EXIT.ok;
}

/** `kubedrill down`: remove what `up` made. */
export async function downCommand(): Promise<number> {
  const settings = await readSettings();
  if (!settings.provider) {
    out('no cluster recorded: nothing to take down');
    return EXIT.ok;
  }
  const provider = await selectProvider({ requested: settings.provider, context: settings.context });
  await provider.down({ progress: createProgress() });
  await writeSettings({});
  out(`${settings.provider} cluster down`);
  return EXIT.ok;
}

/** `kubedrill cluster-status`: per-component health of the recorded cluster. */
export async function clusterStatus(): Promise<{ provider?: string; components: Array<{ name: string; healthy: boolean; detail: string }> }> {
  const settings = await readSettings();
  if (!settings.provider) return { components: [] };
  const provider = await selectProvider({ requested: settings.provider, context: settings.context });
  return { provider: settings.provider, components: await provider.status() };
}
