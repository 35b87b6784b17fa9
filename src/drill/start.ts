import type { Kube } from '../kube/client.ts';
import type { Progress } from '../../cluster/progress.ts';
import type { Scenario } from '../scenario/types.ts';
import { startAttempt, type StartResult } from '../attempt/lifecycle.ts';
import { decodeRecordUnverified, MANAGED_BY } from '../attempt/record.ts';
import { writeAttempt } from '../attempt/store.ts';
import { cleanupAttempt } from '../engine/cleanup.ts';
import { parseDuration } from '../engine/wait.ts';
import { DrillError } from './errors.ts';
import { newDrillId, type DrillRecord } from './record.ts';
import type { ScoringRules } from './score.ts';
import { createDrill, deleteDrill, listDrills, writeDrill } from './store.ts';
import { cleanupDrill } from './finish.ts';
import { processAlive } from './file-lock.ts';

/** Options for {@link startDrill}. */
export interface StartDrillOptions {
  kube: Kube;
  /** The selected scenarios, in task order. */
  scenarios: Scenario[];
  seed: string;
  /** Default: the sum of the scenarios' own time limits. */
  timeLimitMs?: number;
  rules: ScoringRules;
  progress: Progress;
  signal?: AbortSignal;
  /** Start the detached timer; returns its pid (tests pass a fake). */
  spawnTimer: (id: string) => number;
}

/** The clock a drill gets when no --time is given: the sum of its tasks' own limits. */
export function defaultTimeLimitMs(scenarios: Array<Pick<Scenario, 'timeLimit'>>): number {
  return scenarios.reduce((sum, s) => sum + parseDuration(s.timeLimit), 0);
}

/**
 * Start a drill: refuse while another drill or any attempt holds a task's
 * namespace; record the drill (signed, in the cluster); inject every task in
 * its scenario's own namespace at once, each confirmed by its symptom; then
 * start the clock for all of them together and the timer that grades at the
 * deadline. Any failure (or Ctrl-C) removes everything this call made.
 */
export async function startDrill(options: StartDrillOptions): Promise<DrillRecord> {
  const { kube, scenarios, progress } = options;
  await refuseBusy(kube, scenarios, progress);
  const timeLimitMs = options.timeLimitMs ?? defaultTimeLimitMs(scenarios);
  const record: DrillRecord = {
    id: newDrillId(),
    seed: options.seed,
    createdAt: new Date().toISOString(),
    timeLimitSeconds: Math.round(timeLimitMs / 1000),
    rules: options.rules,
    tasks: scenarios.map((s) => ({ scenario: s.id, namespace: s.namespace, weight: s.weight })),
    state: 'injecting',
    injectorPid: process.pid,
  };
  await createDrill(kube, record);
  const settled = await Promise.allSettled(
    scenarios.map((scenario) => startAttempt({ kube, scenario, drill: record.id, progress: prefixed(progress, scenario.id), signal: options.signal })),
  );
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await undo(kube, record.id, started, progress);
    throw failure.reason;
  }
  const startedAt = new Date();
  record.startedAt = startedAt.toISOString();
  record.deadline = new Date(startedAt.getTime() + timeLimitMs).toISOString();
  record.state = 'active';
  // One clock for every task: the attempts start when the drill does.
  for (const { record: attempt } of started) await writeAttempt(kube, { ...attempt, startedAt: record.startedAt });
  await writeDrill(kube, record);
  try {
    record.timerPid = options.spawnTimer(record.id);
    await writeDrill(kube, record);
  } catch (error) {
    progress.info(`WARNING: the deadline timer did not start (${(error as Error).message}): a submit after the deadline grades the state then, marked late`);
  }
  return record;
}

/** Another drill in the cluster, or a task's namespace already there → a DrillError saying what holds it. */
async function refuseBusy(kube: Kube, scenarios: Scenario[], progress: Progress): Promise<void> {
  const { drills, unverified } = await listDrills(kube);
  for (const abandoned of drills.filter((d) => d.state === 'injecting' && !processAlive(d.injectorPid))) {
    progress.info(`drill ${abandoned.id} was abandoned while injecting: removing it`);
    await cleanupDrill(kube, abandoned, progress);
  }
  const other = drills.find((d) => d.state !== 'injecting' || processAlive(d.injectorPid));
  if (other) {
    throw new DrillError(`drill ${other.id} is still in the cluster (${other.state === 'graded' ? 'graded, not yet submitted' : other.state})`, { fix: 'kubedrill drill submit (shows its result and cleans it up)' });
  }
  if (unverified.length) progress.info(`note: ${unverified.join(', ')} hold drills this machine did not sign (another learner's?)`);
  for (const scenario of scenarios) {
    const ns = await kube.readNamespace(scenario.namespace);
    if (!ns || ns.status?.phase === 'Terminating') continue;
    const attempt = ns.metadata?.labels?.[MANAGED_BY] === 'kubedrill' ? decodeRecordUnverified(ns) : undefined;
    if (attempt) {
      throw new DrillError(`namespace ${scenario.namespace} holds an attempt of ${attempt.scenario}${attempt.drill ? ` (drill ${attempt.drill})` : ''} started ${attempt.startedAt}`, {
        fix: `finish it first: kubedrill stop ${attempt.namespace}`,
      });
    }
    throw new DrillError(`namespace ${scenario.namespace} already exists (task ${scenario.id} needs it as its brief names it)`, {
      fix: ns.metadata?.labels?.[MANAGED_BY] === 'kubedrill' ? `kubedrill stop ${scenario.namespace}` : `delete it yourself if it is disposable: kubectl delete namespace ${scenario.namespace}`,
    });
  }
}

async function undo(kube: Kube, id: string, started: StartResult[], progress: Progress): Promise<void> {
  await Promise.all(started.map(({ record }) => cleanupAttempt(kube, record, progress).catch(() => undefined)));
  await deleteDrill(kube, id).catch(() => undefined);
}

/** Progress lines prefixed with the task, so concurrent injections read apart. */
function prefixed(progress: Progress, prefix: string): Progress {
  return { step: (name, fn) => progress.step(`${prefix}: ${name}`, fn), info: (message) => progress.info(`${prefix}: ${message}`) };
}
