import { readFileSync } from 'node:fs';
import net from 'node:net';
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClusterFile, type ClusterFile } from '../../cluster/local/cluster-file.ts';
import { httpGet } from '../../cluster/local/health.ts';
import { exposedBeyond, formatListener, providerListeners } from '../../cluster/local/listeners.ts';
import { nodeGuardChain } from '../../cluster/local/network.ts';
import { localPaths, network } from '../../cluster/local/settings.ts';
import { apply, busyboxPod, createNamespace, ensureCluster, eventually, exec, kubectl, waitReady } from './helpers/local-cluster.ts';

// Least exposure (docs/decisions/0090): without `up --listen`, nothing the
// local provider starts can be reached from another host.
const paths = localPaths();
let cluster: ClusterFile;
let ns = '';

beforeAll(async () => {
  await ensureCluster();
  cluster = (await readClusterFile(paths)) as ClusterFile;
  ns = await createNamespace('kd-exposure');
  await apply(ns, busyboxPod({ name: 'client', command: 'exec sleep 3600' }));
  await waitReady(ns, 'client');
});

afterAll(async () => {
  if (ns) await kubectl(['delete', 'namespace', ns, '--wait=false']);
});

describe('local provider exposure', () => {
  it('listens on loopback and the node address only', async () => {
    const listeners = await providerListeners(paths);
    // The table the README's exposure section is checked against.
    console.log(listeners.map((l) => `${l.component.padEnd(24)} ${formatListener(l)}`).sort().join('\n'));
    expect(cluster.apiAddress).toBe(cluster.nodeAddress);
    expect(exposedBeyond(listeners, cluster).map((l) => `${l.component} ${formatListener(l)}`)).toEqual([]);
    const on = (component: string): string[] => listeners.filter((l) => l.component === component).map(formatListener);
    expect(on('kube-apiserver')).toContain(`${network.nodeAddress}:6443`);
    expect(on('kubelet')).toContain(`${network.nodeAddress}:10250`);
    expect(on('kube-router')).toEqual(['127.0.0.1:20244']);
    // Every component shows up: the test looks at the right processes.
    for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kube-router', 'registry']) {
      expect(on(component).length, component).toBeGreaterThan(0);
    }
  });

  it('answers anonymous requests on health and version only', async () => {
    const ca = readFileSync(`${paths.pki}/ca.crt`);
    const api = `https://${cluster.apiAddress}:${network.apiserverPort}`;
    for (const path of ['/version', '/readyz', '/livez', '/healthz']) expect((await httpGet(`${api}${path}`, { ca })).status, path).toBe(200);
    // 401, not 403: the request is not even authenticated, whatever RBAC says.
    for (const path of ['/api', '/api/v1/namespaces', '/apis', '/metrics']) expect((await httpGet(`${api}${path}`, { ca })).status, path).toBe(401);
  });

  it('drops a neighbour that routes the node address to this host, while pods reach the API server', async () => {
    // A neighbour in a network namespace of our own, on a veth: it routes the
    // node address to us as a LAN peer could. A listener of ours on the shared
    // link proves the neighbour reaches this host at all.
    const sh = $({ quiet: true, nothrow: true });
    await sh`ip netns add kdneighbour`;
    const control = net.createServer((socket) => socket.end());
    try {
      await sh`ip link add kdn0 type veth peer name kdn1 netns kdneighbour`;
      await sh`ip addr add 198.51.100.1/24 dev kdn0`;
      await sh`ip link set kdn0 up`;
      await new Promise<void>((resolve, reject) => control.once('error', reject).listen(18080, '198.51.100.1', resolve));
      await sh`ip -n kdneighbour addr add 198.51.100.7/24 dev kdn1`;
      await sh`ip -n kdneighbour link set kdn1 up`;
      await sh`ip -n kdneighbour route add ${network.nodeAddress}/32 via 198.51.100.1`;
      await eventually('the neighbour reaches this host', 20_000, async () =>
        (await sh`ip netns exec kdneighbour busybox nc -w 2 198.51.100.1 18080 </dev/null`).exitCode === 0 ? true : undefined,
      );
      const dropped = async (): Promise<number> => {
        const rules = (await sh`iptables -w 5 -t mangle -L ${nodeGuardChain} -v -x -n`).stdout;
        return Number(rules.split('\n').find((line) => /DROP/.test(line) && line.includes(network.nodeAddress))?.trim().split(/\s+/)[0] ?? Number.NaN);
      };
      const before = await dropped();
      for (const port of [network.apiserverPort, 10250]) {
        expect((await sh`ip netns exec kdneighbour busybox nc -w 2 ${network.nodeAddress} ${port} </dev/null`).exitCode, `node address port ${port}`).not.toBe(0);
      }
      // The guard is what stopped them, not a closed port.
      expect(await dropped()).toBeGreaterThan(before);
    } finally {
      for (const pid of (await sh`ip netns pids kdneighbour`).stdout.split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
      await sh`ip link del kdn0`;
      await sh`ip netns del kdneighbour`;
      control.close();
    }
    // Pods go through the kubernetes Service to the node address: still open.
    expect((await exec(ns, 'client', 'nc -w 2 kubernetes.default.svc 443 </dev/null')).exitCode).toBe(0);
  });
});
