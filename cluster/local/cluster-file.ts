import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { ClusterError } from '../errors.ts';
import { existingTracePaths } from './host-traces.ts';
import { checkListen, hostIPv4Addresses } from '../listen.ts';
import { componentSysctls, readSysctl, sysctls } from './network.ts';
import { network, type LocalPaths } from './settings.ts';

/** What `up` records about the host on its first run (`<state>/cluster.json`). */
export interface ClusterFile {
  /** The node's address (network.nodeAddress when created): the kubelet listens there, pods reach the node there. */
  nodeAddress: string;
  /** The address the API server binds and advertises, named in its certificate: the node address, or `up --listen`'s. */
  apiAddress: string;
  /** Sysctl values before the first `up`, restored by `down`. */
  sysctls: Record<string, string>;
  /** Host paths components write to that existed before the first `up` (see host-traces.ts). */
  preexisting?: string[];
  createdAt: string;
}

/** Read cluster.json if the cluster was created before. */
export async function readClusterFile(paths: LocalPaths): Promise<ClusterFile | undefined> {
  if (!existsSync(paths.clusterFile)) return undefined;
  return JSON.parse(await fs.readFile(paths.clusterFile, 'utf8')) as ClusterFile;
}

/**
 * Read cluster.json, or create it from the host as it is now. The API
 * server's address is fixed at creation (its certificate and every
 * kubeconfig name it): another `--listen` needs a new cluster.
 */
export async function loadClusterFile(paths: LocalPaths, options: { listen?: string } = {}): Promise<ClusterFile> {
  const apiAddress = options.listen === undefined ? network.nodeAddress : checkListen('local', options.listen);
  const existing = await readClusterFile(paths);
  if (existing) {
    if (!existing.nodeAddress) {
      throw new ClusterError('local: this cluster was made by an older kubedrill whose API server and kubelet listened on every interface', {
        fix: 'kubedrill down && kubedrill up --provider local',
      });
    }
    if (existing.apiAddress !== existing.nodeAddress && !hostIPv4Addresses().includes(existing.apiAddress)) {
      throw new ClusterError(`local: the API server of this cluster listens on ${existing.apiAddress} (up --listen), which no interface of this host has any more`, {
        fix: 'kubedrill down && kubedrill up --provider local --listen <this host\'s address now>',
      });
    }
    if (options.listen !== undefined && existing.apiAddress !== apiAddress) {
      const now = existing.apiAddress === existing.nodeAddress ? 'on this host only' : `on ${existing.apiAddress}`;
      throw new ClusterError(`local: the API server of this cluster listens ${now}; its certificate and kubeconfigs name that address`, {
        fix: `kubedrill down && kubedrill up --provider local --listen ${apiAddress}`,
      });
    }
    return existing;
  }
  const original: Record<string, string> = {};
  for (const name of [...Object.keys(sysctls), ...componentSysctls]) original[name] = await readSysctl(name);
  const created: ClusterFile = { nodeAddress: network.nodeAddress, apiAddress, sysctls: original, preexisting: existingTracePaths(), createdAt: new Date().toISOString() };
  await fs.mkdir(paths.state, { recursive: true });
  await fs.writeFile(paths.clusterFile, `${JSON.stringify(created, null, 2)}\n`);
  return created;
}
