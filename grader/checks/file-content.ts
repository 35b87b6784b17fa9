import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { count, show } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName, runningReady } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { unreadyWhere } from '../where.ts';
import { judged, resolveWorkload, strayNote, workloadLabel } from '../workload.ts';

/**
 * fileContent: `cat PATH` in every Running and Ready pod of the workload —
 * the file as the app sees it — and some line matches the pattern in each.
 * Ready pods that carry the selector without being owned are read too (the
 * Service sends them traffic); at least one owned pod must be Ready.
 */
export async function fileContent(check: CheckOf<'fileContent'>, ctx: CheckContext): Promise<Outcome> {
  const pattern = new RegExp(check.matches);
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const note = strayNote(found.workload);
  const owned = found.workload.pods.filter(runningReady);
  const pods = judged(found.workload).filter(runningReady).sort((a, b) => podName(a).localeCompare(podName(b)));
  if (owned.length === 0) {
    return fail(`${check.path} in ${workloadLabel(check.workload)}: expected a Running and Ready pod to read it in, saw none of ${count(found.workload.pods.length, 'pod')}${note}`, unreadyWhere(found.workload));
  }
  const results = await Promise.all(
    pods.map(async (pod) => {
      const container = check.container ?? pod.spec?.containers[0]?.name;
      // By absolute path: the container's own PATH (which a learner can set) never picks the reader.
      const result = await ctx.probe.exec({ pod: podName(pod), container }, ['/bin/cat', check.path], { timeoutMs: execTimeoutMs });
      return { pod: podName(pod), result };
    }),
  );
  let matched = '';
  for (const { pod, result } of results) {
    const where = `pod ${pod} ${check.path}`;
    const at = { kind: 'Pod', name: pod, path: check.path };
    if (couldNotRun(result)) return fail(`${where}: cat could not run (${describeExec('sh', result)})`, at);
    if (result.exitCode !== 0) return fail(`${where}: expected a readable file with a line matching /${check.matches}/, saw ${describeExec('cat', result)}${note}`, at);
    const lines = result.stdout.split(/\r?\n/);
    const hit = lines.find((line) => pattern.test(line));
    if (hit === undefined) {
      const first = lines.filter((l, i) => l !== '' || i < lines.length - 1).slice(0, 3);
      return fail(`${where}: expected a line matching /${check.matches}/, saw ${first.length ? `first lines ${show(first)}` : 'an empty file'}${note}`, at);
    }
    matched = hit;
  }
  return pass(`${check.path} in ${count(pods.length, 'Running and Ready pod')} of ${workloadLabel(check.workload)} has a line matching /${check.matches}/: ${show(matched)}${note}`);
}
