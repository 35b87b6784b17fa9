import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { ClusterError } from '../errors.ts';
import path from 'node:path';
import { run } from './run.ts';
import type { LocalPaths } from './settings.ts';
import { network } from './settings.ts';

/** iptables chain (mangle table) of the egress guard. */
export const guardChain = 'KUBEDRILL-EGRESS-GUARD';
/** Sysctls `up` sets; their prior values are restored by `down`. */
export const sysctls = { 'net.ipv4.ip_forward': '1', 'net.bridge.bridge-nf-call-iptables': '1' } as const;
/**
 * Sysctls the components set themselves (the kubelet's kernel tunables,
 * kube-proxy's route_localnet): recorded before the first `up`, restored by `down`.
 */
export const componentSysctls = [
  'vm.overcommit_memory',
  'vm.panic_on_oom',
  'kernel.panic',
  'kernel.panic_on_oops',
  'kernel.keys.root_maxkeys',
  'kernel.keys.root_maxbytes',
  'net.ipv4.conf.all.route_localnet',
  'net.bridge.bridge-nf-call-ip6tables',
] as const;
/** Unreachable routes covering every cluster range. */
export const guardRoutes = [network.podCidr, network.serviceCidr];

const component = 'network';

/** iptables chain (mangle table, INPUT) that keeps the node address to this host. */
export const nodeGuardChain = 'KUBEDRILL-NODE-GUARD';

/**
 * The node address, a /32 on lo (no route points anywhere but here), and a
 * guard that accepts packets to it only from this host (lo) and its pods (the
 * pod bridge). Linux answers for any local address on any interface, so
 * without the guard a neighbour on the LAN that routes the address to us
 * could still reach it.
 */
export async function ensureNodeAddress(): Promise<void> {
  await run(['ip', 'addr', 'replace', `${network.nodeAddress}/32`, 'dev', 'lo'], { component });
  const chain = nodeGuardChain;
  if ((await iptables(['-t', 'mangle', '-N', chain], true)) !== 0) await iptables(['-t', 'mangle', '-F', chain]);
  await iptables(['-t', 'mangle', '-A', chain, '-i', 'lo', '-j', 'RETURN']);
  await iptables(['-t', 'mangle', '-A', chain, '-i', network.bridge, '-j', 'RETURN']);
  await iptables(['-t', 'mangle', '-A', chain, '-d', `${network.nodeAddress}/32`, '-j', 'DROP', '-m', 'comment', '--comment', 'kubedrill: the node address answers this host and its pods only']);
  if ((await iptables(['-t', 'mangle', '-C', 'INPUT', '-j', chain], true)) !== 0) {
    await iptables(['-t', 'mangle', '-I', 'INPUT', '1', '-j', chain]);
  }
}

/** Whether mangle INPUT still jumps to the node address's guard. */
export async function nodeGuardInstalled(): Promise<boolean> {
  return (await iptables(['-t', 'mangle', '-C', 'INPUT', '-j', nodeGuardChain], true)) === 0;
}

/** Read a sysctl through /proc/sys. */
export async function readSysctl(name: string): Promise<string> {
  return (await fs.readFile(path.join('/proc/sys', ...name.split('.')), 'utf8')).trim();
}

/** Write a sysctl through /proc/sys. */
export async function writeSysctl(name: string, value: string): Promise<void> {
  await fs.writeFile(path.join('/proc/sys', ...name.split('.')), `${value}\n`);
}

async function iptables(args: string[], allowFail = false): Promise<number> {
  return (await run(['iptables', '-w', '5', ...args], { component: 'egress guard', allowFail })).exitCode;
}

/**
 * The egress guard, installed before the first pod: unreachable routes for
 * the whole pod and service ranges (the node's /24 bridge route is more
 * specific and still wins), and a mangle-FORWARD drop of anything between the
 * pod bridge and another interface. Mangle runs before filter, so no ACCEPT
 * that kube-proxy or kube-router put in filter/FORWARD can bypass it.
 */
export async function ensureEgressGuard(): Promise<void> {
  if (!existsSync('/proc/sys/net/bridge')) {
    // Bridged pod traffic must pass iptables (policies, service hairpin).
    await run(['modprobe', 'br_netfilter'], { component: 'egress guard', allowFail: true });
    if (!existsSync('/proc/sys/net/bridge')) {
      throw new ClusterError('egress guard: kernel module br_netfilter is not loaded and could not be loaded', { fix: 'modprobe br_netfilter' });
    }
  }
  for (const [name, value] of Object.entries(sysctls)) await writeSysctl(name, value);
  for (const cidr of guardRoutes) await run(['ip', 'route', 'replace', 'unreachable', cidr], { component: 'egress guard' });
  if ((await iptables(['-t', 'mangle', '-N', guardChain], true)) !== 0) await iptables(['-t', 'mangle', '-F', guardChain]);
  await iptables(['-t', 'mangle', '-A', guardChain, '-i', network.bridge, '!', '-o', network.bridge, '-j', 'DROP', '-m', 'comment', '--comment', 'kubedrill: pod traffic never leaves the machine']);
  await iptables(['-t', 'mangle', '-A', guardChain, '!', '-i', network.bridge, '-o', network.bridge, '-j', 'DROP', '-m', 'comment', '--comment', 'kubedrill: nothing outside reaches pods']);
  if ((await iptables(['-t', 'mangle', '-C', 'FORWARD', '-j', guardChain], true)) !== 0) {
    await iptables(['-t', 'mangle', '-I', 'FORWARD', '1', '-j', guardChain]);
  }
}

/** The CNI chain: bridge + host-local on the node's pod CIDR, portmap, no masquerade. */
export async function writeCniConfig(paths: LocalPaths, nodePodCidr: string): Promise<void> {
  const config = {
    cniVersion: '1.0.0',
    name: 'kubedrill',
    plugins: [
      {
        type: 'bridge',
        bridge: network.bridge,
        isGateway: true,
        ipMasq: false,
        hairpinMode: true,
        ipam: { type: 'host-local', ranges: [[{ subnet: nodePodCidr }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: paths.cniIpam },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  };
  await fs.mkdir(paths.cniConf, { recursive: true });
  const file = path.join(paths.cniConf, '10-kubedrill.conflist');
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`);
  await fs.rename(temporary, file);
}
