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

/** How long the kubelet waits before it acts on failures: initialDelaySeconds + failureThreshold × periodSeconds (server defaults 0, 3, 10). */
export function probeWindowSeconds(p: V1Probe): number {
  return (p.initialDelaySeconds ?? 0) + (p.failureThreshold ?? 3) * (p.periodSeconds ?? 10);
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
 * budget that covers a warm-up, a liveness probe not raised to infinity.
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
  if (check.maxWindow !== undefined && window > parseDuration(check.maxWindow) / 1000) return finalFail(`${where}: expected at most ${check.maxWindow} before the kubelet acts on failures, saw ${formula}`, at);
  const bounds = [check.minWindow ? `≥ ${check.minWindow}` : '', check.maxWindow ? `≤ ${check.maxWindow}` : ''].filter(Boolean).join(', ');
  return pass(`${where}: ${handler} on port ${check.port}${handler === 'httpGet' ? ` path ${p.httpGet?.path ?? '/'}` : ''}, ${formula}${bounds ? ` (${bounds})` : ''}`);
}
