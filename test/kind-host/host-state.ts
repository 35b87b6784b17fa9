// What the kind test host could change on the machine, read in one go: the
// processes, mounts, firewall, network, global sysctls, cgroups and the files
// dockerd and kind are known to leave. Printed as JSON (run.sh records it
// before `host.sh up`); test/real/kind-host-down.test.ts compares it with the
// state after `host.sh down`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface HostState {
  /** state: the kernel's one-letter state (Z: exited, waiting for its parent to reap it). */
  processes: Array<{ pid: number; ppid: number; state: string; command: string }>;
  mounts: string[];
  iptables: string[];
  network: string[];
  sysctls: Record<string, string>;
  cgroups: string[];
  files: Record<string, boolean>;
}

/** Files and folders dockerd, containerd and kind write whatever roots they are given, and the host's own state folders. */
export const tracedFiles = [
  '/etc/docker/key.json',
  '/run/docker',
  '/lib/modules',
  '/etc/netns',
  '/run/netns',
  '/run/netns/kubedrill-kind',
  '/run/kubedrill-kind',
  '/var/lib/kubedrill-kind',
  '/run/containerd',
];

// Counters and clocks: they change by themselves.
const VOLATILE = /^(fs\.(dentry-state|file-nr|inode-nr|inode-state|quota\..*|binfmt_misc\..*)|kernel\.(random\..*|ns_last_pid|pty\.nr|sched_domain\..*|tainted|hung_task_.*count|seccomp\..*|usermodehelper\..*|printk_ratelimit.*)|vm\.(stat_refresh|drop_caches|compact_memory|nr_.*))$/;

function sysctls(): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      const name = path.relative('/proc/sys', file).replaceAll('/', '.');
      if (VOLATILE.test(name) || !(statSync(file).mode & 0o444)) continue;
      try {
        found[name] = readFileSync(file, 'utf8').trim();
      } catch {
        // write-only or refused
      }
    }
  };
  for (const top of ['fs', 'kernel', 'vm']) walk(path.join('/proc/sys', top));
  return found;
}

function lines(argv: string[]): string[] {
  try {
    return execFileSync(argv[0]!, argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return [`(${argv.join(' ')} failed)`];
  }
}

function processes(): HostState['processes'] {
  const found: HostState['processes'] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim() || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      found.push({ pid: Number(entry), ppid: Number(ppid), state: state!, command });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

export function hostState(): HostState {
  const cgroupRoot = '/sys/fs/cgroup';
  const cgroups = readdirSync(cgroupRoot).flatMap((hierarchy) => {
    const dir = path.join(cgroupRoot, hierarchy);
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${hierarchy}/${e.name}`);
    } catch {
      return [];
    }
  });
  return {
    processes: processes(),
    mounts: readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean).map((line) => line.split(' ')[4]!),
    // Rules and chains without packet counters.
    iptables: [...lines(['iptables-save']), ...lines(['ip6tables-save'])].filter((line) => !line.startsWith('#')).map((line) => line.replace(/\[\d+:\d+\]/g, '')),
    network: [...lines(['ip', '-o', 'link']).map((l) => l.replace(/\\.*$/, '')), ...lines(['ip', '-o', 'addr']), ...lines(['ip', 'route']), ...lines(['ip', 'netns', 'list'])],
    sysctls: sysctls(),
    cgroups: cgroups.sort(),
    files: Object.fromEntries(tracedFiles.map((file) => [file, existsSync(file)])),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) process.stdout.write(`${JSON.stringify(hostState())}\n`);
