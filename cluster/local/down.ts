import fs from 'node:fs/promises';
import { learnerRecordFile, unmergeLearnerKubeconfig } from '../learner-kubeconfig.ts';
import type { Progress } from '../progress.ts';
import { readClusterFile } from './cluster-file.ts';
import { killPodsAndCgroups, removeIpsets, removeIptables, removeLinksAndRoutes, shimPids, unmountUnder } from './host-cleanup.ts';
import { containerIds, removeHostTraces } from './host-traces.ts';
import { guardRoutes, writeSysctl } from './network.ts';
import type { LocalPaths } from './settings.ts';
import { killPid, stopDaemon, type SupervisorDirs } from './supervisor.ts';

/** Node components first (nothing restarts pods), control plane last. */
const stopOrder = ['kube-router', 'kube-proxy', 'kubelet', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd'];

/**
 * Remove everything `up` made: processes (by pid file; pods through their
 * cgroups; shims by our containerd socket), mounts under the state dir, the
 * pod bridge and veths, guard routes, iptables chains and rules, ipsets,
 * sysctls (restored), and the state dir itself; and takes `kubedrill-local`
 * out of the learner's kubeconfig again. The binary cache stays.
 */
export async function downCluster(paths: LocalPaths, progress: Progress): Promise<void> {
  const dirs: SupervisorDirs = { run: paths.run, logs: paths.logs };
  const cluster = await readClusterFile(paths).catch(() => undefined);
  await progress.step('kubectl context out of your kubeconfig', async () => {
    // A kubeconfig record we cannot read or lock must not keep the cluster running: say so and go on.
    try {
      for (const result of await unmergeLearnerKubeconfig({ record: learnerRecordFile(paths.home) })) {
        progress.info(`${result.file}: ${result.action}${result.detail ? ` (${result.detail}; it stays tracked for the next down)` : ''}`);
      }
    } catch (error) {
      progress.info(`kubectl context not taken out: ${error instanceof Error ? error.message : String(error)} (run \`kubedrill down\` again once fixed)`);
    }
  });
  // The apiserver drains watches for a long time on SIGTERM; its state is about to go anyway.
  for (const name of stopOrder) await progress.step(`stop ${name}`, () => stopDaemon(dirs, name, name === 'kube-apiserver' ? 2000 : 10_000));
  await progress.step('stop pods', () => killPodsAndCgroups());
  await progress.step('stop containerd and registry', async () => {
    await stopDaemon(dirs, 'containerd');
    await Promise.all(shimPids(paths.containerdSocket).map((pid) => killPid(pid, 2000)));
    await stopDaemon(dirs, 'registry');
  });
  await progress.step('unmount', () => unmountUnder(paths.state));
  await progress.step('network cleanup', async () => {
    await removeLinksAndRoutes(guardRoutes);
    await removeIptables();
    await removeIpsets();
    for (const [name, value] of Object.entries(cluster?.sysctls ?? {})) await writeSysctl(name, value).catch(() => undefined);
  });
  await progress.step('remove state', async () => {
    await killPodsAndCgroups();
    await removeHostTraces({ paths, ids: containerIds(paths), preexisting: cluster?.preexisting });
    await fs.rm(paths.state, { recursive: true, force: true });
  });
}
