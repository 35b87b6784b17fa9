import os from 'node:os';
import path from 'node:path';

/** Versions the local provider builds and runs; the cache is keyed by them. */
export const versions = {
  kubernetes: 'v1.36.3',
  etcd: 'v3.6.16',
  coredns: 'v1.14.5',
  kubeRouter: 'v2.1.0',
} as const;

/** Address plan of the single-node cluster (kind's defaults, so scenarios behave alike). */
export const network = {
  clusterName: 'kubedrill',
  context: 'kubedrill-local',
  nodeName: 'kubedrill-control-plane',
  podCidr: '10.244.0.0/16',
  serviceCidr: '10.96.0.0/16',
  apiServiceIp: '10.96.0.1',
  dnsServiceIp: '10.96.0.10',
  dnsDomain: 'cluster.local',
  bridge: 'kubedrill0',
  registry: '127.0.0.1:5055',
  apiserverPort: 6443,
  /**
   * The node's own address, a /32 on the loopback interface (hosts without
   * the dummy module have no other interface that always exists): the
   * kubelet and (without `--listen`) the API server listen here,
   * pods reach it through their gateway. In 198.18.0.0/15, which RFC 2544
   * reserves for benchmark networks: no LAN or VPN hands it out (fake-IP
   * proxies use 198.18.0.0/16, hence the upper half). docs/decisions/0090.
   */
  nodeAddress: '198.19.0.1',
} as const;

/** Images of the cluster itself, served by the local registry like any other. */
export const systemImages = {
  pause: 'kubedrill/pause:1.0',
  coredns: `kubedrill/coredns:${versions.coredns.slice(1)}`,
} as const;

/** The decoy tag pushed next to the scenario images (image-swap shortcut tests). */
export const decoyImage = { image: 'busybox:1.37', from: 'busybox:1.36' } as const;

/** Every path the provider reads or writes. */
export interface LocalPaths {
  home: string;
  state: string;
  cache: string;
  binDir: string;
  run: string;
  logs: string;
  pki: string;
  kubeconfigs: string;
  kubeconfig: string;
  etcdData: string;
  containerd: string;
  containerdSocket: string;
  registryData: string;
  kubelet: string;
  podLogs: string;
  cniConf: string;
  cniIpam: string;
  images: string;
  config: string;
  clusterFile: string;
}

/** `$KUBEDRILL_HOME`, default ~/.kubedrill. */
export function kubedrillHome(): string {
  return process.env.KUBEDRILL_HOME ?? path.join(os.homedir(), '.kubedrill');
}

/** Resolve every path from the (optional) overrides and the environment. */
export function localPaths(options: { stateDir?: string; cacheDir?: string } = {}): LocalPaths {
  const home = kubedrillHome();
  const state = path.resolve(options.stateDir ?? path.join(home, 'local'));
  const cache = path.resolve(options.cacheDir ?? process.env.KUBEDRILL_CACHE ?? path.join(os.homedir(), '.cache', 'kubedrill'));
  const run = path.join(state, 'run');
  return {
    home,
    state,
    cache,
    binDir: path.join(home, 'bin'),
    run,
    logs: path.join(state, 'logs'),
    pki: path.join(state, 'pki'),
    kubeconfigs: path.join(state, 'kubeconfigs'),
    kubeconfig: path.join(state, 'kubeconfig'),
    etcdData: path.join(state, 'etcd'),
    containerd: path.join(state, 'containerd'),
    containerdSocket: path.join(run, 'containerd.sock'),
    registryData: path.join(state, 'registry'),
    kubelet: path.join(state, 'kubelet'),
    podLogs: path.join(state, 'pod-logs'),
    cniConf: path.join(state, 'cni', 'net.d'),
    cniIpam: path.join(state, 'cni', 'ipam'),
    images: path.join(state, 'images'),
    config: path.join(state, 'config'),
    clusterFile: path.join(state, 'cluster.json'),
  };
}
