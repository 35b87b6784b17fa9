import { existsSync } from 'node:fs';
import type { ComponentStatus } from '../provider.ts';
import { binaryPaths } from './build.ts';
import { containerdHealthy } from './containerd.ts';
import { apiserver, controllerManager, etcd, scheduler, type ComponentContext } from './control-plane.ts';
import { readClusterFile, type ClusterFile } from './cluster-file.ts';
import { exposedBeyond, formatListener, providerListeners, type OwnedListener } from './listeners.ts';
import { kubectl } from './kubectl.ts';
import { nodeGuardInstalled } from './network.ts';
import { kubelet, kubeProxy, kubeRouter } from './node.ts';
import { registryHealthy } from './registry.ts';
import type { LocalPaths } from './settings.ts';
import { network } from './settings.ts';
import { runningPid, type SupervisorDirs } from './supervisor.ts';

/**
 * Who can reach the cluster: a row that fails when anything listens beyond
 * what `up` chose, when the listeners cannot be read, or when the guard of
 * the node address is gone.
 */
async function exposure(listeners: OwnedListener[] | Error, cluster: ClusterFile): Promise<ComponentStatus> {
  if (listeners instanceof Error) return { name: 'exposure', healthy: false, detail: `unknown: the listeners could not be read (${listeners.message})` };
  if (listeners.length === 0) return { name: 'exposure', healthy: false, detail: 'unknown: no listener of the provider found (are its daemons running? ss needs root to name processes)' };
  const beyond = exposedBeyond(listeners, cluster);
  if (beyond.length > 0) {
    return { name: 'exposure', healthy: false, detail: `reachable from other hosts: ${beyond.map((l) => `${l.component} on ${formatListener(l)}`).join(', ')}` };
  }
  if (!(await nodeGuardInstalled())) return { name: 'exposure', healthy: false, detail: `the guard of node address ${cluster.nodeAddress} is gone: kubedrill up puts it back` };
  const local = `loopback and node address ${cluster.nodeAddress}`;
  if (cluster.apiAddress === cluster.nodeAddress) return { name: 'exposure', healthy: true, detail: `this host only (${local})` };
  return { name: 'exposure', healthy: true, detail: `the API server on ${cluster.apiAddress}:${network.apiserverPort} (up --listen); everything else this host only (${local})` };
}

/** Health of every component; empty when the cluster was never created here. */
export async function clusterStatus(paths: LocalPaths): Promise<ComponentStatus[]> {
  const cluster = await readClusterFile(paths).catch(() => undefined);
  if (!cluster) return [];
  if (!cluster.nodeAddress) {
    return [{ name: 'cluster', healthy: false, detail: 'made by an older kubedrill that listened on every interface: kubedrill down && kubedrill up --provider local' }];
  }
  const dirs: SupervisorDirs = { run: paths.run, logs: paths.logs };
  const binaries = binaryPaths(paths.cache);
  const context: ComponentContext = { paths, binaries, nodeAddress: cluster.nodeAddress, apiAddress: cluster.apiAddress };
  const checks: Array<[string, () => Promise<boolean>]> = [
    ['registry', registryHealthy],
    ['containerd', () => containerdHealthy(paths.containerdSocket)],
    ...[etcd, apiserver, controllerManager, scheduler, kubelet, kubeProxy, kubeRouter].map((make): [string, () => Promise<boolean>] => {
      const component = make(context);
      return [component.name, component.healthy];
    }),
  ];
  const listeners = await providerListeners(paths).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const statuses: ComponentStatus[] = [await exposure(listeners, cluster)];
  const found = listeners instanceof Error ? [] : listeners;
  for (const [name, healthy] of checks) {
    const pid = runningPid(dirs, name);
    const ok = pid !== undefined && (await healthy().catch(() => false));
    const on = found.filter((l) => l.component === name).map(formatListener);
    const where = on.length > 0 ? `, listens on ${[...new Set(on)].join(' ')}` : '';
    statuses.push({ name, healthy: ok, detail: pid === undefined ? 'not running' : `pid ${pid}, ${ok ? 'healthy' : 'not healthy'}${where}` });
  }
  const apiUp = statuses.find((status) => status.name === 'kube-apiserver')?.healthy && existsSync(paths.kubeconfig);
  const kube = { paths, binaries, component: 'status', allowFail: true, timeoutMs: 10_000 };
  const node = apiUp
    ? (await kubectl(['get', 'node', network.nodeName, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'], kube)).stdout.trim()
    : '';
  statuses.push({ name: 'node', healthy: node === 'True', detail: node ? `Ready=${node}` : 'unknown (apiserver down)' });
  const dns = apiUp ? (await kubectl(['-n', 'kube-system', 'get', 'deployment', 'coredns', '-o', 'jsonpath={.status.readyReplicas}'], kube)).stdout.trim() : '';
  statuses.push({ name: 'coredns', healthy: Number(dns) > 0, detail: dns ? `${dns} ready` : 'not ready' });
  return statuses;
}
