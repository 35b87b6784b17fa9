import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { hostCgroupVersion, kubeletSettings } from '../kubelet-settings.ts';
import type { Component, ComponentContext } from './control-plane.ts';
import { httpOk } from './health.ts';
import { kubeconfigFiles } from './pki.ts';
import { network } from './settings.ts';

function bin(context: ComponentContext, name: string): string {
  return context.binaries[name] ?? name;
}

/** The KubeletConfiguration: shared kubedrill settings plus what a host-process node needs. */
async function kubeletConfig(context: ComponentContext): Promise<string> {
  const { paths } = context;
  const shared = kubeletSettings({ cgroupV1: (await hostCgroupVersion()) === 1 });
  return stringify({
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: `${paths.pki}/ca.crt` } },
    authorization: { mode: 'Webhook' },
    cgroupDriver: 'cgroupfs',
    containerRuntimeEndpoint: `unix://${paths.containerdSocket}`,
    clusterDNS: [network.dnsServiceIp],
    clusterDomain: network.dnsDomain,
    // Pods get cluster DNS only; the host's resolvers are never handed to a pod.
    resolvConf: '',
    // containerd 1.6 does not pin the pause image: never garbage-collect images.
    imageGCHighThresholdPercent: 100,
    imageGCLowThresholdPercent: 99,
    evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '1%', 'imagefs.available': '1%', 'nodefs.inodesFree': '1%' },
    ...shared,
    podLogsDir: paths.podLogs,
    // Lowering its own oom_score_adj needs CAP_SYS_RESOURCE, which such hosts may lack.
    oomScoreAdj: 0,
    failSwapOn: false,
    // The kubelet's API (exec, logs) on the node address only; the API server calls it there.
    address: context.nodeAddress,
    healthzBindAddress: '127.0.0.1',
    healthzPort: 10248,
    rotateCertificates: false,
    serverTLSBootstrap: false,
  });
}

/** kubelet: cgroupfs driver (cgroup v1 allowed), cluster DNS, the shared 10 s crash-loop back-off cap, no taints. */
export function kubelet(context: ComponentContext): Component {
  const { paths } = context;
  const config = path.join(paths.config, 'kubelet.yaml');
  return {
    name: 'kubelet',
    command: bin(context, 'kubelet'),
    args: [
      `--config=${config}`,
      `--kubeconfig=${path.join(paths.kubeconfigs, kubeconfigFiles.kubelet)}`,
      `--root-dir=${paths.kubelet}`,
      `--cert-dir=${path.join(paths.kubelet, 'pki')}`,
      `--hostname-override=${network.nodeName}`,
      `--node-ip=${context.nodeAddress}`,
      `--volume-plugin-dir=${path.join(paths.kubelet, 'volume-plugins')}`,
    ],
    prepare: async () => {
      await fs.mkdir(paths.podLogs, { recursive: true });
      await fs.writeFile(config, await kubeletConfig(context));
    },
    healthy: () => httpOk('http://127.0.0.1:10248/healthz'),
    timeoutSeconds: 90,
  };
}

/** kube-proxy in iptables mode; leaves conntrack sysctls alone. */
export function kubeProxy(context: ComponentContext): Component {
  const { paths } = context;
  const config = path.join(paths.config, 'kube-proxy.yaml');
  return {
    name: 'kube-proxy',
    command: bin(context, 'kube-proxy'),
    args: [`--config=${config}`],
    prepare: () =>
      fs.writeFile(
        config,
        `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
clientConnection: { kubeconfig: ${path.join(paths.kubeconfigs, kubeconfigFiles.kubeProxy)} }
clusterCIDR: ${network.podCidr}
hostnameOverride: ${network.nodeName}
# NodePorts on the node's own address (as on a kind node), not on 127.0.0.1: no route_localnet.
nodePortAddresses: [primary]
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
conntrack: { maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s }
`,
      ),
    healthy: () => httpOk('http://127.0.0.1:10256/healthz'),
    timeoutSeconds: 60,
  };
}

/** kube-router with only its NetworkPolicy firewall (iptables + ipset). */
export function kubeRouter(context: ComponentContext): Component {
  return {
    name: 'kube-router',
    command: bin(context, 'kube-router'),
    args: [
      `--kubeconfig=${path.join(context.paths.kubeconfigs, kubeconfigFiles.kubeRouter)}`,
      '--run-firewall=true',
      '--run-router=false',
      '--run-service-proxy=false',
      '--run-loadbalancer=false',
      '--enable-cni=false',
      '--enable-ipv6=false',
      `--hostname-override=${network.nodeName}`,
      `--service-cluster-ip-range=${network.serviceCidr}`,
      // Upstream serves /healthz on every interface; our wrapper (modules/kube-router) serves it on loopback.
      '--health-port=0',
      '--kubedrill-health-address=127.0.0.1:20244',
      '--metrics-port=0',
    ],
    // At most one full policy sync per sync time + this pause (the patch in source-patch.ts): a policy change
    // still lands within a few seconds, and churn no longer keeps a core busy with iptables.
    env: { KUBEDRILL_NPC_MIN_SYNC_INTERVAL: process.env.KUBEDRILL_NPC_MIN_SYNC_INTERVAL ?? '2s' },
    healthy: () => httpOk('http://127.0.0.1:20244/healthz'),
    timeoutSeconds: 60,
  };
}
