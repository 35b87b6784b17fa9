import type { V1Pod } from '@kubernetes/client-node';
import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { truncate } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName, runningReady } from '../pod-state.ts';
import { identityCommand, probeShell, readIdentity } from '../probe-identity.ts';
import type { Answer } from '../probe-identity.ts';
import { podsText, readyPods, resolvePort, resolveTarget } from '../probe-target.ts';
import type { Target } from '../probe-target.ts';
import type { WorkloadRef } from '../../src/scenario/schema.ts';
import { workloadLabel } from '../workload.ts';
import { selectorMatches } from '../selector.ts';
import type { CheckContext, ExecResult, Where } from '../types.ts';
import { workloadAt, podAt } from '../where.ts';
import { targetContext } from '../role-context.ts';

/** The connect probe: busybox nc exits 0 when the port is open (it has no -z). */
export function ncCommand(host: string, port: number): string[] {
  return probeShell(`nc -w 2 ${host} ${port} </dev/null`);
}

/** The DNS lookup: busybox nslookup, which skips /etc/hosts and exits 1 if any search domain is NXDOMAIN. */
export function nslookupCommand(host: string): string[] {
  return probeShell(`nslookup ${host}`);
}

/**
 * networkReachable, probed from EVERY Running and Ready pod of `from` at once
 * (a reason names the pod that differed). `host` must be a Service of the
 * manifests; its Deployment there is the genuine target.
 * `reachable`: from each pod, the name as the pod resolves it serves the
 * identity of a live pod of the target Deployment (probe-identity.ts) —
 * an open port on a stand-in is not the target.
 * `blocked`: from each pod the name resolves through cluster DNS, and neither
 * the name nor the Service's ClusterIP connects; a control proves the target
 * serves: every Ready pod of the target Deployment (owner chain, not labels)
 * accepts a connection on its own pod address — where no NetworkPolicy
 * applies and a loopback-only listener does not answer — and the live
 * Service still selects them on that port.
 */
export async function networkReachable(check: CheckOf<'networkReachable'>, ctx: CheckContext): Promise<Outcome> {
  if (!/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(check.host)) return fail(`internal: host ${JSON.stringify(check.host)} is not a DNS name or IP`, workloadAt(check.from));
  const name = `${check.host}:${check.port}`;
  // The target may live in another namespace of the attempt; the probe still runs in `from`'s pods.
  const home = targetContext(ctx, check.targetNamespace);
  if (!home.ok) return fail(home.reason, workloadAt(check.from));
  const found = resolveTarget(home.ctx, check.host.split('.')[0] ?? check.host, check.port, check.target);
  if (!found.ok) return fail(`${check.expect === 'blocked' ? 'control' : `probe ${name}`}: ${found.reason}`, found.where);
  const from = readyPods(ctx, check.from);
  if (!from.ok) return fail(`probe ${name}: ${from.reason}`, from.where);
  const exec = (pod: V1Pod, command: string[]): Promise<ExecResult> => ctx.probe.exec({ pod: podName(pod), container: pod.spec?.containers[0]?.name }, command, { timeoutMs: execTimeoutMs });
  const serve = (pod: V1Pod, command: string[]): Promise<ExecResult> => home.ctx.probe.exec({ pod: podName(pod), container: pod.spec?.containers[0]?.name }, command, { timeoutMs: execTimeoutMs });
  const probe: Probing = { check, ctx: home.ctx, target: found.target, exec, serve, name, pods: from.pods };
  return check.expect === 'reachable' ? reachable(probe) : blocked(probe);
}

interface Probing {
  check: CheckOf<'networkReachable'>;
  /** The target's namespace: its snapshot, its probe. */
  ctx: CheckContext;
  target: Target;
  /** Exec into a pod of `from`. */
  exec: (pod: V1Pod, command: string[]) => Promise<ExecResult>;
  /** Exec into a pod of the target. */
  serve: (pod: V1Pod, command: string[]) => Promise<ExecResult>;
  name: string;
  pods: V1Pod[];
}

const of = (pod: V1Pod, workload: WorkloadRef): string => `pod ${podName(pod)} of ${workloadLabel(workload)}`;

async function reachable({ check, ctx, target, exec, name, pods }: Probing): Promise<Outcome> {
  const fetch = async (pod: V1Pod): Promise<{ pod: V1Pod; answer: Answer; ran: ExecResult; retried: boolean }> => {
    const command = identityCommand({ host: check.host }, check.port);
    let ran = await exec(pod, command);
    let answer = readIdentity(ran, target, ctx.snapshot);
    if (answer.genuine || couldNotRun(ran)) return { pod, answer, ran, retried: false };
    ran = await exec(pod, command);
    answer = readIdentity(ran, target, ctx.snapshot);
    return { pod, answer, ran, retried: true };
  };
  const results = await Promise.all(pods.map(fetch));
  for (const { pod, answer, ran } of results) {
    const at = podAt(pod, `egress to ${name}`);
    if (couldNotRun(ran)) return fail(`probe ${name} from ${of(pod, check.from)}: wget could not run (${describeExec('sh', ran)})`, at);
    if (!answer.genuine) {
      const others = results.length > 1 ? `; ${results.filter((r) => r.answer.genuine).length} of ${results.length} pods reached it` : '';
      return fail(`${name} from ${of(pod, check.from)}: expected the genuine ${target.service} to answer (a pod of Deployment ${target.workload.name}, serving its own uid), saw ${answer.saw} (tried twice${others})`, at);
    }
  }
  const answered = [...new Set(results.map((r) => (r.answer.genuine ? podName(r.answer.pod) : '')))].join(', ');
  const retried = results.some((r) => r.retried) ? ' (some on the second try)' : '';
  return pass(`${name} reachable from ${podsText(pods, check.from)}: answered by pod ${answered} of Deployment ${target.workload.name}${retried}`);
}

async function blocked({ check, ctx, target, exec, serve, name, pods }: Probing): Promise<Outcome> {
  const control = liveService(ctx, target, check.port);
  if (!control.ok) return fail(`control: ${control.reason} — the target must be up for 'blocked' to mean anything`, control.where);
  const { clusterIP, servers } = control;
  const [probes, served] = await Promise.all([
    Promise.all(pods.map((pod) => Promise.all([exec(pod, ncCommand(check.host, check.port)), exec(pod, nslookupCommand(check.host)), exec(pod, ncCommand(clusterIP, check.port))]))),
    Promise.all(servers.map(async ({ pod, port, ip }) => {
      let seen = await serve(pod, ncCommand(ip, port));
      if (seen.exitCode !== 0 && !couldNotRun(seen)) seen = await serve(pod, ncCommand(ip, port));
      return { pod, port, ip, seen };
    })),
  ]);
  const notes: string[] = [];
  for (const [i, pod] of pods.entries()) {
    const [byName, firstLookup, byIP] = probes[i]!;
    const where = of(pod, check.from);
    const at = podAt(pod, `egress to ${name}`);
    if (couldNotRun(byName)) return fail(`probe ${name} from ${where}: nc could not run (${describeExec('sh', byName)})`, at);
    if (byName.exitCode === 0) return fail(`${name} from ${where}: expected blocked, saw a connection (nc exit 0)`, at);
    // A name that does not resolve proves nothing about the port (and a lookup
    // into a blocked DNS times out just like a blocked connect): ask DNS itself.
    let lookup = firstLookup;
    if (couldNotRun(lookup)) return fail(`probe ${name} from ${where}: nslookup could not run (${describeExec('sh', lookup)})`, at);
    if (!resolved(lookup)) lookup = await exec(pod, nslookupCommand(check.host));
    if (!resolved(lookup)) {
      return fail(`${name} from ${where}: expected the name ${check.host} to resolve through cluster DNS and the connection to be blocked, saw the lookup fail (${describeLookup(lookup)}, tried twice)`, podAt(pod, `egress to cluster DNS (lookup of ${check.host})`));
    }
    // The name as the pod resolves it can be pinned elsewhere (hostAliases): the Service's own address must be blocked too.
    if (byIP.exitCode === 0) return fail(`${name} from ${where}: expected blocked, saw a connection to Service ${target.service}'s ClusterIP ${clusterIP}:${check.port} (the name alone is blocked: is it pinned in /etc/hosts?)`, podAt(pod, `egress to Service ${target.service} ClusterIP:${check.port}`));
    notes.push(describeExec('nc', byName));
  }
  for (const { pod, port, ip, seen } of served) {
    if (seen.exitCode !== 0) return fail(`control: pod ${podName(pod)} of Deployment ${target.workload.name} does not accept connections on its own address ${ip}:${port} (${describeExec('nc', seen)}, tried twice) — the target must be up for 'blocked' to mean anything`, podAt(pod, 'spec.containers'));
  }
  const proof = served.map(({ pod, ip, port }) => `${podName(pod)} on ${ip}:${port}`).join(', ');
  return pass(`${name} blocked from ${podsText(pods, check.from)} (${[...new Set(notes)].join('; ')}; ClusterIP ${clusterIP} too), while Service ${target.service} routes port ${check.port} to Deployment ${target.workload.name}, whose Ready pods accept connections on their own address (${proof})`);
}

type Served = { ok: true; clusterIP: string; servers: { pod: V1Pod; port: number; ip: string }[] } | { ok: false; reason: string; where: Where };

/** The live Service still routes `port` to the genuine target's Ready pods, each with an address to probe. */
function liveService(ctx: CheckContext, target: Target, port: number): Served {
  const name = target.service;
  const at = (path?: string): Where => (path ? { kind: 'Service', name, path } : { kind: 'Service', name });
  const service = ctx.snapshot.services.find((s) => s.metadata?.name === name);
  if (!service) return { ok: false, reason: `Service ${name} not found in namespace ${ctx.snapshot.namespace}`, where: at() };
  const servicePort = service.spec?.ports?.find((p) => p.port === port);
  if (!servicePort) return { ok: false, reason: `Service ${name} has no port ${port} (saw ${(service.spec?.ports ?? []).map((p) => p.port).join(', ') || 'none'})`, where: at('spec.ports') };
  const clusterIP = service.spec?.clusterIP;
  if (!clusterIP || clusterIP === 'None') return { ok: false, reason: `Service ${name} has no ClusterIP (headless): expected a Service the probe can address`, where: at('spec.clusterIP') };
  const w = target.workload;
  const byName = [...w.pods].sort((a, b) => podName(a).localeCompare(podName(b)));
  const ready = byName.filter(runningReady);
  if (ready.length === 0) return { ok: false, reason: `${w.kind} ${w.name} behind Service ${name} has no Running and Ready pod (saw ${byName.map((p) => `${podName(p)} ${p.status?.phase ?? 'Unknown'}`).join(', ') || 'no pods'})`, where: workloadAt(w, 'status.readyReplicas') };
  const selector = service.spec?.selector ?? {};
  const servers: { pod: V1Pod; port: number; ip: string }[] = [];
  for (const pod of ready) {
    const selectorText = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',') || 'none';
    if (Object.keys(selector).length === 0 || !selectorMatches({ matchLabels: selector }, pod.metadata?.labels)) return { ok: false, reason: `Service ${name} (selector ${selectorText}) does not select pod ${podName(pod)} of ${w.kind} ${w.name}`, where: at('spec.selector') };
    const want = resolvePort(target.targetPort, pod);
    const live = resolvePort(servicePort.targetPort ?? port, pod);
    if (want === undefined || live !== want) return { ok: false, reason: `Service ${name} port ${port} targets ${String(servicePort.targetPort ?? port)} on pod ${podName(pod)}, expected ${String(target.targetPort)}${want !== undefined && typeof target.targetPort !== 'number' ? ` (${want})` : ''}`, where: at('spec.ports') };
    const ip = pod.status?.podIP;
    if (!ip) return { ok: false, reason: `pod ${podName(pod)} of ${w.kind} ${w.name} has no status.podIP`, where: podAt(pod, 'status.podIP') };
    servers.push({ pod, port: want, ip });
  }
  return { ok: true, clusterIP, servers };
}

/** A `Name:` answer followed by an address means the name resolved (whatever the exit code). */
function resolved(result: ExecResult): boolean {
  return /^Name:\s*\S+\s*\nAddress(?: \d+)?:\s*\S+/m.test(result.stdout);
}

function describeLookup(result: ExecResult): string {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Server|Address):/.test(l));
  return `nslookup exit ${result.exitCode}${lines.length ? `: ${truncate(lines[0] ?? '', 70)}` : ''}`;
}
