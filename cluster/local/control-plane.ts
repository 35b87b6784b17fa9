import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BinaryPaths } from './build.ts';
import { httpOk } from './health.ts';
import { kubeconfigFiles } from './pki.ts';
import type { LocalPaths } from './settings.ts';
import { network } from './settings.ts';
import type { Daemon } from './supervisor.ts';

/** A daemon plus how to tell it is healthy. */
export interface Component extends Daemon {
  healthy: () => Promise<boolean>;
  /** Seconds to wait for health after a start. */
  timeoutSeconds: number;
  /** Write config files before a start. */
  prepare?: () => Promise<void>;
}

/** Inputs every component definition needs. */
export interface ComponentContext {
  paths: LocalPaths;
  binaries: BinaryPaths;
  /** The node's own address (kubelet, NodePorts), on this host only. */
  nodeAddress: string;
  /** Where the API server listens and what it advertises: the node address, or `up --listen`'s. */
  apiAddress: string;
}

/**
 * Anonymous requests are authenticated on the health and version endpoints
 * only (KEP-4633, GA in 1.34): anything else gets 401 before RBAC is asked,
 * so no binding to system:anonymous can ever open more.
 */
export const anonymousPaths = ['/livez', '/readyz', '/healthz', '/version'] as const;

function authenticationConfig(): string {
  return `apiVersion: apiserver.config.k8s.io/v1
kind: AuthenticationConfiguration
anonymous:
  enabled: true
  conditions:
${anonymousPaths.map((p) => `  - path: ${p}`).join('\n')}
`;
}

/** The API server's URL on `address`. */
export function apiserverUrl(address: string): string {
  return `https://${address}:${network.apiserverPort}`;
}

function bin(context: ComponentContext, name: string): string {
  return context.binaries[name] ?? name;
}

/** etcd 3.6 on loopback only, TLS with kubeadm's etcd certificates. */
export function etcd(context: ComponentContext): Component {
  const pki = path.join(context.paths.pki, 'etcd');
  return {
    name: 'etcd',
    command: bin(context, 'etcd'),
    args: [
      '--name=default',
      `--data-dir=${context.paths.etcdData}`,
      '--listen-client-urls=https://127.0.0.1:2379',
      '--advertise-client-urls=https://127.0.0.1:2379',
      '--listen-peer-urls=http://127.0.0.1:2380',
      '--initial-advertise-peer-urls=http://127.0.0.1:2380',
      '--initial-cluster=default=http://127.0.0.1:2380',
      '--listen-metrics-urls=http://127.0.0.1:2381',
      `--cert-file=${pki}/server.crt`,
      `--key-file=${pki}/server.key`,
      `--trusted-ca-file=${pki}/ca.crt`,
      '--client-cert-auth=true',
      '--snapshot-count=10000',
      '--quota-backend-bytes=2147483648',
    ],
    healthy: () => httpOk('http://127.0.0.1:2381/health'),
    timeoutSeconds: 60,
  };
}

/** kube-apiserver on one address, advertised there too (pods reach it through the kubernetes Service). */
export function apiserver(context: ComponentContext): Component {
  const pki = context.paths.pki;
  const authentication = path.join(context.paths.config, 'authentication.yaml');
  return {
    name: 'kube-apiserver',
    command: bin(context, 'kube-apiserver'),
    args: [
      `--bind-address=${context.apiAddress}`,
      `--advertise-address=${context.apiAddress}`,
      `--secure-port=${network.apiserverPort}`,
      `--authentication-config=${authentication}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      `--client-ca-file=${pki}/ca.crt`,
      `--tls-cert-file=${pki}/apiserver.crt`,
      `--tls-private-key-file=${pki}/apiserver.key`,
      '--etcd-servers=https://127.0.0.1:2379',
      `--etcd-cafile=${pki}/etcd/ca.crt`,
      `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
      `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
      '--kubelet-preferred-address-types=InternalIP,Hostname',
      `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
      `--proxy-client-key-file=${pki}/front-proxy-client.key`,
      `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
      '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-username-headers=X-Remote-User',
      `--service-account-issuer=https://kubernetes.default.svc.${network.dnsDomain}`,
      `--service-account-key-file=${pki}/sa.pub`,
      `--service-account-signing-key-file=${pki}/sa.key`,
      `--service-cluster-ip-range=${network.serviceCidr}`,
      '--profiling=false',
    ],
    prepare: async () => {
      await fs.mkdir(context.paths.config, { recursive: true });
      await fs.writeFile(authentication, authenticationConfig());
    },
    healthy: () => httpOk(`${apiserverUrl(context.apiAddress)}/readyz`, { ca: readFileSync(`${pki}/ca.crt`) }),
    timeoutSeconds: 120,
  };
}

/** kube-controller-manager; allocates node pod CIDRs from the cluster CIDR. */
export function controllerManager(context: ComponentContext): Component {
  const pki = context.paths.pki;
  const kubeconfig = path.join(context.paths.kubeconfigs, kubeconfigFiles.controllerManager);
  return {
    name: 'kube-controller-manager',
    command: bin(context, 'kube-controller-manager'),
    args: [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--client-ca-file=${pki}/ca.crt`,
      `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
      `--root-ca-file=${pki}/ca.crt`,
      `--cluster-signing-cert-file=${pki}/ca.crt`,
      `--cluster-signing-key-file=${pki}/ca.key`,
      `--service-account-private-key-file=${pki}/sa.key`,
      `--cluster-name=${network.clusterName}`,
      '--allocate-node-cidrs=true',
      `--cluster-cidr=${network.podCidr}`,
      '--node-cidr-mask-size=24',
      `--service-cluster-ip-range=${network.serviceCidr}`,
      '--controllers=*,bootstrapsigner,tokencleaner',
      '--use-service-account-credentials=true',
      // One node, one instance: no lease to wait out after a restart.
      '--leader-elect=false',
      '--profiling=false',
    ],
    healthy: () => httpOk('https://127.0.0.1:10257/healthz'),
    timeoutSeconds: 60,
  };
}

/** kube-scheduler. */
export function scheduler(context: ComponentContext): Component {
  const kubeconfig = path.join(context.paths.kubeconfigs, kubeconfigFiles.scheduler);
  return {
    name: 'kube-scheduler',
    command: bin(context, 'kube-scheduler'),
    args: [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      '--leader-elect=false',
      '--profiling=false',
    ],
    healthy: () => httpOk('https://127.0.0.1:10259/healthz'),
    timeoutSeconds: 60,
  };
}
