import type { V1Container, V1Probe } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { parseDuration } from '../time.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

const FIELD = { liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe' } as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'exec', 'grpc'] as const;

/**
 * How long the kubelet waits before it acts on failures: initialDelaySeconds
 * + failureThreshold × periodSeconds (server defaults 0, 3, 10). With `hung`,
 * the worst case, a server that accepts and never answers: each try then
 * lasts timeoutSeconds (default 1) and the next waits for it, so a try costs
 * the longer of period and timeout. A refused connection fails at once, so
 * the shortest window (a startup budget's floor) counts the period only.
 */
export function probeWindowSeconds(p: V1Probe, hung = false): number {
  const period = p.periodSeconds ?? 10;
  return (p.initialDelaySeconds ?? 0) + (p.failureThreshold ?? 3) * (hung ? Math.max(period, p.timeoutSeconds ?? 1) : period);
}

/** The port a probe handler targets, a named port resolved through the container's ports. */
export function probePort(port: number | string | undefined, container: V1Container): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/**
 * probe: the shape of one probe in the workload's pod template — it exists,
 * uses an allowed handler (an exec of `true` or a grpc probe fails unless
 * listed), targets the serving port (named ports resolved) and, when given,
 * the path; and its window (initialDelaySeconds + failureThreshold ×
 * periodSeconds, server defaults filled in) lies within the bounds: a startup
 * budget that covers a warm-up, a liveness probe not raised to infinity —
 * the upper bound counting timeoutSeconds where it exceeds the period (a hung
 * server), and with `maxGrace` the kill's grace period too (probe's, else
 * pod's): a probe that decides in time but kills a day later acts too late.
 * Whether it succeeds is the health checks' to judge (Ready pods, no
 * restarts). Failures are final: the template is the learner's.
 */
export function probe(check: CheckOf<'probe'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const containers = found.workload.template?.spec?.containers ?? [];
  const container = containers.find((c) => c.name === check.container);
  const field = FIELD[check.probe];
  const base = `spec.template.spec.containers[name=${check.container}]`;
  const at = workloadAt(check.workload, `${base}.${field}`);
  const where = `${workloadLabel(check.workload)} container ${check.container} ${field}`;
  if (!container) return finalFail(`${workloadLabel(check.workload)}: expected container ${check.container}, saw containers ${show(containers.map((c) => c.name))}`, workloadAt(check.workload, 'spec.template.spec.containers'));
  const p = container[field];
  if (!p) return finalFail(`${where}: expected a ${check.probe} probe on port ${check.port}, saw none`, at);
  const handler = HANDLERS.find((h) => p[h] !== undefined);
  if (!handler || !check.handlers.includes(handler)) return finalFail(`${where}: expected ${check.handlers.join(' or ')} on port ${check.port}, saw ${handler ? `${handler} ${show(p[handler])}` : 'no handler'}`, at);
  // A probe must ask the pod itself: a host makes the kubelet probe another address (a stand-in that always answers).
  const host = handler === 'httpGet' ? p.httpGet?.host : handler === 'tcpSocket' ? p.tcpSocket?.host : undefined;
  if (host) return finalFail(`${where}: expected the probe to ask the pod itself, saw host ${show(host)}`, at);
  if (handler === 'httpGet' || handler === 'tcpSocket' || handler === 'grpc') {
    const raw = handler === 'httpGet' ? p.httpGet?.port : handler === 'tcpSocket' ? p.tcpSocket?.port : p.grpc?.port;
    const port = probePort(raw, container);
    if (port !== check.port) return finalFail(`${where}: expected ${handler} on port ${check.port} (where the app serves), saw port ${show(raw)}${typeof raw === 'string' && port !== undefined ? ` (${port})` : ''}`, at);
  }
  if (check.path !== undefined) {
    const path = p.httpGet?.path ?? '/';
    if (handler !== 'httpGet' || path !== check.path) return finalFail(`${where}: expected an httpGet of ${check.path}, saw ${handler === 'httpGet' ? `path ${show(path)}` : handler}`, at);
  }
  const window = probeWindowSeconds(p);
  const formula = `initialDelaySeconds ${p.initialDelaySeconds ?? 0} + failureThreshold ${p.failureThreshold ?? 3} × periodSeconds ${p.periodSeconds ?? 10} = ${window}s`;
  if (check.minWindow !== undefined && window < parseDuration(check.minWindow) / 1000) return finalFail(`${where}: expected at least ${check.minWindow} before the kubelet acts on failures, saw ${formula}`, at);
  const worst = probeWindowSeconds(p, true);
  if (check.maxWindow !== undefined && worst > parseDuration(check.maxWindow) / 1000) {
    const slow = worst > window ? `initialDelaySeconds ${p.initialDelaySeconds ?? 0} + failureThreshold ${p.failureThreshold ?? 3} × timeoutSeconds ${p.timeoutSeconds} (each try waits that long on a hung server) = ${worst}s` : formula;
    return finalFail(`${where}: expected at most ${check.maxWindow} before the kubelet acts on failures, saw ${slow}`, at);
  }
  // A liveness or startup failure ends in a kill: SIGTERM, then SIGKILL after the grace in force (the probe's own, else the pod's).
  if (check.maxGrace !== undefined) {
    const own = p.terminationGracePeriodSeconds;
    const grace = own ?? found.workload.template?.spec?.terminationGracePeriodSeconds ?? 30;
    if (grace > parseDuration(check.maxGrace) / 1000) return finalFail(`${where}: expected the kill after a failure to wait at most ${check.maxGrace} for the container to stop, saw ${own !== undefined ? `the probe's terminationGracePeriodSeconds ${own}` : `the pod's terminationGracePeriodSeconds ${grace}`} (a server that ignores SIGTERM lives on that long)`, own !== undefined ? at : workloadAt(check.workload, 'spec.template.spec.terminationGracePeriodSeconds'));
  }
  const bounds = [check.minWindow ? `≥ ${check.minWindow}` : '', check.maxWindow ? `≤ ${check.maxWindow}` : ''].filter(Boolean).join(', ');
  return pass(`${where}: ${handler} on port ${check.port}${handler === 'httpGet' ? ` path ${p.httpGet?.path ?? '/'}` : ''}, ${formula}${bounds ? ` (${bounds})` : ''}`);
}
