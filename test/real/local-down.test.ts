import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../cluster/progress.ts';
import { localPaths, network } from '../../cluster/local/settings.ts';
import { mountPoints, shimPids } from '../../cluster/local/host-cleanup.ts';
import { containerIds, hostTracePaths, shimSocket } from '../../cluster/local/host-traces.ts';
import { readClusterFile, type ClusterFile } from '../../cluster/local/cluster-file.ts';
import { readSysctl } from '../../cluster/local/network.ts';
import { learnerRecordFile } from '../../cluster/learner-kubeconfig.ts';
import { apply, busyboxPod, createNamespace, ensureCluster, provider, waitReady } from './helpers/local-cluster.ts';

// Proves `down` leaves nothing behind. It tears the cluster down, so it brings
// it up again at the end: test files may run in any order.
const paths = localPaths();
let pids: number[] = [];
let ids: string[] = [];
let cluster: ClusterFile | undefined;

// Learner kubeconfigs `up` merges into (never this machine's own): one that
// existed (down must give back its exact bytes and mode) and one up created.
const kubeconfigEnv = process.env.KUBECONFIG;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'kd-down-kubeconfig-'));
const seededFile = path.join(scratch, 'seeded', 'config');
const createdFile = path.join(scratch, 'created', 'config');
const seed = `# kept as it is
apiVersion: v1
kind: Config
clusters:
  - name: elsewhere
    cluster: { server: "https://127.0.0.1:1" }
contexts:
  - name: elsewhere
    context: { cluster: elsewhere, user: someone }
current-context: elsewhere
users:
  - name: someone
    user: { token: not-a-real-token }
`;

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
  mkdirSync(path.dirname(seededFile));
  writeFileSync(seededFile, seed, { mode: 0o644 });
  process.env.KUBECONFIG = createdFile;
  await ensureCluster();
  process.env.KUBECONFIG = seededFile;
  await ensureCluster();
  for (const file of [createdFile, seededFile]) expect(readFileSync(file, 'utf8')).toContain('current-context: kubedrill-local');
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
  process.env.KUBECONFIG = kubeconfigEnv ?? path.join(scratch, 'after', 'config');
  await ensureCluster();
  if (kubeconfigEnv === undefined) delete process.env.KUBECONFIG;
  rmSync(scratch, { recursive: true, force: true });
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

  it('removes the pod bridge, veths, the node address and guard routes', async () => {
    expect((await $({ nothrow: true, quiet: true })`ip link show kubedrill0`).exitCode).not.toBe(0);
    expect((await $({ quiet: true })`ip -4 addr show dev lo`).stdout).not.toContain(network.nodeAddress);
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

  it("gives the learner's kubeconfig back byte for byte, and deletes the one up created", () => {
    expect(readFileSync(seededFile, 'utf8')).toBe(seed);
    expect(statSync(seededFile).mode & 0o777).toBe(0o644);
    expect(existsSync(path.dirname(createdFile))).toBe(false);
    const record = learnerRecordFile(paths.home);
    expect(existsSync(record) ? readFileSync(record, 'utf8') : '').not.toContain(scratch);
  });

  it('removes the pods cgroups', () => {
    const hierarchies = readdirSync('/sys/fs/cgroup');
    expect(hierarchies.filter((name) => existsSync(path.join('/sys/fs/cgroup', name, 'kubepods')))).toEqual([]);
  });
});
