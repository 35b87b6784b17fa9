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

/**
 * mainProcess: in every Running pod of the workload (strays too, since the
 * Service sends them traffic), PID 1 of the container runs `process`. The
 * container's life is its PID 1's: a server started in the background beside
 * a keep-alive (`sleep`, `tail -f`, a wait loop) leaves the container up
 * when the server dies, and that fails here whatever it serves. A shell that
 * `exec`s the server, or busybox sh running it as the last command of `-c`
 * (which it execs), passes. Not final: a pod mid-rollout may still run the
 * old command.
 */
export async function mainProcess(check: CheckOf<'mainProcess'>, ctx: CheckContext): Promise<Outcome> {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const { pods, owned } = runningContainers(w, check.container);
  const subject = `${workloadLabel(check.workload)} container ${check.container}`;
  if (owned === 0) return fail(`${subject}: expected a Running pod to look at its PID 1, saw none running it among ${count(w.pods.length, 'pod')}`, unreadyWhere(w));
  const reads = await Promise.all(pods.map(async (pod) => ({ pod, result: await ctx.probe.exec({ pod: podName(pod), container: check.container }, ['/bin/cat', '/proc/1/cmdline'], { timeoutMs: execTimeoutMs }) })));
  let seen = '';
  for (const { pod, result } of reads) {
    const at = { kind: 'Pod', name: podName(pod), path: `PID 1 of container ${check.container}` };
    if (couldNotRun(result) || result.exitCode !== 0) return fail(`${podLabel(w, pod)} container ${check.container}: could not read PID 1's command line (${describeExec('cat', result)})`, at);
    const argv = parseCmdline(result.stdout);
    const program = programOf(argv);
    if (program !== check.process) {
      return fail(`${podLabel(w, pod)} container ${check.container}: expected PID 1 (the process the container lives and dies with) to be ${check.process}, saw ${show(truncate(argv.join(' '), 100))}${hint(argv, check.process)}`, at);
    }
    seen = argv.join(' ');
  }
  return pass(`${subject}: PID 1 is ${check.process} in ${count(pods.length, 'Running pod')} (${show(truncate(seen, 80))})`);
}

function hint(argv: string[], process: string): string {
  return argv.some((a) => a.includes(process)) ? ` — ${process} runs beside it as a child, so the container outlives it` : '';
}


