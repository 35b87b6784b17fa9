import type { V1Pod } from '@kubernetes/client-node';
import { truncate } from './format.ts';
import { podName, runningReady } from './pod-state.ts';
import type { CheckContext, ExecResult, Where } from './types.ts';
import { unreadyWhere } from './where.ts';
import { resolveWorkload, strayNote } from './workload.ts';

/** How long one exec may take; nc itself gives up after 2 s. */
export const execTimeoutMs = 15_000;

/** A pod to exec into, or why there is none (and where that shows). */
export type PodPick = { ok: true; pod: V1Pod; container: string } | { ok: false; reason: string; where: Where };

/**
 * Pick a pod of a workload to exec into: Running and Ready (or, with
 * `runningOnly`, any Running pod, Ready ones first); the first by name, so a
 * replay of the same snapshot picks the same pod.
 */
export function pickPod(ctx: CheckContext, workload: string, options: { runningOnly?: boolean } = {}): PodPick {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return found;
  const byName = [...found.workload.pods].sort((a, b) => podName(a).localeCompare(podName(b)));
  const ready = byName.filter(runningReady);
  const candidates = options.runningOnly ? [...ready, ...byName.filter((p) => p.status?.phase === 'Running' && !runningReady(p))] : ready;
  const pod = candidates[0];
  const want = options.runningOnly ? 'Running' : 'Running and Ready';
  if (!pod) {
    const states = byName.map((p) => `${podName(p)} ${p.status?.phase ?? 'Unknown'}`).join(', ') || 'no pods';
    return { ok: false, reason: `no ${want} pod of Deployment ${workload} to exec into (saw ${states})${strayNote(found.workload)}`, where: unreadyWhere(found.workload) };
  }
  return { ok: true, pod, container: pod.spec?.containers[0]?.name ?? '' };
}

/** An exec result in a few words: "exit 1: nc: bad address 'db'". */
export function describeExec(tool: string, result: ExecResult): string {
  const output = (result.stderr || result.stdout).trim();
  return `${tool} exit ${result.exitCode}${output ? `: ${truncate(output, 60)}` : ''}`;
}

/** Exit 126/127 from sh: the tool could not run at all, which proves nothing about the network or the file. */
export function couldNotRun(result: ExecResult): boolean {
  return result.exitCode === 126 || result.exitCode === 127;
}
