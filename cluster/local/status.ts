import { existsSync } from 'node:fs';
import type { ComponentStatus } from '../provider.ts';
import { binaryPaths } from './build.ts';
import { containerdHealthy } from './containerd.ts';
import { apiserver, controllerManager, etcd, scheduler, type ComponentContext } from './control-plane.ts';
import { readClusterFile } from './cluster-file.ts';
import { kubectl } from './kubectl.ts';
import { kubelet, kubeProxy, kubeRouter } from './node.ts';
import { registryHealthy } from './registry.ts';
import type { LocalPaths } from './settings.ts';
import { network } from './settings.ts';
import { runningPid, type SupervisorDirs } from './supervisor.ts';

/** Health of every component; empty when the cluster was never created here. */
export async function clusterStatus(paths: LocalPaths): Promise<ComponentStatus[]> {
  const cluster = await readClusterFile(paths).catch(() => undefined);
  if (!cluster) return [];
  const dirs: SupervisorDirs = { run: paths.run, logs: paths.logs };
  const binaries = binaryPaths(paths.cache);
  const context: ComponentContext = { paths, binaries, hostIp: cluster.hostIp };
  const checks: Array<[string, () => Promise<boolean>]> = [
    ['registry', registryHealthy],
    ['containerd', () => containerdHealthy(paths.containerdSocket)],
    ...[etcd, apiserver, controllerManager, scheduler, kubelet, kubeProxy, kubeRouter].map((make): [string, () => Promise<boolean>] => {
      const component = make(context);
      return [component.name, component.healthy];
    }),
  ];
  const statuses: ComponentStatus[] = [];
  for (const [name, healthy] of checks) {
    const pid = runningPid(dirs, name);
    const ok = pid !== undefined && (await healthy().catch(() => false));
    statuses.push({ name, healthy: ok, detail: pid === undefined ? 'not running' : ok ? `pid ${pid}, healthy` : `pid ${pid}, not healthy` });
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
