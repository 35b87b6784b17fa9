import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { run } from './run.ts';
import { network } from './settings.ts';
import { killPid } from './supervisor.ts';

const component = 'down';
/** Chains created by kubelet, kube-proxy, kube-router (KUBE-), CNI plugins (CNI-) and the egress guard. */
const ownedChain = /^(KUBE-|KUBEDRILL-|CNI-)/;
/** ipsets of kube-router's policy controller. */
const ownedSet = /^(inet6:)?(KUBE-|kube-router)/;

/** Mount points in this mount namespace, from /proc/self/mountinfo (octal escapes decoded). */
export function mountPoints(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))));
}

/** Unmount everything at or below `root`, deepest first (lazily if busy). */
export async function unmountUnder(root: string): Promise<void> {
  for (let pass = 0; pass < 5; pass += 1) {
    const mounts = mountPoints()
      .filter((point) => point === root || point.startsWith(`${root}/`))
      .sort((a, b) => b.length - a.length);
    if (mounts.length === 0) return;
    for (const point of mounts) {
      const result = await run(['umount', point], { component, allowFail: true });
      if (result.exitCode !== 0) await run(['umount', '-l', point], { component, allowFail: true });
    }
  }
}

/** Cgroup folders the kubelet (cgroupfs driver) created: `kubepods` in every hierarchy. */
function kubepodsCgroups(): string[] {
  return readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((fields) => fields[2] === 'cgroup' || fields[2] === 'cgroup2')
    .map((fields) => path.join(fields[1] ?? '', 'kubepods'));
}

function walk(dir: string): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => walk(path.join(dir, entry.name)));
  } catch {
    return [];
  }
  return [...entries, dir];
}

/** SIGKILL every process in the pods' cgroups (containers and pause), then remove the cgroups. */
export async function killPodsAndCgroups(): Promise<void> {
  const tree = kubepodsCgroups().flatMap(walk);
  const pids = new Set<number>();
  for (const dir of tree) {
    const text = await fs.readFile(path.join(dir, 'cgroup.procs'), 'utf8').catch(() => '');
    for (const pid of text.split('\n').filter(Boolean)) pids.add(Number(pid));
  }
  await Promise.all([...pids].map((pid) => killPid(pid, 0)));
  for (const dir of tree) await fs.rmdir(dir).catch(() => undefined);
}

/** containerd shims serving our containerd (found by the socket path on their command line). */
export function shimPids(containerdSocket: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if ((argv[0] ?? '').endsWith('containerd-shim-runc-v2') && argv.includes(containerdSocket)) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** Delete the pod bridge, its veths, the node address and the guard routes. */
export async function removeLinksAndRoutes(guardRoutes: string[]): Promise<void> {
  const ports = await run(['ip', '-j', 'link', 'show', 'master', network.bridge], { component, allowFail: true });
  const links = ports.exitCode === 0 ? (JSON.parse(ports.stdout || '[]') as Array<{ ifname: string }>) : [];
  for (const link of links) await run(['ip', 'link', 'del', link.ifname], { component, allowFail: true });
  await run(['ip', 'link', 'del', network.bridge], { component, allowFail: true });
  await run(['ip', 'addr', 'del', `${network.nodeAddress}/32`, 'dev', 'lo'], { component, allowFail: true });
  for (const cidr of guardRoutes) await run(['ip', 'route', 'del', 'unreachable', cidr], { component, allowFail: true });
}

/**
 * Remove every chain kubelet, kube-proxy, kube-router, CNI and the guard made,
 * and every rule elsewhere that jumps to one or names the pod bridge, in one
 * iptables-restore transaction per table (IPv4 and IPv6).
 */
export async function removeIptables(): Promise<void> {
  for (const family of ['iptables', 'ip6tables']) {
    const saved = await run([`${family}-save`], { component, allowFail: true });
    if (saved.exitCode !== 0) continue;
    const script: string[] = [];
    let table = '';
    let lines: { deletes: string[]; chains: string[] } = { deletes: [], chains: [] };
    const flush = (): void => {
      if (table && (lines.deletes.length || lines.chains.length)) {
        script.push(`*${table}`, ...lines.deletes, ...lines.chains.map((c) => `-F ${c}`), ...lines.chains.map((c) => `-X ${c}`), 'COMMIT');
      }
    };
    for (const line of saved.stdout.split('\n')) {
      if (line.startsWith('*')) {
        flush();
        table = line.slice(1);
        lines = { deletes: [], chains: [] };
      } else if (line.startsWith(':')) {
        const chain = line.slice(1).split(' ')[0] ?? '';
        if (ownedChain.test(chain)) lines.chains.push(chain);
      } else if (line.startsWith('-A ')) {
        const chain = line.split(' ')[1] ?? '';
        const jumps = / -[jg] (KUBE-|KUBEDRILL-|CNI-)/.test(line) || line.includes(network.bridge);
        if (!ownedChain.test(chain) && jumps) lines.deletes.push(`-D ${line.slice(3)}`);
      }
    }
    flush();
    if (script.length === 0) continue;
    await run([`${family}-restore`, '-w', '5', '--noflush'], { component, input: `${script.join('\n')}\n` });
  }
}

/** Destroy kube-router's ipsets (after the rules that used them are gone). */
export async function removeIpsets(): Promise<void> {
  const names = await run(['ipset', 'list', '-n'], { component, allowFail: true });
  for (const name of names.stdout.split('\n').filter((set) => ownedSet.test(set))) {
    await run(['ipset', 'destroy', name], { component, allowFail: true });
  }
}
