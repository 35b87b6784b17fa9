import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { BinaryPaths } from './build.ts';
import { apiserverUrl } from './control-plane.ts';
import { run } from './run.ts';
import type { LocalPaths } from './settings.ts';
import { network, versions } from './settings.ts';

/** Kubeconfigs of the host components (file names in `paths.kubeconfigs`). */
export const kubeconfigFiles = {
  admin: 'admin.conf',
  superAdmin: 'super-admin.conf',
  controllerManager: 'controller-manager.conf',
  scheduler: 'scheduler.conf',
  kubelet: 'kubelet.conf',
  kubeProxy: 'kube-proxy.conf',
  kubeRouter: 'kube-router.conf',
} as const;

function kubeadmConfig(paths: LocalPaths, addresses: { nodeAddress: string; apiAddress: string }): string {
  const sans = [...new Set(['localhost', addresses.nodeAddress, addresses.apiAddress])];
  return `apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
localAPIEndpoint:
  advertiseAddress: ${addresses.apiAddress}
  bindPort: ${network.apiserverPort}
nodeRegistration:
  name: ${network.nodeName}
  criSocket: unix://${paths.containerdSocket}
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: ${versions.kubernetes}
clusterName: ${network.clusterName}
certificatesDir: ${paths.pki}
networking:
  serviceSubnet: ${network.serviceCidr}
  podSubnet: ${network.podCidr}
  dnsDomain: ${network.dnsDomain}
apiServer:
  certSANs: [${sans.join(', ')}]
`;
}

/**
 * Certificates and kubeconfigs with kubeadm's standalone phases, plus client
 * kubeconfigs for kube-proxy and kube-router (certificates signed by the
 * cluster CA, bound by RBAC in bootstrap.ts). Existing files are kept.
 */
export async function ensurePki(options: { paths: LocalPaths; binaries: BinaryPaths; nodeAddress: string; apiAddress: string }): Promise<void> {
  const { paths, binaries } = options;
  const kubeadm = binaries.kubeadm ?? 'kubeadm';
  const config = path.join(paths.config, 'kubeadm.yaml');
  await fs.mkdir(paths.config, { recursive: true });
  await fs.mkdir(paths.kubeconfigs, { recursive: true });
  await fs.writeFile(config, kubeadmConfig(paths, options));
  const component = 'pki';
  if (!existsSync(path.join(paths.pki, 'ca.crt')) || !existsSync(path.join(paths.pki, 'sa.pub'))) {
    await run([kubeadm, 'init', 'phase', 'certs', 'all', '--config', config], { component });
  }
  if (!existsSync(path.join(paths.kubeconfigs, kubeconfigFiles.kubelet))) {
    await run([kubeadm, 'init', 'phase', 'kubeconfig', 'all', '--config', config, '--kubeconfig-dir', paths.kubeconfigs], { component });
  }
  const users: Array<[string, string]> = [
    [kubeconfigFiles.kubeProxy, 'system:kube-proxy'],
    [kubeconfigFiles.kubeRouter, 'system:kube-router'],
  ];
  for (const [file, user] of users) {
    const target = path.join(paths.kubeconfigs, file);
    if (existsSync(target)) continue;
    const kubeconfig = await run([kubeadm, 'kubeconfig', 'user', '--config', config, '--client-name', user], { component });
    await fs.writeFile(target, kubeconfig.stdout, { mode: 0o600 });
  }
  if (!existsSync(paths.kubeconfig)) await writeUserKubeconfig(paths, options.apiAddress);
}

/** The admin kubeconfig handed to users: context `kubedrill-local`, server where the API server listens. */
async function writeUserKubeconfig(paths: LocalPaths, apiAddress: string): Promise<void> {
  const admin = parse(await fs.readFile(path.join(paths.kubeconfigs, kubeconfigFiles.admin), 'utf8')) as {
    clusters: Array<{ cluster: Record<string, string> }>;
    users: Array<{ user: Record<string, string> }>;
  };
  const cluster = admin.clusters[0]?.cluster ?? {};
  const user = admin.users[0]?.user ?? {};
  const name = network.context;
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { ...cluster, server: apiserverUrl(apiAddress) } }],
    users: [{ name: `${name}-admin`, user }],
    contexts: [{ name, context: { cluster: name, user: `${name}-admin` } }],
    'current-context': name,
    preferences: {},
  };
  const temporary = `${paths.kubeconfig}.tmp`;
  await fs.writeFile(temporary, stringify(kubeconfig), { mode: 0o600 });
  await fs.rename(temporary, paths.kubeconfig);
}
