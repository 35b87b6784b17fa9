import type { V1Pod } from '@kubernetes/client-node';
import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { count, show, truncate } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { unreadyWhere } from '../where.ts';
import { judged, podLabel, resolveWorkload, workloadLabel, type Workload } from '../workload.ts';

/** The Running pods of a workload whose container runs now (owned first, then strays), by name; how many of them are owned. */
export function runningContainers(w: Workload, container: string): { pods: V1Pod[]; owned: number } {
  const runs = (p: V1Pod): boolean => p.status?.phase === 'Running' && (p.status.containerStatuses ?? []).some((s) => s.name === container && s.state?.running !== undefined);
  const byName = (a: V1Pod, b: V1Pod): number => podName(a).localeCompare(podName(b));
  const pods = judged(w).filter(runs).sort(byName);
  return { pods, owned: w.pods.filter(runs).length };
}

/** argv of a process from /proc/<pid>/cmdline (NUL-separated; a trailing NUL ends it). */
export function parseCmdline(text: string): string[] {
  return text.replace(/\0$/, '').split('\0').filter((arg, i) => arg !== '' || i > 0);
}

/** The program a command line runs: argv[0]'s basename, or the applet a multi-call binary (busybox) runs as `busybox <applet>`. */
export function programOf(argv: string[]): string {
  const base = (argv[0] ?? '').split('/').pop() ?? '';
  return base === 'busybox' && argv[1] ? argv[1] : base;
}

/** The inodes of sockets listening on a TCP port, from /proc/net/tcp and tcp6 (state 0A). */
export function listeningInodes(table: string, port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return table
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f.length >= 10 && f[1]?.endsWith(`:${hex}`) && f[3] === '0A')
    .map((f) => f[9]!);
}

// PID 1's command line, the targets of its open files, and the TCP tables of the pod's network namespace.
export const PID1_SCRIPT = 'cat /proc/1/cmdline; echo; echo "--- fd"; for f in /proc/1/fd/*; do readlink "$f"; done; echo "--- tcp"; cat /proc/net/tcp /proc/net/tcp6 2>/dev/null; true';

/** What one exec tells about PID 1: its argv, its open files, the TCP tables (absent without a port to check). */
function readPid1(stdout: string, withPort: boolean): { argv: string[]; fds: string[]; tcp: string } {
  if (!withPort) return { argv: parseCmdline(stdout), fds: [], tcp: '' };
  const [cmdline = '', rest = ''] = stdout.split('\n--- fd\n');
  const [fds = '', tcp = ''] = rest.split('--- tcp\n');
  return { argv: parseCmdline(cmdline), fds: fds.split('\n').filter(Boolean), tcp };
}

/**
 * mainProcess: in every Running pod of the workload (strays too, since the
 * Service sends them traffic), PID 1 of the container runs `process`. The
 * container's life is its PID 1's: a server started in the background beside
 * a keep-alive (`sleep`, `tail -f`, a wait loop) leaves the container up
 * when the server dies, and that fails here whatever it serves. A shell that
 * `exec`s the server, or busybox sh running it as the last command of `-c`
 * (which it execs), passes. With `port`, PID 1 must also hold the socket
 * listening on that port (its inode in /proc/net/tcp among PID 1's open
 * files): a decoy of the same name as PID 1, beside the real server in the
 * background, fails. Not final: a pod mid-rollout may still run the old command.
 */
export async function mainProcess(check: CheckOf<'mainProcess'>, ctx: CheckContext): Promise<Outcome> {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const { pods, owned } = runningContainers(w, check.container);
  const subject = `${workloadLabel(check.workload)} container ${check.container}`;
  if (owned === 0) return fail(`${subject}: expected a Running pod to look at its PID 1, saw none running it among ${count(w.pods.length, 'pod')}`, unreadyWhere(w));
  const command = check.port === undefined ? ['/bin/cat', '/proc/1/cmdline'] : ['/bin/sh', '-c', PID1_SCRIPT];
  const reads = await Promise.all(pods.map(async (pod) => ({ pod, result: await ctx.probe.exec({ pod: podName(pod), container: check.container }, command, { timeoutMs: execTimeoutMs }) })));
  let seen = '';
  for (const { pod, result } of reads) {
    const who = `${podLabel(w, pod)} container ${check.container}`;
    const at = { kind: 'Pod', name: podName(pod), path: `PID 1 of container ${check.container}` };
    if (couldNotRun(result) || result.exitCode !== 0) return fail(`${who}: could not read PID 1's command line (${describeExec(command[0] === '/bin/cat' ? 'cat' : 'sh', result)})`, at);
    const { argv, fds, tcp } = readPid1(result.stdout, check.port !== undefined);
    const program = programOf(argv);
    if (program !== check.process) {
      return fail(`${who}: expected PID 1 (the process the container lives and dies with) to be ${check.process}, saw ${show(truncate(argv.join(' '), 100))}${hint(argv, check.process)}`, at);
    }
    if (check.port !== undefined) {
      const inodes = listeningInodes(tcp, check.port);
      if (inodes.length === 0) return fail(`${who}: expected PID 1 (${check.process}) to listen on port ${check.port}, saw nothing in the pod listening on it`, at);
      if (!inodes.some((inode) => fds.includes(`socket:[${inode}]`))) {
        return fail(`${who}: expected PID 1 (${show(truncate(argv.join(' '), 60))}) to hold the socket listening on port ${check.port}, saw another process of the pod listening there — the server runs beside PID 1, not as it`, at);
      }
    }
    seen = argv.join(' ');
  }
  const listens = check.port === undefined ? '' : `, listening on port ${check.port}`;
  return pass(`${subject}: PID 1 is ${check.process}${listens} in ${count(pods.length, 'Running pod')} (${show(truncate(seen, 80))})`);
}

function hint(argv: string[], process: string): string {
  return argv.some((a) => a.includes(process)) ? ` — ${process} runs beside it as a child, so the container outlives it` : '';
}
