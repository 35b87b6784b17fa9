import path from 'node:path';
import type { RunResult } from '../kind/run.ts';
import { zxRunner } from '../kind/run.ts';
import type { NodeAccess, NodePaths } from '../node-access.ts';
import { localPaths, network } from './settings.ts';

/**
 * The local provider's one node is this host: its kubelet, containerd and
 * control plane run here as supervised processes, so a node command runs on
 * the host, as root, and the node shell is a shell here with the node's paths
 * spelled out (they live under the provider's state folder, not /etc/kubernetes).
 */
export function localNodeAccess(options: { stateDir?: string } = {}): NodeAccess {
  const local = localPaths(options);
  const paths: NodePaths = {
    kubeletConfig: path.join(local.config, 'kubelet.yaml'),
    kubeletDir: local.kubelet,
    containerdSocket: local.containerdSocket,
    cniConf: local.cniConf,
    pki: local.pki,
    logs: local.logs,
  };
  const unknown = (node: string): RunResult => ({ exitCode: 1, stdout: '', stderr: `no node ${node} on the local provider (its one node is ${network.nodeName})\n` });
  return {
    how: 'on this host (the local provider\'s node)',
    async nodes() {
      return [network.nodeName];
    },
    async exec(node, argv, execOptions = {}) {
      if (node !== network.nodeName) return unknown(node);
      return zxRunner(argv, execOptions);
    },
    shell(node, { tty }) {
      const shell = process.env.SHELL || '/bin/bash';
      return {
        argv: tty ? [shell, '-i'] : [shell],
        env: { CONTAINER_RUNTIME_ENDPOINT: `unix://${paths.containerdSocket}`, KUBEDRILL_NODE: node },
        intro: [
          `node ${node} is this host: the local provider runs the kubelet, containerd and the control plane as processes here.`,
          `  kubelet config   ${paths.kubeletConfig}`,
          `  kubelet dir      ${paths.kubeletDir}`,
          `  certificates     ${paths.pki}`,
          `  containerd       ${paths.containerdSocket} (crictl reads CONTAINER_RUNTIME_ENDPOINT, set here)`,
          `  CNI config       ${paths.cniConf}`,
          `  component logs   ${paths.logs}/<component>.log (no systemd units, no static pods: \`kubedrill status --cluster\`)`,
          '`exit` leaves.',
        ],
      };
    },
    paths,
  };
}
