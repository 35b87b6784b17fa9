import { ClusterError } from '../errors.ts';
import type { Engine } from './engine.ts';
import { clusterName, installKind, kindRelease } from './pins.ts';
import type { CommandRunner, RunResult } from './run.ts';
import { mustRun } from './run.ts';

/** The kind commands kubedrill uses, bound to one cluster name and one engine. */
export interface KindCli {
  /** `kind version -q`, checked against the pinned release. */
  version(): Promise<string>;
  /** `kind get clusters`. */
  clusters(): Promise<string[]>;
  /** `kind create cluster` from a config file; kind deletes a half-made cluster itself on failure. */
  create(configPath: string): Promise<void>;
  /** `kind delete cluster` (succeeds when there is nothing to delete). */
  delete(): Promise<void>;
  /** `kind get kubeconfig`: the kubeconfig text for the cluster's host-side endpoint. */
  kubeconfig(): Promise<string>;
  /** `kind load docker-image`: copy images from the docker engine into the node. */
  loadDockerImages(images: string[]): Promise<void>;
  /** `kind load image-archive`: copy a saved image archive into the node (podman). */
  loadArchive(archivePath: string): Promise<void>;
}

/** Options for {@link kindCli}. */
export interface KindCliOptions {
  runner: CommandRunner;
  engine: Engine;
  name?: string;
}

/** Parse "0.32.0" / "v0.32.0-alpha..." into comparable numbers. */
function semver(text: string): [number, number, number] | null {
  const match = /v?(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** True when `have` is the same release as `want` or later. */
export function atLeast(have: string, want: string): boolean {
  const a = semver(have);
  const b = semver(want);
  if (!a || !b) return false;
  for (let i = 0; i < 3; i += 1) {
    if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** A zx wrapper of the kind CLI; every command names the engine via KIND_EXPERIMENTAL_PROVIDER. */
export function kindCli(options: KindCliOptions): KindCli {
  const { runner, engine } = options;
  const name = options.name ?? clusterName;
  // Explicit even for docker, so a KIND_EXPERIMENTAL_PROVIDER left in the
  // user's shell cannot send kind to an engine other than the one we probed.
  const env = { KIND_EXPERIMENTAL_PROVIDER: engine.name };
  const kind = (args: string[], what: string, timeoutMs?: number): Promise<RunResult> =>
    mustRun(runner, ['kind', ...args], { env, what, timeoutMs });

  return {
    async version(): Promise<string> {
      const result = await runner(['kind', 'version', '-q'], { env, timeoutMs: 10_000 });
      if (result.exitCode === 127) {
        throw new ClusterError('kind is not installed (not found on PATH)', { command: 'kind version -q', fix: installKind });
      }
      if (result.exitCode !== 0) {
        throw new ClusterError(`kind version failed (exit ${result.exitCode})`, {
          command: 'kind version -q',
          output: result.stderr,
          fix: installKind,
        });
      }
      const version = result.stdout.trim();
      if (!atLeast(version, kindRelease)) {
        throw new ClusterError(`kind ${version} is older than ${kindRelease}, which kubedrill's node image needs`, {
          command: 'kind version -q',
          fix: installKind,
        });
      }
      return version;
    },
    async clusters(): Promise<string[]> {
      const result = await kind(['get', 'clusters'], 'kind get clusters', 30_000);
      // "No kind clusters found." goes to stderr; stdout then is empty.
      return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    },
    async create(configPath: string): Promise<void> {
      await kind(['create', 'cluster', '--name', name, '--config', configPath, '--wait', '120s'], 'kind create cluster');
    },
    async delete(): Promise<void> {
      await kind(['delete', 'cluster', '--name', name], 'kind delete cluster', 120_000);
    },
    async kubeconfig(): Promise<string> {
      return (await kind(['get', 'kubeconfig', '--name', name], 'kind get kubeconfig', 30_000)).stdout;
    },
    async loadDockerImages(images: string[]): Promise<void> {
      await kind(['load', 'docker-image', '--name', name, ...images], 'kind load docker-image');
    },
    async loadArchive(archivePath: string): Promise<void> {
      await kind(['load', 'image-archive', '--name', name, archivePath], 'kind load image-archive');
    },
  };
}
