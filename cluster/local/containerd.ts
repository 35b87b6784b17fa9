import fs from 'node:fs/promises';
import path from 'node:path';
import type { LocalPaths } from './settings.ts';
import { network, systemImages } from './settings.ts';
import { mountPoints } from './host-cleanup.ts';
import { run } from './run.ts';
import { runningPid, startDaemon, waitHealthy, type SupervisorDirs } from './supervisor.ts';

/**
 * containerd 1.6 config: our pause image as sandbox, restrict_oom_score_adj
 * (the host lacks CAP_SYS_RESOURCE), runc with cgroupfs, CNI from Debian's
 * plugins, network namespaces under our state dir, and registry hosts from
 * `certs.d` where the local registry is docker.io's only host.
 */
function containerdConfig(paths: LocalPaths): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return `version = 2
root = "${path.join(paths.containerd, 'root')}"
state = "${path.join(paths.containerd, 'state')}"
oom_score = 0
disabled_plugins = ["io.containerd.internal.v1.opt", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]

[grpc]
  address = "${paths.containerdSocket}"

[${cri}]
  sandbox_image = "docker.io/${systemImages.pause}"
  restrict_oom_score_adj = true
  netns_mounts_under_state_dir = true
  enable_selinux = false

[${cri}.containerd]
  snapshotter = "overlayfs"
  default_runtime_name = "runc"

[${cri}.containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"

[${cri}.containerd.runtimes.runc.options]
  SystemdCgroup = false
  Root = "${path.join(paths.containerd, 'runc')}"

[${cri}.cni]
  bin_dir = "/usr/lib/cni"
  conf_dir = "${paths.cniConf}"

[${cri}.registry]
  config_path = "${path.join(paths.containerd, 'certs.d')}"
`;
}

/** A loopback port nothing listens on (discard). */
const deadProxy = 'http://127.0.0.1:9';

/**
 * hosts.toml: the local registry IS docker.io, as `server` (no fallback to
 * the real one, so a missing tag is "not found" at once) and as its only
 * `host` (containerd 1.6 rejects a hosts.toml without a host tree and then
 * falls back to registry-1.docker.io).
 */
function hostsToml(): string {
  const url = `http://${network.registry}`;
  return `server = "${url}"\n\n[host."${url}"]\n  capabilities = ["pull", "resolve"]\n`;
}

/**
 * Bind the state dir onto itself and make it rshared: the kubelet's volume
 * mounts and containerd's netns/rootfs mounts all live below it and propagate
 * into containers, without changing the propagation of the host's own mounts.
 */
async function ensureSharedMount(state: string): Promise<void> {
  await fs.mkdir(state, { recursive: true });
  if (!mountPoints().includes(state)) await run(['mount', '--bind', state, state], { component: 'containerd' });
  await run(['mount', '--make-rshared', state], { component: 'containerd' });
}

/** True when containerd answers on its socket. */
export async function containerdHealthy(socket: string): Promise<boolean> {
  const result = await run(['ctr', '--address', socket, '--timeout', '3s', 'version'], { component: 'containerd', allowFail: true });
  return result.exitCode === 0;
}

/** Write config and start containerd unless it already runs healthy. */
export async function ensureContainerd(paths: LocalPaths, dirs: SupervisorDirs): Promise<void> {
  if (runningPid(dirs, 'containerd') !== undefined && (await containerdHealthy(paths.containerdSocket))) return;
  await ensureSharedMount(paths.state);
  const config = path.join(paths.config, 'containerd.toml');
  await fs.mkdir(paths.config, { recursive: true });
  await fs.mkdir(paths.cniConf, { recursive: true });
  await fs.mkdir(path.join(paths.containerd, 'certs.d', 'docker.io'), { recursive: true });
  await fs.writeFile(path.join(paths.containerd, 'certs.d', 'docker.io', 'hosts.toml'), hostsToml());
  await fs.writeFile(config, containerdConfig(paths));
  await startDaemon(dirs, {
    name: 'containerd',
    command: '/usr/bin/containerd',
    args: ['--config', config],
    // Belt and braces: should a pull ever miss hosts.toml, it meets a dead
    // proxy on loopback instead of resolving and dialling the real registry.
    env: { HTTPS_PROXY: deadProxy, HTTP_PROXY: deadProxy, NO_PROXY: '127.0.0.1,localhost', https_proxy: deadProxy, http_proxy: deadProxy, no_proxy: '127.0.0.1,localhost' },
  });
  await waitHealthy({ name: 'containerd', check: () => containerdHealthy(paths.containerdSocket), timeoutMs: 60_000, dirs });
}
