import type { V1Pod } from '@kubernetes/client-node';
import { count, show, truncate } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import { resolveTarget } from '../probe-target.ts';
import type { CheckContext } from '../types.ts';
import { podAt, unreadyWhere, workloadAt } from '../where.ts';
import { resolveWorkload, shortUid, workloadLabel } from '../workload.ts';

// The container has run in this pod: an init container that ended or runs, a container running or ended.
function ran(pod: V1Pod, container: string): boolean {
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
  return status?.state?.running !== undefined || status?.state?.terminated !== undefined;
}

// `text` names `ip` as a whole address, dotted (10.244.0.7) or dashed as in pod DNS names (10-244-0-7).
function namesIp(text: string, ip: string): boolean {
  const escape = (s: string): string => s.replace(/\./g, '\\.');
  return new RegExp(`(^|[^0-9.])${escape(ip)}($|[^0-9])`).test(text) || new RegExp(`(^|[^0-9-])${ip.replace(/[.:]/g, '-')}($|[^0-9])`).test(text);
}

/**
 * Where the namespace pins one of `ips` (the genuine pods' addresses): the
 * workload's pods (env values, hostAliases, args), ConfigMaps, Secrets,
 * Services (externalName) and EndpointSlices not made by the EndpointSlice
 * controller (a Service without selector, hand-fed). A route pinned to a pod
 * IP reaches today's pod and breaks with the next one.
 */
function pinnedIp(ctx: CheckContext, pods: V1Pod[], ips: string[]): string | undefined {
  const decode = (data: Record<string, string> | undefined): Record<string, string> =>
    Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
  const places: Array<[string, unknown]> = [
    ...pods.map((p): [string, unknown] => [`pod ${podName(p)}'s spec`, p.spec]),
    ...ctx.snapshot.configMaps.map((c): [string, unknown] => [`ConfigMap ${c.metadata?.name}`, c.data]),
    ...(ctx.snapshot.secrets ?? []).map((c): [string, unknown] => [`Secret ${c.metadata?.name}`, { ...decode(c.data), ...c.stringData }]),
    ...ctx.snapshot.services.map((svc): [string, unknown] => [`Service ${svc.metadata?.name}`, svc.spec?.externalName ?? '']),
    ...(ctx.snapshot.endpointSlices ?? [])
      .filter((e) => e.metadata?.labels?.['endpointslice.kubernetes.io/managed-by'] !== 'endpointslice-controller.k8s.io')
      .map((e): [string, unknown] => [`EndpointSlice ${e.metadata?.name}`, e.endpoints]),
  ];
  for (const [place, value] of places) {
    const text = JSON.stringify(value ?? '');
    const ip = ips.find((i) => namesIp(text, i));
    if (ip) return `${ip} in ${place}`;
  }
  return undefined;
}

/**
 * The first client pod whose IP no genuine target pod's `container` log
 * records (an access log); undefined when each one appears. Requests to a
 * Service keep the client's pod IP as their source (no SNAT inside the pod
 * network), so a direct request leaves it; one relayed leaves the relay's.
 */
async function unheardClient(ctx: CheckContext, container: string, targets: V1Pod[], clients: V1Pod[]): Promise<{ pod: string; ip: string; seen: string } | undefined> {
  const logs: string[] = [];
  for (const t of targets) {
    try {
      logs.push(await ctx.probe.logs({ pod: podName(t), container }));
    } catch (error) {
      return { pod: podName(clients[0]!), ip: '?', seen: `the log of pod ${podName(t)} unreadable (${truncate((error as Error).message, 60)})` };
    }
  }
  for (const client of clients) {
    const ips = (client.status?.podIPs ?? []).map((a) => a.ip).filter(Boolean);
    if (ips.length === 0) continue;
    if (ips.some((ip) => logs.some((log) => namesIp(log, ip)))) continue;
    const lines = logs.join('\n').split('\n').filter(Boolean).length;
    return { pod: podName(client), ip: ips.join(', '), seen: lines ? `${count(lines, 'line')}, none from that address` : 'an empty log' };
  }
  return undefined;
}

/**
 * logNamesTarget: what a container really reached. In every active pod of
 * the workload, the container's log (its current instance; an init
 * container's too) has a line holding the uid of a genuine pod behind
 * Service `service` — the injected Service, the one injected workload it
 * selects, the pods that workload owns (resolveTarget) — such as a wait loop
 * that fetched /kubedrill-id from it. A stand-in answering under another
 * name, a Service with no pods, or a container that no longer asks print no
 * such uid. Nor may it reach the genuine pod by its IP: an address pinned in
 * the pods, a ConfigMap, a Secret, a Service or a hand-fed EndpointSlice
 * fails (the next database pod has another). With `targetContainer`, the
 * target's own access log must record each client pod's IP: a relay or a
 * stand-in serving a copied uid was asked instead. A container that has not
 * run yet is a plain failure.
 */
export async function logNamesTarget(check: CheckOf<'logNamesTarget'>, ctx: CheckContext): Promise<Outcome> {
  const target = resolveTarget(ctx, check.service);
  if (!target.ok) return fail(target.reason, target.where);
  const genuine = target.target.workload.pods.map((p) => p.metadata?.uid ?? '').filter(Boolean);
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const subject = `${workloadLabel(check.workload)} container ${check.container}`;
  const hasContainer = (p: V1Pod): boolean => [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].some((c) => c.name === check.container);
  const pods = [...w.pods].sort((a, b) => podName(a).localeCompare(podName(b)));
  if (pods.length === 0) return fail(`${subject}: expected pods whose log to read, saw none`, unreadyWhere(w));
  const without = pods.find((p) => !hasContainer(p));
  if (without) return fail(`${subject}: expected the container in pod ${podName(without)}, saw containers ${show([...(without.spec?.initContainers ?? []), ...(without.spec?.containers ?? [])].map((c) => c.name))}`, podAt(without, 'spec'));
  const idle = pods.find((p) => !ran(p, check.container));
  if (idle) return fail(`${subject}: expected it to have run in pod ${podName(idle)} to read its log, saw it not started`, podAt(idle, `logs of container ${check.container}`));
  if (genuine.length === 0) return fail(`${subject}: expected a genuine pod behind Service ${check.service} to compare with, saw ${workloadLabel(target.target.workload.name)} with no active pods`, unreadyWhere(target.target.workload));
  let seen = '';
  for (const pod of pods) {
    let text: string;
    try {
      text = await ctx.probe.logs({ pod: podName(pod), container: check.container });
    } catch (error) {
      return fail(`${subject} in pod ${podName(pod)}: log unreadable (${truncate((error as Error).message, 80)})`, podAt(pod, `logs of container ${check.container}`));
    }
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    const hit = lines.find((l) => genuine.some((uid) => l.includes(uid)));
    if (!hit) {
      const last = lines.at(-1);
      return fail(`${subject} in pod ${podName(pod)}: expected a line naming a genuine pod behind Service ${check.service} (uid ${genuine.map(shortUid).join(', ')}), saw ${last ? `last line ${show(truncate(last, 80))}` : 'an empty log'}`, podAt(pod, `logs of container ${check.container}`));
    }
    seen = hit;
  }
  if (check.targetContainer) {
    const unheard = await unheardClient(ctx, check.targetContainer, target.target.workload.pods, pods);
    if (unheard) return fail(`${subject}: expected the log of container ${check.targetContainer} in a genuine pod behind Service ${check.service} to record a request from pod ${unheard.pod} (${unheard.ip}), saw ${unheard.seen}: what answered it was not that pod itself (a relay or a stand-in with a copied uid)`, podAt(pods.find((p) => podName(p) === unheard.pod)!, `logs of container ${check.container}`));
  }
  // A headless Service's failed tries may log a pod IP honestly, so the log is not searched: where a learner writes one is.
  const pinned = pinnedIp(ctx, pods, target.target.workload.pods.flatMap((p) => (p.status?.podIPs ?? []).map((a) => a.ip)).filter(Boolean));
  if (pinned) return finalFail(`${subject}: reaches a genuine pod behind Service ${check.service} by its IP (${pinned}), which the next pod will not have; reach it through a Service`, workloadAt(check.workload, 'spec.template'));
  return pass(`${subject}: ${count(pods.length, 'pod')} logged a genuine pod behind Service ${check.service}: ${show(truncate(seen, 80))}`);
}
