import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readClusterFile, type ClusterFile } from '../../cluster/local/cluster-file.ts';
import os from 'node:os';
import { $ } from 'zx';
import { exposedBeyond, formatListener, providerListeners } from '../../cluster/local/listeners.ts';
import { localPaths, network } from '../../cluster/local/settings.ts';
import { createProgress } from '../../cluster/progress.ts';
import { apply, busyboxPod, createNamespace, exec, kubectlOk, provider, waitReady } from './helpers/local-cluster.ts';

// `up --listen ADDR`: the API server, and only it, on one address of this host
// that a room could reach. It TAKES THE CLUSTER DOWN and leaves a --listen
// cluster up: run it just before local-down.test.ts, which tears that one
// down (proving down cleans it too) and brings a plain cluster back.
const paths = localPaths();
let lan = '';
let cluster: ClusterFile;

beforeAll(async () => {
  // This machine's own address on the interface of its default route (what a room would reach): traffic to it stays here.
  const routes = JSON.parse((await $({ quiet: true })`ip -j -4 route show default`).stdout) as Array<{ dev?: string }>;
  const device = routes[0]?.dev ?? '';
  lan = os.networkInterfaces()[device]?.find((a) => a.family === 'IPv4')?.address ?? '';
  expect(lan, `an IPv4 address on ${device || 'the default route\'s interface'}`).not.toBe('');
  await provider.down({ progress: createProgress() });
  await provider.up({ progress: createProgress(), images: ['busybox:1.36'], listen: lan });
  cluster = (await readClusterFile(paths)) as ClusterFile;
});

describe('local up --listen', () => {
  it('puts the API server, and nothing else, on the given address', async () => {
    const listeners = await providerListeners(paths);
    console.log(listeners.map((l) => `${l.component.padEnd(24)} ${formatListener(l)}`).sort().join('\n'));
    expect(cluster.apiAddress).toBe(lan);
    expect(listeners.filter((l) => l.address === lan).map((l) => `${l.component} ${formatListener(l)}`)).toEqual([`kube-apiserver ${lan}:6443`]);
    expect(exposedBeyond(listeners, cluster).map((l) => `${l.component} ${formatListener(l)}`)).toEqual([]);
    expect(listeners.filter((l) => l.component === 'kubelet').map(formatListener)).toContain(`${network.nodeAddress}:10250`);
  });

  it('names the address in the kubeconfig and the certificate, and pods still reach the API server', async () => {
    const kubeconfig = parse(readFileSync(paths.kubeconfig, 'utf8')) as { clusters: Array<{ cluster: { server: string } }> };
    expect(kubeconfig.clusters[0]?.cluster.server).toBe(`https://${lan}:6443`);
    // kubectl verifies the serving certificate against the address.
    expect(await kubectlOk(['get', 'node', network.nodeName, '-o', 'name'])).toBe(`node/${network.nodeName}`);
    const ns = await createNamespace('kd-listen');
    await apply(ns, busyboxPod({ name: 'client', command: 'exec sleep 3600' }));
    await waitReady(ns, 'client');
    expect((await exec(ns, 'client', 'nc -w 2 kubernetes.default.svc 443 </dev/null')).exitCode).toBe(0);
  });

  it('keeps the address fixed: another --listen needs a new cluster, a plain up keeps it', async () => {
    const error = (await provider.up({ progress: createProgress(), images: ['busybox:1.36'], listen: network.nodeAddress }).catch((e: unknown) => e)) as Error & { fix?: string };
    expect(error.message).toMatch(/listens on .*certificate/);
    expect(error.fix).toContain('kubedrill down');
    await provider.up({ progress: createProgress(), images: ['busybox:1.36'] });
    expect((await readClusterFile(paths))?.apiAddress).toBe(lan);
  });
});
