import path from 'node:path';
import type { ClusterAccess, ComponentStatus, Provider, UpOptions } from '../provider.ts';
import type { Progress } from '../progress.ts';
import { downCluster } from './down.ts';
import { withLock } from './lock.ts';
import { kubedrillHome, localPaths, network } from './settings.ts';
import { clusterStatus } from './status.ts';
import { mergeIntoLearnerKubeconfig, upCluster } from './up.ts';

/** Options for {@link localProvider}; both default from the environment. */
export interface LocalProviderOptions {
  /** Cluster state (pid files, logs, certificates, data); default `$KUBEDRILL_HOME/local`. */
  stateDir?: string;
  /** Built binaries keyed by version; default `$KUBEDRILL_CACHE` or ~/.cache/kubedrill. */
  cacheDir?: string;
}

/**
 * The `local` provider: a real single-node Kubernetes run as supervised host
 * processes (Linux, root). `up` merges context `kubedrill-local` into the
 * learner's kubeconfig and `down` takes it out (docs/decisions/0060). See
 * cluster/local/STATUS.md and LOCAL-CLUSTER notes.
 */
export function localProvider(options: LocalProviderOptions = {}): Provider {
  const paths = localPaths(options);
  const lock = path.join(paths.state, '..', `.${path.basename(paths.state)}.lock`);
  const access: ClusterAccess = { provider: 'local', kubeconfig: paths.kubeconfig, context: network.context };
  return {
    name: 'local',
    up: (upOptions: UpOptions): Promise<ClusterAccess> => withLock(lock, () => upCluster(paths, upOptions)),
    down: (downOptions: { progress: Progress }): Promise<void> => withLock(lock, () => downCluster(paths, downOptions.progress)),
    status: (): Promise<ComponentStatus[]> => clusterStatus(paths),
    kubeconfig: (): Promise<ClusterAccess> => Promise.resolve(access),
  };
}

/**
 * Merge the local cluster's context into the learner's kubeconfig (what `up`
 * does last) for a cluster found already running: `start` in a new shell or
 * with another KUBECONFIG still leaves plain kubectl working.
 */
export function mergeLocalContext(progress: Progress, options: LocalProviderOptions = {}): Promise<void> {
  return mergeIntoLearnerKubeconfig(localPaths(options), progress);
}

/** Folder holding the built kubectl (v1.36.3); prepend it to PATH for learners' scripts. */
export function localBinDir(): string {
  return path.join(kubedrillHome(), 'bin');
}
