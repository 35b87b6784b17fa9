import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { ClusterError } from '../errors.ts';
import { checkListen } from '../listen.ts';
import type { Progress } from '../progress.ts';
import type { ClusterAccess, ComponentStatus, Provider, UpOptions } from '../provider.ts';
import { kindCli } from './cli.ts';
import type { KindCli } from './cli.ts';
import { kindConfig } from './config.ts';
import type { Engine } from './engine.ts';
import { detectEngine, requireEngine } from './engine.ts';
import { nodeStatuses, waitNodesReady } from './nodes.ts';
import { clusterName, contextName, kindPaths, nodeContainer, nodeImage } from './pins.ts';
import { preload } from './preload.ts';
import type { CommandRunner } from './run.ts';
import { mustRun, zxRunner } from './run.ts';

/** Options for {@link kindProvider}; everything defaults to the real system. */
export interface KindProviderOptions {
  /** The process boundary (tests pass a fake). */
  runner?: CommandRunner;
  /** `$KUBEDRILL_HOME` override. */
  home?: string;
  /** An engine already detected (by provider selection), to skip probing again. */
  engine?: Engine;
  /** `KIND_EXPERIMENTAL_PROVIDER` of the user's environment (default: process.env). */
  preferredEngine?: string;
}

/** Write a file atomically (temp + rename), readable by the owner only: kubeconfigs hold keys. */
async function writePrivate(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode: 0o600 });
  await rename(temp, file);
}

/**
 * The `kind` provider: a single-node kind cluster named `kubedrill` on Docker or
 * Podman, created idempotently from a generated config (kind-kubedrill context),
 * optionally preloaded with every scenario image. Like kind itself it keeps no
 * state of its own: the cluster is rediscovered with `kind get clusters`.
 */
export function kindProvider(options: KindProviderOptions = {}): Provider {
  const runner = options.runner ?? zxRunner;
  const paths = kindPaths(options.home);
  const preferred = options.preferredEngine ?? process.env.KIND_EXPERIMENTAL_PROVIDER;
  const access: ClusterAccess = { provider: 'kind', kubeconfig: paths.kubeconfig, context: contextName };
  let known = options.engine;

  const engineOrFail = async (progress: Progress): Promise<Engine> => {
    known ??= await progress.step('detect a container engine (docker, podman)', () => requireEngine({ runner, preferred }));
    progress.info(`engine: ${known.name}, cgroup v${known.cgroupVersion}`);
    return known;
  };

  const writeKubeconfig = async (kind: KindCli): Promise<void> => {
    await mkdir(paths.dir, { recursive: true });
    await writePrivate(paths.kubeconfig, await kind.kubeconfig());
  };

  /** Start the node container if the engine stopped it (host reboot, engine restart). */
  const ensureNodeRunning = async (engine: Engine, progress: Progress): Promise<void> => {
    const inspect = await runner([engine.name, 'inspect', '--format', '{{.State.Running}}', nodeContainer], { timeoutMs: 15_000 });
    if (inspect.stdout.trim() === 'true') return;
    await progress.step(`start stopped node container ${nodeContainer}`, async () => {
      await mustRun(runner, [engine.name, 'start', nodeContainer], {
        what: `${engine.name} start ${nodeContainer}`,
        fix: 'Recreate the cluster: `kubedrill down && kubedrill up`.',
      });
    });
  };

  /** A cluster made from another image stays what it is: kind fixes the node image at create. */
  const checkNodeImage = async (engine: Engine, wanted: string): Promise<void> => {
    const inspect = await runner([engine.name, 'inspect', '--format', '{{.Config.Image}}', nodeContainer], { timeoutMs: 15_000 });
    const current = inspect.stdout.trim();
    if (inspect.exitCode === 0 && current !== wanted) {
      throw new ClusterError(`kind: cluster ${clusterName} runs node image ${current}, not ${wanted}; kind fixes the node image at create`, {
        fix: `kubedrill down && kubedrill up --provider kind --node-image ${wanted}`,
      });
    }
  };

  return {
    name: 'kind',

    async up(up: UpOptions): Promise<ClusterAccess> {
      const { progress } = up;
      if (up.listen !== undefined) checkListen('kind', up.listen);
      const engine = await engineOrFail(progress);
      const kind = kindCli({ runner, engine });
      const version = await progress.step('check the kind CLI', () => kind.version());
      progress.info(`kind ${version}`);
      const exists = (await progress.step(`look for kind cluster ${clusterName}`, () => kind.clusters())).includes(clusterName);
      if (exists) {
        progress.info(`kind cluster ${clusterName} exists; reusing it (\`kubedrill down\` to start over)`);
        await ensureNodeRunning(engine, progress);
        if (up.nodeImage !== undefined) await checkNodeImage(engine, up.nodeImage);
        if (up.listen !== undefined) {
          const server = new URL(/server:\s*(\S+)/.exec(await kind.kubeconfig())?.[1] ?? 'https://127.0.0.1').hostname;
          if (server !== up.listen) {
            throw new ClusterError(`kind: the API server of cluster ${clusterName} is published on ${server}; kind fixes that address at create`, {
              fix: `kubedrill down && kubedrill up --provider kind --listen ${up.listen}`,
            });
          }
        }
      } else {
        await mkdir(paths.dir, { recursive: true });
        const image = up.nodeImage ?? nodeImage;
        await writeFile(
          paths.config,
          kindConfig({ cgroupV1: engine.cgroupVersion === 1, image, ...(up.listen ? { apiServerAddress: up.listen } : {}) }),
        );
        if (engine.cgroupVersion === 1) progress.info('cgroup v1 host: kubelet failCgroupV1 set to false');
        await progress.step(`create kind cluster ${clusterName} (${image.split('@')[0]})`, () => kind.create(paths.config));
      }
      await progress.step('write kubeconfig', () => writeKubeconfig(kind));
      await progress.step('wait for the node to be Ready', () => waitNodesReady(runner, access));
      if (up.preload) await preload({ runner, engine, kind, progress, images: up.images });
      return { ...access };
    },

    async down({ progress }): Promise<void> {
      const engine = await engineOrFail(progress);
      const kind = kindCli({ runner, engine });
      const exists = (await progress.step(`look for kind cluster ${clusterName}`, () => kind.clusters())).includes(clusterName);
      if (exists) await progress.step(`delete kind cluster ${clusterName}`, () => kind.delete());
      else progress.info(`no kind cluster ${clusterName}; nothing to delete`);
      await rm(paths.dir, { recursive: true, force: true });
    },

    async status(): Promise<ComponentStatus[]> {
      const engine = known ?? (await detectEngine({ runner, preferred }));
      if (!engine) return [{ name: 'container engine', healthy: false, detail: 'neither docker nor podman answers' }];
      known = engine;
      const kind = kindCli({ runner, engine });
      if (!(await kind.clusters()).includes(clusterName)) return [];
      await writeKubeconfig(kind);
      const engineLine: ComponentStatus = { name: 'container engine', healthy: true, detail: `${engine.name}, cgroup v${engine.cgroupVersion}` };
      return [engineLine, ...(await nodeStatuses(runner, access))];
    },

    async kubeconfig(): Promise<ClusterAccess> {
      return { ...access };
    },
  };
}

