import { couldNotRun, describeExec, execTimeoutMs, pickPod } from '../exec.ts';
import { truncate } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { V1Pod } from '@kubernetes/client-node';
import { podName, runningReady } from '../pod-state.ts';
import { selectorMatches } from '../selector.ts';
import type { CheckContext, ExecResult, Where } from '../types.ts';
import { deployment, podAt } from '../where.ts';

/** The probe: busybox nc connects and exits 0 when the port is open (it has no -z). */
export function ncCommand(host: string, port: number): string[] {
  return ['sh', '-c', `nc -w 2 ${host} ${port} </dev/null`];
}

/**
 * networkReachable: a TCP connect from a Running and Ready pod of `from` to
 * host:port succeeds (`reachable`, retried once) or fails (`blocked`). For
 * `blocked`, the name must resolve through cluster DNS (a failed lookup proves
 * nothing about the port), a control proves the target is up — Service
 * `host` still routes `port` to a Ready pod, and that pod accepts the
 * connection on its own loopback (no NetworkPolicy applies there, so locking
 * down the rest of the namespace, a default-deny, cannot fail a correct fix)
 * — and the Service's ClusterIP is blocked too (a name pinned elsewhere in
 * /etc/hosts would look blocked). Without the control a target scaled to
 * zero, or a Service pointed nowhere, would pass.
 */
export async function networkReachable(check: CheckOf<'networkReachable'>, ctx: CheckContext): Promise<Outcome> {
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(check.host)) return fail(`internal: host ${JSON.stringify(check.host)} is not a DNS name or IP`, deployment(check.from));
  const target = `${check.host}:${check.port}`;
  const from = pickPod(ctx, check.from);
  if (!from.ok) return fail(`probe ${target}: ${from.reason}`, from.where);
  const where = `pod ${podName(from.pod)} of Deployment ${check.from}`;
  const at = podAt(from.pod, `egress to ${target}`);
  const fromPod = from.pod.metadata?.name ?? '';

  let result = await connect(ctx, fromPod, from.container, check.host, check.port);
  if (couldNotRun(result)) return fail(`probe ${target} from ${where}: nc could not run (${describeExec('sh', result)})`, at);
  if (check.expect === 'reachable') {
    let retried = '';
    if (result.exitCode !== 0) {
      result = await connect(ctx, fromPod, from.container, check.host, check.port);
      retried = ' (on the second try)';
    }
    if (result.exitCode === 0) return pass(`${target} reachable from ${where}${retried}`);
    return fail(`${target} from ${where}: expected reachable, saw ${describeExec('nc', result)} (tried twice)`, at);
  }

  if (result.exitCode === 0) return fail(`${target} from ${where}: expected blocked, saw a connection (nc exit 0)`, at);
  // A name that does not resolve proves nothing about the port (and a lookup
  // into a blocked DNS times out just like a blocked connect): ask DNS itself.
  // nslookup skips /etc/hosts, so a pinned name does not count either.
  const nslookup = (): Promise<ExecResult> => ctx.probe.exec({ pod: fromPod, container: from.container || undefined }, nslookupCommand(check.host), { timeoutMs: execTimeoutMs });
  let lookup = await nslookup();
  if (couldNotRun(lookup)) return fail(`probe ${target} from ${where}: nslookup could not run (${describeExec('sh', lookup)})`, at);
  if (!resolved(lookup)) lookup = await nslookup();
  if (!resolved(lookup)) {
    return fail(`${target} from ${where}: expected the name ${check.host} to resolve through cluster DNS and the connection to be blocked, saw the lookup fail (${describeLookup(lookup)}, tried twice)`, podAt(from.pod, `egress to cluster DNS (lookup of ${check.host})`));
  }
  const blocked = describeExec('nc', result);
  const control = await targetUp(ctx, check.host, check.port);
  if (!control.ok) return fail(`control: ${control.reason} — the target must be up for 'blocked' to mean anything`, control.where);
  // The name as the pod resolves it can be pinned elsewhere (hostAliases): the Service's own address must be blocked too.
  const byIP = await connect(ctx, fromPod, from.container, control.clusterIP, check.port);
  if (byIP.exitCode === 0) return fail(`${target} from ${where}: expected blocked, saw a connection to Service ${control.service}'s ClusterIP ${control.clusterIP}:${check.port} (the name alone is blocked: is it pinned in /etc/hosts?)`, podAt(from.pod, `egress to Service ${control.service} ClusterIP:${check.port}`));
  return pass(`${target} blocked from ${where} (${blocked}; ClusterIP ${control.clusterIP} too), while ${control.proof}`);
}

type Control = { ok: true; proof: string; service: string; clusterIP: string } | { ok: false; reason: string; where: Where };

/** Service `host` routes `port` to a Ready pod that accepts a connection on its loopback. */
async function targetUp(ctx: CheckContext, host: string, port: number): Promise<Control> {
  const name = host.split('.')[0] ?? host;
  const service = ctx.snapshot.services.find((s) => s.metadata?.name === name);
  const at = (path?: string): Where => (path ? { kind: 'Service', name, path } : { kind: 'Service', name });
  if (!service) return { ok: false, reason: `Service ${name} not found in namespace ${ctx.snapshot.namespace}`, where: at() };
  const servicePort = service.spec?.ports?.find((p) => p.port === port);
  if (!servicePort) return { ok: false, reason: `Service ${name} has no port ${port} (saw ${(service.spec?.ports ?? []).map((p) => p.port).join(', ') || 'none'})`, where: at('spec.ports') };
  const clusterIP = service.spec?.clusterIP;
  if (!clusterIP || clusterIP === 'None') return { ok: false, reason: `Service ${name} has no ClusterIP (headless): expected a Service the probe can address`, where: at('spec.clusterIP') };
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return { ok: false, reason: `Service ${name} has no selector, so no pod behind it can be checked`, where: at('spec.selector') };
  const pods = ctx.snapshot.pods
    .filter((p) => !p.metadata?.deletionTimestamp && selectorMatches({ matchLabels: selector }, p.metadata?.labels))
    .sort((a, b) => podName(a).localeCompare(podName(b)));
  const pod = pods.find(runningReady);
  const selectorText = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
  if (!pod) return { ok: false, reason: `Service ${name} (selector ${selectorText}) routes to no Running and Ready pod (saw ${pods.map((p) => `${podName(p)} ${p.status?.phase ?? 'Unknown'}`).join(', ') || 'no pods'})`, where: at('spec.selector') };
  const targetPort = resolveTargetPort(servicePort.targetPort ?? port, pod);
  if (targetPort === undefined) return { ok: false, reason: `Service ${name} port ${port} targets port ${String(servicePort.targetPort)}, which pod ${podName(pod)} does not name`, where: at('spec.ports') };
  const container = pod.spec?.containers[0]?.name;
  let seen = await connect(ctx, podName(pod), container ?? '', '127.0.0.1', targetPort);
  if (seen.exitCode !== 0 && !couldNotRun(seen)) seen = await connect(ctx, podName(pod), container ?? '', '127.0.0.1', targetPort);
  if (seen.exitCode !== 0) return { ok: false, reason: `pod ${podName(pod)} behind Service ${name} does not accept 127.0.0.1:${targetPort} (${describeExec('nc', seen)})`, where: podAt(pod, 'spec.containers') };
  return { ok: true, service: name, clusterIP, proof: `Service ${name} routes port ${port} to Ready pod ${podName(pod)}, which accepts connections on ${targetPort}` };
}

function resolveTargetPort(targetPort: number | string, pod: V1Pod): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === targetPort);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** The DNS lookup: busybox nslookup, which tries the search domains and exits 1 if any of them is NXDOMAIN. */
export function nslookupCommand(host: string): string[] {
  return ['sh', '-c', `nslookup ${host}`];
}

/** A `Name:` answer followed by an address means the name resolved (whatever the exit code). */
function resolved(result: ExecResult): boolean {
  return /^Name:\s*\S+\s*\nAddress(?: \d+)?:\s*\S+/m.test(result.stdout);
}

function describeLookup(result: ExecResult): string {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Server|Address):/.test(l));
  return `nslookup exit ${result.exitCode}${lines.length ? `: ${truncate(lines[0] ?? '', 70)}` : ''}`;
}

function connect(ctx: CheckContext, pod: string, container: string, host: string, port: number): Promise<ExecResult> {
  return ctx.probe.exec({ pod, container: container || undefined }, ncCommand(host, port), { timeoutMs: execTimeoutMs });
}
