import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LocalPaths } from './settings.ts';

/**
 * Host paths components write to whatever we configure: containerd 1.6's
 * shim sockets, the kubelet's /var/log/containers links and device-plugin
 * socket, libcni's result cache, skopeo's blob-info cache. Those that did not
 * exist before the first `up` are removed whole by `down`.
 */
export const hostTracePaths = ['/run/containerd', '/var/log/containers', '/var/lib/kubelet', '/var/lib/cni', '/var/lib/containers'];

/** Which of {@link hostTracePaths} exist now (recorded at the first `up`). */
export function existingTracePaths(): string[] {
  return hostTracePaths.filter((file) => existsSync(file));
}

/** Container and sandbox ids containerd knows, read from its state and root dirs. */
export function containerIds(paths: LocalPaths): string[] {
  const dirs = [
    path.join(paths.containerd, 'state', 'io.containerd.runtime.v2.task', 'k8s.io'),
    path.join(paths.containerd, 'root', 'io.containerd.grpc.v1.cri', 'sandboxes'),
    path.join(paths.containerd, 'root', 'io.containerd.grpc.v1.cri', 'containers'),
  ];
  return [...new Set(dirs.flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : [])))];
}

/** containerd 1.6's shim socket: /run/containerd/s/sha256(<address>/<namespace>/<id>). */
export function shimSocket(containerdSocket: string, id: string): string {
  return path.join('/run/containerd/s', createHash('sha256').update(path.join(containerdSocket, 'k8s.io', id)).digest('hex'));
}

/** Remove what our run left in {@link hostTracePaths}; `preexisting` undefined = unknown, remove only our entries. */
export async function removeHostTraces(options: { paths: LocalPaths; ids: string[]; preexisting?: string[] }): Promise<void> {
  const { paths, ids } = options;
  for (const id of ids) {
    await fs.rm(shimSocket(paths.containerdSocket, id), { force: true });
    await fs.rm(path.join('/var/lib/cni/results', `cni-loopback-${id}-lo`), { force: true });
    await fs.rm(path.join('/var/lib/cni/results', `kubedrill-${id}-eth0`), { force: true });
  }
  const links = existsSync('/var/log/containers') ? readdirSync('/var/log/containers') : [];
  for (const link of links) {
    const target = await fs.readlink(path.join('/var/log/containers', link)).catch(() => '');
    if (target.startsWith(`${paths.podLogs}/`)) await fs.rm(path.join('/var/log/containers', link), { force: true });
  }
  if (!options.preexisting) return;
  for (const file of hostTracePaths) {
    if (!options.preexisting.includes(file)) await fs.rm(file, { recursive: true, force: true });
  }
}
