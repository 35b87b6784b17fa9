import { createWriteStream, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { $ } from 'zx';
import { ClusterError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { versions } from './settings.ts';
import { kubeRouterSyncPause, patchedModules, type SourcePatch } from './source-patch.ts';

const modulesDir = fileURLToPath(new URL('./modules/', import.meta.url));
/** Fixed build date: the same inputs give the same binaries. */
const buildDate = '2026-11-23T00:00:00Z';

/** One Go wrapper module and the commands built from it into one cache folder. */
export interface GoComponent {
  name: string;
  module: string;
  /** Cache folder name, keyed by version: `<cache>/<dir>/`. */
  dir: string;
  packages: string[];
  binaries: string[];
  ldflags: string[];
  env?: Record<string, string>;
  /** Changes to a dependency's source, applied at build time to a copy of it; each must apply exactly once. */
  patches?: SourcePatch[];
}

function kubernetesLdflags(): string[] {
  const [major, minor] = versions.kubernetes.slice(1).split('.');
  return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'].flatMap((pkg) => [
    `-X ${pkg}.gitVersion=${versions.kubernetes}`,
    `-X ${pkg}.gitMajor=${major}`,
    `-X ${pkg}.gitMinor=${minor}`,
    `-X ${pkg}.gitTreeState=clean`,
    `-X ${pkg}.buildDate=${buildDate}`,
  ]);
}

const kubeCommands = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubeadm', 'kubectl'];

/** Everything the local provider builds, in build order (smallest first). */
export const goComponents: GoComponent[] = [
  { name: 'etcd', module: 'etcd', dir: `etcd-${versions.etcd}`, packages: ['.'], binaries: ['etcd'], ldflags: [] },
  {
    name: 'kubernetes',
    module: 'kubernetes',
    dir: `k8s-${versions.kubernetes}`,
    packages: kubeCommands.map((cmd) => `k8s.io/kubernetes/cmd/${cmd}`),
    binaries: kubeCommands,
    ldflags: kubernetesLdflags(),
  },
  { name: 'coredns', module: 'coredns', dir: `coredns-${versions.coredns}`, packages: ['.'], binaries: ['coredns'], ldflags: [] },
  {
    name: 'kube-router',
    module: 'kube-router',
    // +kd3: our wrapper (modules/kube-router/main.go) serves /healthz on loopback, and the sync pause
    // patch; bump it when either changes.
    dir: `kube-router-${versions.kubeRouter}+kd3`,
    packages: ['.'],
    binaries: ['kube-router'],
    ldflags: [
      `-X github.com/cloudnativelabs/kube-router/v2/pkg/version.Version=${versions.kubeRouter}`,
      `-X github.com/cloudnativelabs/kube-router/v2/pkg/version.BuildDate=${buildDate}`,
    ],
    // The checksum database does not know v2.1.0; go.sum (committed) still pins the content.
    env: { GONOSUMDB: 'github.com/cloudnativelabs/kube-router' },
    patches: [kubeRouterSyncPause],
  },
];

/** Binary name → absolute path, for every binary the cluster runs. */
export type BinaryPaths = Record<string, string>;

/** Where a binary comes from: `KUBEDRILL_K8S_BIN_DIR` first, then the cache. */
export function binaryPaths(cacheDir: string): BinaryPaths {
  const prebuilt = process.env.KUBEDRILL_K8S_BIN_DIR;
  const paths: BinaryPaths = {};
  for (const component of goComponents) {
    for (const binary of component.binaries) {
      const given = prebuilt ? path.join(prebuilt, binary) : undefined;
      paths[binary] = given && existsSync(given) ? given : path.join(cacheDir, component.dir, binary);
    }
  }
  return paths;
}

/** Build every component whose binaries are not all there yet; one progress step each. */
export async function ensureBinaries(options: { cacheDir: string; progress: Progress }): Promise<BinaryPaths> {
  const paths = binaryPaths(options.cacheDir);
  for (const component of goComponents) {
    if (component.binaries.every((binary) => existsSync(paths[binary] ?? ''))) continue;
    await options.progress.step(`build ${component.name} ${versionOf(component)} (cold: several minutes)`, () =>
      buildComponent(component, options),
    );
  }
  return paths;
}

function versionOf(component: GoComponent): string {
  return component.dir.slice(component.dir.lastIndexOf('-') + 1);
}

/**
 * `go build -v` into a temporary folder renamed into place when done, so a
 * half-finished build is never mistaken for a cached one. `-v` names each
 * package as it compiles: the count goes to progress every 30 s.
 */
async function buildComponent(component: GoComponent, options: { cacheDir: string; progress: Progress }): Promise<void> {
  const goCheck = await $({ quiet: true, nothrow: true })`go version`;
  if (goCheck.exitCode !== 0) {
    throw new ClusterError('build: the Go toolchain (go ≥ 1.26) is not on PATH', {
      command: 'go version',
      fix: 'install Go from https://go.dev/dl, or set KUBEDRILL_K8S_BIN_DIR to a folder of prebuilt binaries',
    });
  }
  const target = path.join(options.cacheDir, component.dir);
  const partial = `${target}.partial-${process.pid}`;
  const logPath = path.join(options.cacheDir, 'logs', `build-${component.name}.log`);
  await fs.mkdir(path.dirname(logPath), { recursive: true });
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(partial, { recursive: true });
  const log = createWriteStream(logPath);
  let compiled = 0;
  let last = '';
  const ticker = setInterval(() => options.progress.info(`${component.name}: ${compiled} packages compiled (last: ${last || 'downloading modules'})`), 30_000);
  const started = Date.now();
  try {
    const cwd = path.join(modulesDir, component.module);
    const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', ...component.env };
    const modfile = component.patches ? await patchedModules(component.patches, cwd, env, `${partial}.patched`) : [];
    const argv = ['go', 'build', '-v', '-trimpath', ...modfile, '-ldflags', ['-s', '-w', ...component.ldflags].join(' '), '-o', `${partial}/`, ...component.packages];
    log.write(`$ ${argv.join(' ')}\n`);
    const child = $({
      cwd,
      env,
      quiet: true,
      nothrow: true,
    })`${argv}`;
    child.stderr.on('data', (chunk: Buffer) => {
      log.write(chunk);
      for (const line of chunk.toString().split('\n')) {
        if (/^[\w.-]+(\/[\w.@~+-]+)+$/.test(line.trim())) {
          compiled += 1;
          last = line.trim();
        }
      }
    });
    const output = await child;
    if (output.exitCode !== 0) {
      throw new ClusterError(`build: go build of ${component.name} failed (exit ${output.exitCode})`, {
        command: argv.join(' '),
        output: output.stderr.split('\n').slice(-20).join('\n'),
        logPath,
      });
    }
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(partial, target);
    log.write(`built ${compiled} packages in ${Math.round((Date.now() - started) / 1000)}s\n`);
  } finally {
    clearInterval(ticker);
    log.end();
    await fs.rm(partial, { recursive: true, force: true });
    await fs.rm(`${partial}.patched`, { recursive: true, force: true });
  }
}
