import fs from 'node:fs/promises';
import path from 'node:path';
import { ClusterError } from '../errors.ts';
import { httpGet, httpOk } from './health.ts';
import type { OciImage } from './images.ts';
import { parseImageRef } from './image-ref.ts';
import { run } from './run.ts';
import { network } from './settings.ts';
import { logPath, runningPid, startDaemon, waitHealthy, type SupervisorDirs } from './supervisor.ts';

const base = `http://${network.registry}`;

/** True when the local registry answers its API root. */
export function registryHealthy(): Promise<boolean> {
  return httpOk(`${base}/v2/`);
}

/** Start Debian's docker-registry on 127.0.0.1 only, storing under `dataDir`. */
export async function ensureRegistry(options: { dirs: SupervisorDirs; configDir: string; dataDir: string }): Promise<void> {
  if (runningPid(options.dirs, 'registry') !== undefined && (await registryHealthy())) return;
  const config = path.join(options.configDir, 'registry.yml');
  await fs.mkdir(options.configDir, { recursive: true });
  await fs.mkdir(options.dataDir, { recursive: true });
  await fs.writeFile(
    config,
    [
      'version: 0.1',
      'log: { level: warn, fields: { service: registry } }',
      `storage: { filesystem: { rootdirectory: ${options.dataDir} }, delete: { enabled: true } }`,
      `http: { addr: "${network.registry}" }`,
      '',
    ].join('\n'),
  );
  await startDaemon(options.dirs, { name: 'registry', command: '/usr/bin/docker-registry', args: ['serve', config] });
  await waitHealthy({ name: 'registry', check: registryHealthy, timeoutMs: 30_000, dirs: options.dirs });
}

/** True when the registry already holds `image` (a HEAD on its manifest). */
async function hasImage(image: string): Promise<boolean> {
  const ref = parseImageRef(image);
  const response = await httpGet(`${base}/v2/${ref.repository}/manifests/${ref.tag}`, { method: 'HEAD' });
  return response.status === 200;
}

/** Push an OCI layout to the registry under `image`'s Docker Hub name, unless already there. */
export async function pushImage(options: { source: OciImage; image: string; logs: string }): Promise<void> {
  if (await hasImage(options.image)) return;
  const ref = parseImageRef(options.image);
  if (ref.host !== 'docker.io') {
    throw new ClusterError(`registry: ${options.image} is not a Docker Hub image; the local registry serves docker.io only`);
  }
  const result = await run(
    ['skopeo', 'copy', '--quiet', '--dest-tls-verify=false', `oci:${options.source.layout}:${options.source.tag}`, `docker://${network.registry}/${ref.repository}:${ref.tag}`],
    { component: 'registry', allowFail: true },
  );
  if (result.exitCode !== 0) {
    const log = path.join(options.logs, 'skopeo.log');
    await fs.appendFile(log, `${options.image}\n${result.stdout}\n${result.stderr}\n`);
    throw new ClusterError(`registry: pushing ${options.image} failed: ${result.stderr.trim()}`, { command: 'skopeo copy', logPath: log });
  }
}

/** Log of the registry daemon. */
export function registryLog(dirs: SupervisorDirs): string {
  return logPath(dirs, 'registry');
}
