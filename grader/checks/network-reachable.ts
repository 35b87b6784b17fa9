import { couldNotRun, describeExec, execTimeoutMs, pickPod } from '../exec.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { CheckContext, ExecResult } from '../types.ts';

/** The probe: busybox nc connects and exits 0 when the port is open (it has no -z). */
export function ncCommand(host: string, port: number): string[] {
  return ['sh', '-c', `nc -w 2 ${host} ${port} </dev/null`];
}

/**
 * networkReachable: a TCP connect from a Running and Ready pod of `from` to
 * host:port succeeds (`reachable`, retried once) or fails (`blocked`). A
 * `blocked` verdict counts only next to a control probe from a pod of
 * `control` that does connect — otherwise a target scaled to zero would pass.
 */
export async function networkReachable(check: CheckOf<'networkReachable'>, ctx: CheckContext): Promise<Outcome> {
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(check.host)) return fail(`internal: host ${JSON.stringify(check.host)} is not a DNS name or IP`);
  if (check.expect === 'blocked' && !check.control) return fail(`internal: expect blocked needs a control workload proving ${check.host}:${check.port} is up`);
  const target = `${check.host}:${check.port}`;
  const from = pickPod(ctx, check.from);
  if (!from.ok) return fail(`probe ${target}: ${from.reason}`);
  const where = `pod ${podName(from.pod)} of Deployment ${check.from}`;

  let result = await connect(ctx, from.pod.metadata?.name ?? '', from.container, check.host, check.port);
  if (couldNotRun(result)) return fail(`probe ${target} from ${where}: nc could not run (${describeExec('sh', result)})`);
  if (check.expect === 'reachable') {
    let retried = '';
    if (result.exitCode !== 0) {
      result = await connect(ctx, from.pod.metadata?.name ?? '', from.container, check.host, check.port);
      retried = ' (on the second try)';
    }
    if (result.exitCode === 0) return pass(`${target} reachable from ${where}${retried}`);
    return fail(`${target} from ${where}: expected reachable, saw ${describeExec('nc', result)} (tried twice)`);
  }

  if (result.exitCode === 0) return fail(`${target} from ${where}: expected blocked, saw a connection (nc exit 0)`);
  const blocked = describeExec('nc', result);
  const control = pickPod(ctx, check.control ?? '', { runningOnly: true });
  if (!control.ok) return fail(`control probe: ${control.reason} — the target must be proven up for 'blocked' to mean anything`);
  const controlPod = control.pod.metadata?.name ?? '';
  let seen = await connect(ctx, controlPod, control.container, check.host, check.port);
  if (seen.exitCode !== 0 && !couldNotRun(seen)) seen = await connect(ctx, controlPod, control.container, check.host, check.port);
  if (seen.exitCode !== 0) {
    return fail(`control probe: ${target} unreachable from pod ${controlPod} (${describeExec('nc', seen)}) — the target must be up for 'blocked' to mean anything`);
  }
  return pass(`${target} blocked from ${where} (${blocked}), while reachable from control pod ${controlPod} of Deployment ${check.control}`);
}

function connect(ctx: CheckContext, pod: string, container: string, host: string, port: number): Promise<ExecResult> {
  return ctx.probe.exec({ pod, container: container || undefined }, ncCommand(host, port), { timeoutMs: execTimeoutMs });
}
