import { readdirSync, readFileSync } from 'node:fs';
import { shimPids } from './host-cleanup.ts';
import { capture } from './run.ts';
import type { LocalPaths } from './settings.ts';
import { runningPid, type SupervisorDirs } from './supervisor.ts';

/** Every daemon the local provider starts (pid files under `<state>/run`). */
export const daemons = [
  'registry',
  'containerd',
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'kube-proxy',
  'kube-router',
] as const;

/** One listening TCP socket or bound UDP socket of the host's network namespace. */
export interface Listener {
  protocol: 'tcp' | 'udp';
  /** The local address as bound: `0.0.0.0`, `::` (every interface) or one address. */
  address: string;
  port: number;
  pids: number[];
}

/**
 * Parse `ss -H -l -n -t -u -p`: `tcp LISTEN 0 4096 127.0.0.1:2379 0.0.0.0:*
 * users:(("etcd",pid=8,fd=7))`. `*` and `[::]` mean every interface; a
 * `%dev` suffix (bound to one device) is dropped.
 */
export function parseSs(output: string): Listener[] {
  const listeners: Listener[] = [];
  for (const line of output.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const protocol = fields[0];
    const local = fields[4];
    if ((protocol !== 'tcp' && protocol !== 'udp') || !local) continue;
    const colon = local.lastIndexOf(':');
    let address = local.slice(0, colon).replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
    if (address === '*') address = '0.0.0.0';
    const pids = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    listeners.push({ protocol, address, port: Number(local.slice(colon + 1)), pids: [...new Set(pids)] });
  }
  return listeners;
}

/** Whether an address is this host's loopback. */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}

/** Every process's children, from /proc's parent links (one read of /proc). */
function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command may hold spaces and parentheses: the parent pid follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** `roots` and every process below them. */
function withDescendants(roots: number[], children: Map<number, number[]>): Set<number> {
  const all = new Set<number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (all.has(pid)) continue;
    all.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}

/** The provider's processes: each daemon and what it started, plus containerd's shims; by daemon name. */
export function providerProcesses(paths: LocalPaths): Map<number, string> {
  const dirs: SupervisorDirs = { run: paths.run, logs: paths.logs };
  const children = childrenOf();
  const owner = new Map<number, string>();
  for (const name of daemons) {
    const pid = runningPid(dirs, name);
    if (pid === undefined) continue;
    for (const each of withDescendants([pid], children)) owner.set(each, name);
  }
  for (const each of withDescendants(shimPids(paths.containerdSocket), children)) if (!owner.has(each)) owner.set(each, 'containerd-shim');
  return owner;
}

/** A listener of one of the provider's processes. */
export interface OwnedListener extends Listener {
  component: string;
}

/** Every socket the provider's processes listen on in the host's network namespace (pods have their own). */
export async function providerListeners(paths: LocalPaths): Promise<OwnedListener[]> {
  const owner = providerProcesses(paths);
  const listeners = parseSs(await capture(['ss', '-H', '-l', '-n', '-t', '-u', '-p'], { component: 'listeners' }));
  return listeners.flatMap((l) => {
    const component = l.pids.map((pid) => owner.get(pid)).find(Boolean);
    return component ? [{ ...l, component }] : [];
  });
}

/**
 * The listeners outside what the provider may expose: loopback and the node
 * address (this host only) for everything; the API server also on `apiAddress`
 * (`up --listen`). Returns what is exposed beyond that.
 */
export function exposedBeyond(listeners: OwnedListener[], allowed: { nodeAddress: string; apiAddress: string }): OwnedListener[] {
  return listeners.filter((l) => {
    if (isLoopback(l.address) || l.address === allowed.nodeAddress) return false;
    return !(l.component === 'kube-apiserver' && l.address === allowed.apiAddress);
  });
}

/** `198.19.0.1:10250/tcp`. */
export function formatListener(l: Listener): string {
  return `${l.address.includes(':') ? `[${l.address}]` : l.address}:${l.port}${l.protocol === 'udp' ? '/udp' : ''}`;
}
