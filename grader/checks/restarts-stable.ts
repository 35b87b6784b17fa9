import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { count, listSome } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { describeState, podName, stateField } from '../pod-state.ts';
import { parseDuration, showTime, toMillis } from '../time.ts';
import type { CheckContext, Where } from '../types.ts';
import { workloadAt, podAt, statusPath, unreadyWhere } from '../where.ts';
import { desiredText, judged, podLabel, resolveWorkload, shortUid, strayNote } from '../workload.ts';

/**
 * restartsStable: across the window between ctx.before and ctx.snapshot the
 * same pods exist, and every container ran the whole time — running and
 * ready in both reads, same startedAt, started before the window opened,
 * restartCount unchanged. A container that restarted, sat in back-off, was
 * not ready (e.g. still retrying a dependency before it gives up and exits),
 * or a pod that was replaced during the window fails: stable means steadily
 * serving, not merely between two crashes. Pods that carry the selector
 * without being owned are held to the same (they serve the same Service); one
 * that goes away during the window is cleanup, not instability.
 */
export function restartsStable(check: CheckOf<'restartsStable'>, ctx: CheckContext): Outcome {
  const before = ctx.before;
  const at = workloadAt(check.workload);
  if (!before) return fail(`internal: restartsStable needs a snapshot taken one ${check.window} window earlier (ctx.before), none was given`, at);
  const windowMs = parseDuration(check.window);
  const gap = ctx.snapshot.takenAt - before.takenAt;
  // Tolerate a little scheduling jitter in the caller's wait; a gap far too short is a caller bug.
  if (gap < windowMs * 0.95) return fail(`internal: the two snapshots are ${gap}ms apart, the ${check.window} window needs ${windowMs}ms`, at);

  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const earlier = resolveWorkload({ snapshot: before, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!earlier.ok) return fail(`at the start of the ${check.window} window: ${earlier.reason}`, earlier.where);
  const now = found.workload;
  const then = earlier.workload;
  const subject = `Deployment ${now.name} over the ${check.window} window`;
  if (then.uid !== now.uid) return fail(`${subject}: was recreated (uid ${shortUid(then.uid)} → ${shortUid(now.uid)})`, workloadAt(now.name, 'metadata.uid'));
  if (now.pods.length === 0) return fail(`${subject}: expected running pods to observe, saw none (${desiredText(now)})${strayNote(now)}`, unreadyWhere(now));

  const thenByUid = new Map(judged(then).map((p) => [p.metadata?.uid, p]));
  const nowUids = new Set(judged(now).map((p) => p.metadata?.uid));
  const problems: Problem[] = [];
  for (const pod of judged(now)) {
    const old = thenByUid.get(pod.metadata?.uid);
    const label = podLabel(now, pod);
    if (!old) problems.push({ text: `${label} appeared during the window (created ${showTime(pod.metadata?.creationTimestamp)})`, where: podAt(pod, 'metadata.creationTimestamp') });
    else problems.push(...containerProblems(old, pod, before.takenAt, label));
  }
  for (const old of then.pods) {
    if (!nowUids.has(old.metadata?.uid)) problems.push({ text: `pod ${podName(old)} went away during the window`, where: workloadAt(now.name, 'status.replicas') });
  }
  if (problems[0]) return fail(`${subject}: ${listSome(problems.map((p) => p.text))}${strayNote(now)}`, problems[0].where);
  const restarts = now.pods.flatMap((p) => (p.status?.containerStatuses ?? []).map((s) => s.restartCount));
  return pass(
    `${subject}: ${count(now.pods.length, 'pod')}, every container running and ready since before the window with restartCount unchanged (${restarts.join(', ')})${strayNote(now)}`,
  );
}

/** One thing that broke stability, and the field that shows it. */
interface Problem {
  text: string;
  where: Where;
}

function containerProblems(old: V1Pod, pod: V1Pod, windowStart: number, label = `pod ${podName(pod)}`): Problem[] {
  const problems: Problem[] = [];
  const oldByName = new Map((old.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const nowByName = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  for (const c of pod.spec?.containers ?? []) {
    const where = `${label} container ${c.name}`;
    const a: V1ContainerStatus | undefined = oldByName.get(c.name);
    const b: V1ContainerStatus | undefined = nowByName.get(c.name);
    const field = (path: string): Where => podAt(pod, statusPath(pod, c.name, path));
    if (!a || !b) {
      problems.push({ text: `${where}: expected a status in both reads, saw ${a ? 'none at the end' : 'none at the start'}`, where: podAt(pod, 'status.containerStatuses') });
    } else if (b.restartCount !== a.restartCount) {
      problems.push({ text: `${where} restartCount: expected ${a.restartCount} (unchanged), saw ${b.restartCount}`, where: field(b.state?.terminated ? 'state.terminated' : 'lastState.terminated') });
    } else if (!a.state?.running || !b.state?.running) {
      const seen = !a.state?.running ? `${describeState(a.state)} at the start` : `${describeState(b.state)} at the end`;
      const path = b.state?.running ? 'state.running.startedAt' : stateField(b);
      problems.push({ text: `${where}: expected running through the window, saw ${seen}`, where: field(path) });
    } else if (!a.ready || !b.ready) {
      problems.push({ text: `${where} ready: expected true through the window, saw false ${!a.ready ? 'at the start' : 'at the end'}`, where: field('ready') });
    } else if (toMillis(a.state.running.startedAt) !== toMillis(b.state.running.startedAt)) {
      problems.push({ text: `${where} state.running.startedAt: expected ${showTime(a.state.running.startedAt)} (unchanged), saw ${showTime(b.state.running.startedAt)}`, where: field('lastState.terminated') });
    } else if ((toMillis(b.state.running.startedAt) ?? Infinity) > windowStart) {
      problems.push({ text: `${where} state.running.startedAt: expected before the window opened (${showTime(windowStart)}), saw ${showTime(b.state.running.startedAt)}`, where: field('state.running.startedAt') });
    }
  }
  return problems;
}
