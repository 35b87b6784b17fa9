
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterAccess, ProviderName } from '../../cluster/provider.ts';
import { ClusterError } from '../../cluster/errors.ts';
import type { Progress } from '../../cluster/progress.ts';
import { nodeAccessFor } from '../../cluster/node-access.ts';
import { selectProvider } from '../../cluster/select.ts';
import { connect, type Kube } from '../kube/client.ts';
import { UsageError } from './errors.ts';
import { homeDir, readSettings, writeSettings, writeAtomic } from '../home.ts';
import { loadAll } from '../scenario/load.ts';

/** Options for bringing a cluster up. */
export interface UpRequest {
  provider?: ProviderName;
  context?: string;
  preload?: boolean;
  yes?: boolean;
  /** The API server on this IPv4 address of the host instead, for a room (local, kind; the existing provider refuses it). */
  listen?: string;
  /** kind: the node image (default: the one remembered from an earlier `up --node-image`, else kind's pinned one). */
  nodeImage?: string;
  progress: Progress;
}

/** `kubedrill up`: pick a provider, bring it up, remember it in settings. */
export async function upCluster(request: UpRequest): Promise<ClusterAccess> {
  const provider = await selectProvider({ requested: request.provider, context: request.context });
  const remembered = await readSettings();
  const nodeImage = request.nodeImage ?? remembered.nodeImage;
  if (request.nodeImage !== undefined && provider.name !== 'kind') {
    throw new UsageError(`--node-image is for the kind provider; this machine got the ${provider.name} provider`, {
      fix: `kubedrill up --provider kind --node-image ${request.nodeImage} (kind needs a container engine: \`docker info\` must answer)`,
    });
  }
  const images = [...new Set((await loadAll()).flatMap((s) => s.images))];
  const access = await provider.up({
    progress: request.progress,
    images,
    preload: request.preload,
    yes: request.yes,
    context: request.context,
    ...(request.listen ? { listen: request.listen } : {}),
    ...(provider.name === 'kind' && nodeImage ? { nodeImage } : {}),
  });
  await writeSettings({
    provider: access.provider,
    kubeconfig: access.kubeconfig,
    context: access.context,
    ...(access.provider === 'kind' && nodeImage ? { nodeImage } : {}),
  });
  return access;
}

/** Options for {@link connectCluster}. */
export interface ConnectRequest {
  /** Bring a kind/local cluster up when none answers (start, reset, drill, verify). */
  autoUp: boolean;
  /**
   * The command puts the learner to work (start, reset, drill): a local
   * cluster found already up merges its context into their kubeconfig too
   * (`up` does it when it runs), so plain kubectl works from a new shell or
   * another KUBECONFIG. Not for verify: a proof run merges nothing itself
   * (only an `up` it has to run, on a cluster that is down, merges as `up` does).
   */
  learner?: boolean;
  progress: Progress;
}

/**
 * The cluster to work on: the one `up` recorded; brought up on demand for
 * commands that inject (the README's first command works on a fresh machine).
 * Unreachable otherwise → ClusterError (exit 3) saying how to fix it.
 */
export async function connectCluster(request: ConnectRequest): Promise<{ kube: Kube; access: ClusterAccess }> {
  const settings = await readSettings();
  if (settings.kubeconfig && settings.context && settings.provider) {
    const access: ClusterAccess = { provider: settings.provider, kubeconfig: settings.kubeconfig, context: settings.context };
    const kube = connect({ kubeconfig: access.kubeconfig, context: access.context, nodes: await nodeAccessFor(access.provider) });
    try {
      await kube.ping();
      if (request.learner && access.provider === 'local') await mergeLocalContext(request.progress);
      return { kube, access };
    } catch (error) {
      if (!request.autoUp || access.provider === 'existing') throw error;
      request.progress.info(`the ${access.provider} cluster does not answer: bringing it up`);
      const again = await upCluster({ provider: access.provider, progress: request.progress });
      const kube2 = connect({ kubeconfig: again.kubeconfig, context: again.context, nodes: await nodeAccessFor(again.provider) });
      await kube2.ping();
      return { kube: kube2, access: again };
    }
  }
  if (!request.autoUp) {
    throw new ClusterError('no cluster yet', {
      fix: 'run `kubedrill up` (or `kubedrill start <id>`, which brings one up), or `kubedrill up --provider existing --context <name>`',
    });
  }
  request.progress.info('no cluster yet: bringing one up (kubedrill up)');
  const access = await upCluster({ progress: request.progress });
  const kube = connect({ kubeconfig: access.kubeconfig, context: access.context, nodes: await nodeAccessFor(access.provider) });
  await kube.ping();
  return { kube, access };
}

/**
 * A kubeconfig file whose current context is the attempt's cluster, for
 * learner-style scripts (solution.sh, fixes, shortcuts) that call plain kubectl.
 */
export async function scriptKubeconfig(access: ClusterAccess): Promise<string> {
  const kc = new KubeConfig();
  kc.loadFromFile(access.kubeconfig);
  kc.setCurrentContext(access.context);
  const path = join(homeDir(), `kubeconfig-${access.context.replace(/[^\w.-]/g, '_')}`);
  await writeAtomic(path, kc.exportConfig(), 0o600);
  return path;
}


// Loaded on demand: the local provider's modules are large (select.ts does the same).
async function mergeLocalContext(progress: Progress): Promise<void> {
  await (await import('../../cluster/local/index.ts')).mergeLocalContext(progress);
}
