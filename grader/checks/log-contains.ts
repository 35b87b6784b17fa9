import type { V1Pod } from '@kubernetes/client-node';
import { count, show, truncate } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { podAt, unreadyWhere } from '../where.ts';
import { resolveWorkload } from '../workload.ts';

/**
 * logContains: what a container printed. For a Job or CronJob, the output of
 * its Succeeded pods (a finished pod cannot be exec'd into; its log stays):
 * one of them must show a matching line. For a long-running workload, every
 * running pod's container (its previous instance with `previous`) must show
 * one — a sidecar that never logs fails however healthy it looks. A pod that
 * has not started has no log yet: that is a plain failure, never final.
 */
export async function logContains(check: CheckOf<'logContains'>, ctx: CheckContext): Promise<Outcome> {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const pattern = new RegExp(check.matches);
  const container = check.container;
  const what = `${container ? `container ${container}` : 'the first container'}${check.previous ? ' (previous instance)' : ''}`;
  const batch = w.kind === 'Job' || w.kind === 'CronJob';
  const pods = (batch ? w.finished.filter((p) => p.status?.phase === 'Succeeded') : w.pods.filter((p) => started(p, container, check.previous))).sort(byName);
  if (pods.length === 0) {
    const seen = batch ? `${count(w.pods.length, 'active pod')}, ${count(w.finished.length, 'finished pod')}, none Succeeded` : `${count(w.pods.length, 'pod')}, none with ${what} started`;
    return fail(`${w.kind} ${w.name} log of ${what}: expected a line matching /${check.matches}/, saw no ${batch ? 'Succeeded pod' : 'running container'} to read (${seen})`, batch ? { kind: w.kind, name: w.name, path: 'status.succeeded' } : unreadyWhere(w));
  }
  const reads = await Promise.all(
    pods.map(async (pod) => {
      try {
        const text = await ctx.probe.logs({ pod: podName(pod), ...(container ? { container } : {}) }, { previous: check.previous, ...(check.tail ? { tail: check.tail } : {}) });
        // The kubelet answers 200 with this text once it has removed that instance (a crash loop's previous one, mid back-off).
        if (/^unable to retrieve container logs for \S+\s*$/.test(text)) throw new Error(`the kubelet no longer holds that instance's log (${text.trim()})`);
        const lines = text.split(/\r?\n/).filter((l) => l !== '');
        return { pod, lines, hit: lines.find((l) => pattern.test(l)) };
      } catch (error) {
        return { pod, lines: [], hit: undefined, error: (error as Error).message };
      }
    }),
  );
  const matched = reads.filter((r) => r.hit !== undefined);
  const missing = reads.filter((r) => r.hit === undefined);
  const describe = (r: (typeof reads)[number]): string => `pod ${podName(r.pod)}: ${'error' in r && r.error ? `log unreadable (${truncate(r.error, 80)})` : r.lines.length ? `last line ${show(truncate(r.lines.at(-1)!, 80))}` : 'empty log'}`;
  const tail = check.tail ? ` (last ${check.tail} lines)` : '';
  if (batch ? matched.length === 0 : missing.length > 0) {
    const first = missing[0]!;
    return fail(`${w.kind} ${w.name} log of ${what}${tail}: expected a line matching /${check.matches}/ in ${batch ? 'a Succeeded pod' : 'every running pod'}, saw ${missing.map(describe).join('; ')}`, podAt(first.pod, `logs${container ? ` of container ${container}` : ''}`));
  }
  return pass(`${w.kind} ${w.name} log of ${what}${tail}: ${count(matched.length, 'pod')} with a line matching /${check.matches}/: ${show(truncate(matched[0]!.hit!, 80))}`);
}

// A container that has run (the current instance started, or a previous one to read).
function started(pod: V1Pod, container: string | undefined, previous: boolean): boolean {
  const status = (pod.status?.containerStatuses ?? []).find((s) => (container ? s.name === container : s.name === pod.spec?.containers[0]?.name));
  if (!status) return false;
  if (previous) return (status.restartCount ?? 0) > 0;
  return status.state?.running !== undefined || status.state?.terminated !== undefined;
}

function byName(a: V1Pod, b: V1Pod): number {
  return podName(a).localeCompare(podName(b));
}

