import type { V1Pod } from '@kubernetes/client-node';
import { count, show, truncate } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import { resolveTarget } from '../probe-target.ts';
import type { CheckContext } from '../types.ts';
import { podAt, unreadyWhere } from '../where.ts';
import { resolveWorkload, shortUid, workloadLabel } from '../workload.ts';

// The container has run in this pod: an init container that ended or runs, a container running or ended.
function ran(pod: V1Pod, container: string): boolean {
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
  return status?.state?.running !== undefined || status?.state?.terminated !== undefined;
}

/**
 * logNamesTarget: what a container really reached. In every active pod of
 * the workload, the container's log (its current instance; an init
 * container's too) has a line holding the uid of a genuine pod behind
 * Service `service` — the injected Service, the one injected workload it
 * selects, the pods that workload owns (resolveTarget) — such as a wait loop
 * that fetched /kubedrill-id from it. A stand-in answering under another
 * name, a Service with no pods, or a container that no longer asks print no
 * such uid. A container that has not run yet is a plain failure.
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
  return pass(`${subject}: ${count(pods.length, 'pod')} logged a genuine pod behind Service ${check.service}: ${show(truncate(seen, 80))}`);
}
