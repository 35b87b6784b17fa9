import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { ClusterError } from '../errors.ts';
import { existingTracePaths } from './host-traces.ts';
import { componentSysctls, detectHostIp, readSysctl, sysctls } from './network.ts';
import type { LocalPaths } from './settings.ts';

/** What `up` records about the host on its first run (`<state>/cluster.json`). */
export interface ClusterFile {
  /** The address certificates were issued for and the apiserver advertises. */
  hostIp: string;
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

/** Read cluster.json, or create it from the host as it is now. */
export async function loadClusterFile(paths: LocalPaths): Promise<ClusterFile> {
  const hostIp = await detectHostIp();
  const existing = await readClusterFile(paths);
  if (existing) {
    if (existing.hostIp !== hostIp) {
      throw new ClusterError(`local: this host's address changed from ${existing.hostIp} to ${hostIp}; certificates name the old one`, {
        fix: 'kubedrill down && kubedrill up --provider local',
      });
    }
    return existing;
  }
  const original: Record<string, string> = {};
  for (const name of [...Object.keys(sysctls), ...componentSysctls]) original[name] = await readSysctl(name);
  const created: ClusterFile = { hostIp, sysctls: original, preexisting: existingTracePaths(), createdAt: new Date().toISOString() };
  await fs.mkdir(paths.state, { recursive: true });
  await fs.writeFile(paths.clusterFile, `${JSON.stringify(created, null, 2)}\n`);
  return created;
}
