import type { Kube } from '../kube/client.ts';
import { sleep } from '../kube/client.ts';
import { grade, stabilityWindowMs } from '../../grader/index.ts';
import { checkWhere, inNamespace } from '../../grader/where.ts';
import type { CheckSpec } from '../scenario/schema.ts';
import type { Probe, Snapshot, Verdict } from '../../grader/types.ts';
import { snapshotKinds, type SnapshotKind } from '../kube/kinds.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import { baselineOf } from '../attempt/store.ts';
import type { ScenarioView } from './scenario-view.ts';

/** One grading of an attempt. Same shape whether it passed or not. */
export interface GradeResult {
  passed: boolean;
  verdicts: Verdict[];
  /** When the (second) snapshot was taken. */
  at: string;
  /** When this grading's stability window began (its `before` snapshot), ms since epoch; the grading itself when there is none. */
  windowFrom: number;
}

/** Options for {@link gradeAttempt}. */
export interface GradeOptions {
  kube: Kube;
  scenario: ScenarioView;
  record: AttemptRecord;
  /** Reuse as the "before" snapshot (check --wait chains windows). */
  before?: Snapshot;
  /** Skip the stability window (0) — used for a quick look, never for a verdict that scores. */
  windowMs?: number;
  /**
   * Probe (exec into pods) only when every other check passes: a round that
   * fails anyway skips the costliest part. The skipped checks read as failed,
   * "not probed". For verify's rounds, never for what a learner sees.
   */
  probeLast?: boolean;
}

/**
 * Grade an attempt: snapshot, wait the stability window, snapshot again, run
 * every check. Returns the verdicts plus the last snapshot for chaining.
 */
export async function gradeAttempt(options: GradeOptions): Promise<GradeResult & { snapshot: Snapshot }> {
  const { kube, scenario, record } = options;
  const checks = scenario.checks;
  const window = options.windowMs ?? stabilityWindowMs(checks);
  const called = Date.now();
  let before = options.before;
  const kinds = snapshotKinds(scenario);
  if (window > 0) {
    // restartsStable reads the workload's pods in `before`, nothing else.
    before ??= await readAttempt(kube, record, kinds.filter((k) => WORKLOAD_LISTS.has(k)));
    // The window runs from `before`; a chained before may already cover part of it.
    const remaining = before.takenAt + window - Date.now();
    if (remaining > 0) await sleep(remaining);
  }
  const snapshot = await readAttempt(kube, record, kinds);
  const baseline = baselineOf(snapshot, record);
  const others = Object.entries(record.namespaces ?? {});
  const ctx = {
    snapshot,
    before,
    probe: probeFor(kube, record.namespace, snapshot),
    namespaces: { main: record.namespace, ...record.namespaces },
    probes: Object.fromEntries(others.map(([role, ns]) => [role, probeFor(kube, ns, snapshot.others?.[role] ?? snapshot)])),
    injected: scenario.injected,
    fingerprint: record.fingerprint,
    ...(baseline ? { baseline } : {}),
  };
  let verdicts: Verdict[];
  const probing = checks.filter((c) => PROBING.has(c.kind));
  if (options.probeLast && probing.length > 0) {
    const rest = await grade(checks.filter((c) => !PROBING.has(c.kind)), ctx);
    const probed = rest.every((v) => v.passed) ? await grade(probing, ctx) : probing.map((c) => notProbed(c, snapshot.namespace));
    verdicts = checks.map((c) => [...rest, ...probed].find((v) => v.id === c.id)!);
  } else {
    verdicts = await grade(checks, ctx);
  }
  const windowFrom = window > 0 && before ? Math.min(before.takenAt, called) : called;
  return { passed: verdicts.every((v) => v.passed), verdicts, at: new Date(snapshot.takenAt).toISOString(), windowFrom, snapshot };
}

/** Options for {@link gradeUntilPass}. */
export interface GradeUntilOptions extends GradeOptions {
  waitMs: number;
  signal?: AbortSignal;
  /**
   * Also stop at a final failure (docs/decisions/0080) — only when nothing
   * but the caller's own finished script could have changed the state, as in
   * verify. A quick look without the stability window comes first, so a
   * deleted workload or a changed kept object ends the grading at once.
   */
  stopOnFinal?: boolean;
  /** When the learner (a verify script) was done: a failure final only after some seconds counts from here (default: the call). */
  doneAt?: number;
}

/** Whether a failing verdict is final at `at` (ms) for a learner done at `doneAt`: final now, or settled long enough. */
export function finalAt(verdict: Pick<Verdict, 'passed' | 'final' | 'finalAfterS'>, at: number, doneAt: number): boolean {
  if (verdict.passed) return false;
  return Boolean(verdict.final) || (verdict.finalAfterS !== undefined && at - doneAt >= verdict.finalAfterS * 1000);
}

/** Grade until it passes, fails for good (`stopOnFinal`), or `waitMs` runs out; returns the last result. */
export async function gradeUntilPass(options: GradeUntilOptions): Promise<GradeResult & { snapshot: Snapshot; final: boolean }> {
  const deadline = Date.now() + options.waitMs;
  const doneAt = options.doneAt ?? Date.now();
  const isFinal = (r: GradeResult): boolean => Boolean(options.stopOnFinal) && r.verdicts.some((v) => finalAt(v, Date.parse(r.at), doneAt));
  if (options.stopOnFinal) {
    const quick = await gradeAttempt({ ...options, scenario: { ...options.scenario, checks: options.scenario.checks.filter((c) => !PROBING.has(c.kind)) }, windowMs: 0 });
    if (isFinal(quick)) return { ...quick, final: true };
  }
  let before: Snapshot | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const result = await gradeAttempt({ ...options, before });
    if (result.passed || isFinal(result) || Date.now() >= deadline) return { ...result, final: isFinal(result) };
    before = result.snapshot;
    await sleep(1000);
  }
}

// Check kinds that exec into pods, read logs or ask the authorizer: a quick look leaves them out (a final failure never needs them).
const PROBING = new Set(['networkReachable', 'fileContent', 'envNamesService', 'logContains', 'accessReview', 'admitted', 'mainProcess', 'writablePaths', 'logNamesTarget']);

// The lists a workload's pods are found through (what restartsStable reads in `before`).
const WORKLOAD_LISTS = new Set<SnapshotKind>(['deployments', 'replicaSets', 'pods', 'statefulSets', 'daemonSets', 'jobs', 'cronJobs']);

/**
 * One read of every namespace of an attempt: the main one, with each other
 * namespace's read (same kinds) under `others` by role.
 */
export async function readAttempt(kube: Kube, record: Pick<AttemptRecord, 'namespace' | 'namespaces'>, kinds: readonly SnapshotKind[]): Promise<Snapshot> {
  const roles = Object.entries(record.namespaces ?? {});
  const [main, ...rest] = await Promise.all([kube.snapshot(record.namespace, kinds), ...roles.map(([, ns]) => kube.snapshot(ns, kinds))]);
  return roles.length === 0 ? main! : { ...main!, others: Object.fromEntries(roles.map(([role], i) => [role, rest[i]!])) };
}

function notProbed(check: CheckSpec, namespace: string): Verdict {
  return { id: check.id, passed: false, reason: 'not probed this round: another check already fails', where: inNamespace(checkWhere(check), namespace) };
}

/** A Probe through the API into one namespace; a pod's first container when none is named. */
export function probeFor(kube: Kube, namespace: string, snapshot: Snapshot): Probe {
  const first = (pod: string): string | undefined => snapshot.pods.find((p) => p.metadata?.name === pod)?.spec?.containers[0]?.name;
  return {
    exec(target, command, options) {
      return kube.exec(namespace, target.pod, target.container ?? first(target.pod), command, options?.timeoutMs);
    },
    logs(target, options) {
      return kube.logs(namespace, target.pod, target.container ?? first(target.pod), options);
    },
    access: (question) => kube.access(question),
    admit: (pod) => kube.admit(namespace, pod),
    ...(kube.nodes ? { node: (name: string, command: string[], options?: { timeoutMs?: number }) => kube.nodes!.exec(name, command, options) } : {}),
  };
}
