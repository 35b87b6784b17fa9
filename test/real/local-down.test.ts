import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../cluster/progress.ts';
import { localPaths } from '../../cluster/local/settings.ts';
import { mountPoints, shimPids } from '../../cluster/local/host-cleanup.ts';
import { containerIds, hostTracePaths, shimSocket } from '../../cluster/local/host-traces.ts';
import { readClusterFile, type ClusterFile } from '../../cluster/local/cluster-file.ts';
import { readSysctl } from '../../cluster/local/network.ts';
import { apply, busyboxPod, createNamespace, ensureCluster, provider, waitReady } from './helpers/local-cluster.ts';

// Proves `down` leaves nothing behind. It tears the cluster down, so it brings
// it up again at the end: test files may run in any order.
const paths = localPaths();
let pids: number[] = [];
let ids: string[] = [];
let cluster: ClusterFile | undefined;

function pidsInCgroups(): number[] {
  const found: number[] = [];
  const walk = (dir: string): void => {
    try {
      for (const line of readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) found.push(Number(line));
      for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(dir, entry.name));
    } catch {
      // not there
    }
  };
  walk('/sys/fs/cgroup/memory/kubepods');
  return found;
}

beforeAll(async () => {
  await ensureCluster();
  // Something for every cleanup path: a running pod (veth, mounts, cgroups) and
  // a NetworkPolicy (kube-router chains and ipsets).
  const ns = await createNamespace('kd-down');
  await apply(ns, busyboxPod({ name: 'sleeper', command: 'exec sleep 3600' }));
  await apply(ns, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress] }\n`);
  await waitReady(ns, 'sleeper');
  const recorded = readdirSync(paths.run)
    .filter((file) => file.endsWith('.pid'))
    .map((file) => (JSON.parse(readFileSync(path.join(paths.run, file), 'utf8')) as { pid: number }).pid);
  pids = [...recorded, ...shimPids(paths.containerdSocket), ...pidsInCgroups()];
  ids = containerIds(paths);
  cluster = await readClusterFile(paths);
  expect(pids.length).toBeGreaterThan(10);
  await provider.down({ progress: createProgress() });
});

afterAll(async () => {
  await ensureCluster();
});

describe('local down', () => {
  it('stops every process it started', () => {
    const alive = pids.filter((pid) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')));
    expect(alive).toEqual([]);
    expect(shimPids(paths.containerdSocket)).toEqual([]);
  });

  it('leaves no mount and no state behind, but keeps the binary cache', () => {
    expect(mountPoints().filter((point) => point.startsWith(paths.state))).toEqual([]);
    expect(existsSync(paths.state)).toBe(false);
    expect(existsSync(paths.cache)).toBe(true);
  });

  it('removes the pod bridge, veths and guard routes', async () => {
    expect((await $({ nothrow: true, quiet: true })`ip link show kubedrill0`).exitCode).not.toBe(0);
    expect((await $({ quiet: true })`ip -o link show type veth`).stdout.trim()).toBe('');
    const routes = (await $({ quiet: true })`ip route show`).stdout;
    expect(routes).not.toMatch(/10\.244\.|10\.96\./);
  });

  it('removes every iptables rule and chain and every ipset', async () => {
    for (const save of ['iptables-save', 'ip6tables-save']) {
      const rules = (await $({ quiet: true })`${save}`).stdout;
      expect(rules).not.toMatch(/KUBE-|CNI-|KUBEDRILL-|kubedrill0/);
    }
    expect((await $({ quiet: true })`ipset list -n`).stdout).not.toMatch(/KUBE-|kube-router/);
  });

  it('removes its traces outside the state dir and restores sysctls', async () => {
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.map((id) => shimSocket(paths.containerdSocket, id)).filter((socket) => existsSync(socket))).toEqual([]);
    for (const file of hostTracePaths) if (!cluster?.preexisting?.includes(file)) expect(existsSync(file), file).toBe(false);
    const logs = existsSync('/var/log/containers') ? readdirSync('/var/log/containers') : [];
    expect(logs.filter((link) => /kd-down/.test(link))).toEqual([]);
    const results = existsSync('/var/lib/cni/results') ? readdirSync('/var/lib/cni/results') : [];
    expect(results.filter((file) => file.startsWith('kubedrill-'))).toEqual([]);
    for (const [name, value] of Object.entries(cluster?.sysctls ?? {})) expect(await readSysctl(name), name).toBe(value);
  });

  it('removes the pods cgroups', () => {
    const hierarchies = readdirSync('/sys/fs/cgroup');
    expect(hierarchies.filter((name) => existsSync(path.join('/sys/fs/cgroup', name, 'kubepods')))).toEqual([]);
  });
});
