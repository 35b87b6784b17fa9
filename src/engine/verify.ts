import { createHash, randomBytes } from 'node:crypto';
import { sleep, type Kube } from '../kube/client.ts';
import { silentProgress, type Progress } from '../../cluster/progress.ts';
import type { Scenario } from '../scenario/types.ts';
import { startAttempt } from '../attempt/lifecycle.ts';
import { cleanupAttempt, HostPathsLeftError, leftovers, type Leftover } from './cleanup.ts';
import { finalAt, gradeAttempt, gradeUntilPass } from './grade.ts';
import { genericShortcuts, type CaseScript } from './generic-shortcuts.ts';
import { runScript } from './run-script.ts';
import { parseDuration } from './wait.ts';
import { Gate, Semaphore } from './semaphore.ts';
import { clusterSuffix, withClusterSuffix, withNamespaceSuffix } from './cluster-names.ts';
import { Pressure, type PressureLimits } from './pressure.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { Snapshot, Verdict } from '../../grader/types.ts';

/** The phases of one case, in the order they run. */
export const PHASES = ['inject', 'symptom', 'broken', 'script', 'settle', 'window', 'cleanup'] as const;
/** One phase of a case: inject (namespace, manifests, waits), symptom (until observed), broken (the broken state graded, solution only), script, settle (script end → the deciding grading's window), window (the deciding grading), cleanup. */
export type Phase = (typeof PHASES)[number];

/** One proven (or not) case: the JSON shape of `verify --json`. */
export interface CaseResult {
  name: string;
  kind: 'solution' | 'fix' | 'shortcut';
  expected: 'pass' | 'fail';
  actual: 'pass' | 'fail';
  reason: string;
  /** Seconds until the outcome was known (the background cleanup after it is in `phases.cleanup`). */
  seconds: number;
  /** Seconds from the start of the run to the start of this case (admission waits included). */
  startedAfter: number;
  /** Seconds spent in each phase (0 for one that did not run). */
  phases: Record<Phase, number>;
  /** How grading ended: it passed, failed for good before the deadline (docs/decisions/0080), or the deadline came. */
  ended: 'pass' | 'final' | 'deadline' | 'error';
  /** An early end that was graded on to the deadline anyway, to prove the rule (its outcome is the deadline's). */
  audited?: true;
}

/** A scenario's verdict: proven when every case came out as expected. */
export interface ScenarioResult {
  id: string;
  proven: boolean;
  cases: CaseResult[];
}

/** Options for {@link verifyScenarios}. */
export interface VerifyOptions {
  kube: Kube;
  scenarios: Scenario[];
  kubeconfig: string;
  pathPrepend?: string[];
  /** Cases run at once (a case declared cluster-wide always runs alone). */
  parallel?: number;
  /** Back-pressure: no new case while the cluster is over these (default {@link DEFAULT_LIMITS}). */
  limits?: PressureLimits;
  /** Only the reference solution (the core proof), no fixes/shortcuts. */
  solutionOnly?: boolean;
  /** Only the cases with these names ("solution", "fix/x", "shortcut/y"). */
  cases?: string[];
  /** Of the shortcut cases that end early, the share (0–1, picked by name and seed) graded on to the deadline to prove the rule. */
  auditShare?: number;
  /** Which cases the audit picks: the same seed picks the same cases (the CLI's default is the UTC date, so the pick turns daily). */
  auditSeed?: string;
  progress: Progress;
  /** Called as each case finishes. */
  onCase?: (scenario: string, result: CaseResult) => void;
  signal?: AbortSignal;
}

/** Back-pressure limits measured on the 2-core machine (docs/decisions/0080). */
export const DEFAULT_LIMITS: PressureLimits = { pods: 90, listMs: 1500, eventLagS: 20 };

/** What a whole run measured: `verify --json`'s `totals`, and the line the human output ends with. */
export interface RunTotals {
  cases: number;
  seconds: number;
  casesPerMinute: number;
  /** Seconds per phase, summed over cases. */
  phases: Record<Phase, number>;
  slowest: Phase;
  /** Cases that ended at a final failure, and how many of those were audited. */
  endedEarly: number;
  audited: number;
  /** The seed the audit picked its cases by. */
  auditSeed: string;
  /** Seconds cases waited for back-pressure, and the highest pod count, pod-list time and kubelet event lag seen. */
  admissionWait: number;
  peak: { pods: number; listMs: number; eventLagS: number };
  /** Cluster-scoped objects the run's cases left behind (the sweep after the run): must be none. */
  leftovers: Leftover[];
}

/**
 * Prove scenarios on a real cluster. Every case gets a fresh injection in a
 * suffixed namespace, with its own copy of the scenario's cluster-scoped
 * names (src/engine/cluster-names.ts), so cases of every scenario run side by
 * side: inject → symptom → (solution case: every non-gate check must FAIL on
 * the broken state, every gate must pass) → run the script → grade until pass
 * or the scenario's settle deadline. A fix must pass; a shortcut must still
 * fail at the deadline (it gets the same settle time) — or fail for good
 * before it (a final failure: docs/decisions/0080). A script that declares
 * itself cluster-wide runs with no other case beside it.
 */
export async function verifyScenarios(options: VerifyOptions): Promise<{ results: ScenarioResult[]; totals: RunTotals }> {
  const started = Date.now();
  const slots = new Semaphore(options.parallel ?? 4);
  const gate = new Gate();
  const pressure = new Pressure(options.kube, options.limits ?? DEFAULT_LIMITS);
  let counter = 0;
  const used = new Set<string>();
  // Node directories a case's cleanup could not remove (no cluster object records them): the sweep reports them.
  const hostLeft: Leftover[] = [];
  const suffixes = new Set<string>();
  // Two runs on one cluster must not share a case's names: each run's suffixes carry a token of its own.
  const runToken = randomBytes(2).readUInt16BE(0).toString(36).padStart(2, '0').slice(-2);
  const planned = options.scenarios.map((scenario) => ({
    scenario,
    cases: casesOf(scenario, options.solutionOnly ?? false).filter((c) => !options.cases || options.cases.includes(c.name)),
  }));
  const audit: Audit = { share: options.auditShare ?? 0, seed: options.auditSeed ?? '' };
  const order = planned.flatMap(({ scenario, cases }) => cases.map((script) => ({ scenario, script }))).sort((a, b) => expectedLength(b, audit) - expectedLength(a, audit));
  const done = new Map<string, Map<CaseScript, Promise<CaseResult>>>();
  for (const { scenario, script } of order) {
    const suffix = `v${runToken}${(counter++).toString(36)}`;
    suffixes.add(clusterSuffix(suffix));
    const run = (): Promise<CaseResult> =>
      slots.run(async () => {
        await pressure.admit(options.signal);
        try {
          return await runCase(options, scenario, script, suffix, started, (ns) => used.add(ns), (left) => hostLeft.push(...left));
        } finally {
          pressure.release();
        }
      });
    const result = (script.clusterWide ? gate.exclusive(run) : gate.shared(run)).then((r) => {
      options.onCase?.(scenario.id, r);
      return r;
    });
    if (!done.has(scenario.id)) done.set(scenario.id, new Map());
    done.get(scenario.id)!.set(script, result);
  }
  let results: ScenarioResult[];
  try {
    results = await Promise.all(
      planned.map(async ({ scenario, cases }): Promise<ScenarioResult> => {
        const own = done.get(scenario.id) ?? new Map<CaseScript, Promise<CaseResult>>();
        const list = await Promise.all(cases.map((c) => own.get(c)!));
        return { id: scenario.id, proven: list.every((r) => r.actual === r.expected), cases: list };
      }),
    );
  } finally {
    pressure.close();
  }
  const left = [...(await sweep(options.kube, used, suffixes)), ...hostLeft];
  return { results, totals: { ...totalsOf(results, (Date.now() - started) / 1000, pressure, audit.seed), leftovers: left } };
}

/**
 * The order cases start in, longest expected first so that short ones fill
 * the end of the run: a cluster-wide case first of all (it runs alone, best
 * while the pool is empty); then solutions, fixes and written shortcuts,
 * which take about their settle time (a scenario with a longer deadline
 * first), and the generic shortcuts picked for the audit (they are graded on
 * to their deadline); the other generic shortcuts last — most end at their
 * first grading (docs/decisions/0080). A stable sort keeps scenario order
 * within a rank.
 */
export function expectedLength({ scenario, script }: { scenario: Pick<Scenario, 'id' | 'settle'>; script: CaseScript }, audit: Audit = NO_AUDIT): number {
  if (script.clusterWide) return Number.MAX_SAFE_INTEGER;
  const short = script.name.startsWith('shortcut/generic-') && !audited(scenario.id, script.name, audit);
  return (short ? 0 : 1_000_000) + parseDuration(scenario.settle);
}

/** The cases of a scenario: solution, fixes, written and generic shortcuts. */
export function casesOf(scenario: Scenario, solutionOnly: boolean): CaseScript[] {
  const solution: CaseScript = { name: 'solution', kind: 'solution', description: 'reference solution', path: scenario.solution };
  if (solutionOnly) return [solution];
  return [
    solution,
    ...scenario.fixes.map((f): CaseScript => ({ name: `fix/${f.name}`, kind: 'fix', description: f.description, path: f.path, ...(f.clusterWide ? { clusterWide: f.clusterWide } : {}) })),
    ...scenario.shortcuts.map((s): CaseScript => ({ name: `shortcut/${s.name}`, kind: 'shortcut', description: s.description, path: s.path, ...(s.clusterWide ? { clusterWide: s.clusterWide } : {}) })),
    ...genericShortcuts(scenario).map((s) => ({ ...s, name: `shortcut/${s.name}` })),
  ];
}

/** The audit of early ends: about `share` of the cases, picked by `seed`. */
export interface Audit {
  share: number;
  seed: string;
}

const NO_AUDIT: Audit = { share: 0, seed: '' };

/**
 * Whether a case is in the audited share: a pick by seed and name, about
 * `share` of all. One seed always picks the same cases (a failure found by the
 * audit is reproduced with its seed); a new seed picks others, so a seed that
 * turns daily audits every case in time at a small share per run.
 */
export function audited(scenario: string, name: string, { share, seed }: Audit): boolean {
  if (share <= 0) return false;
  if (share >= 1) return true;
  return createHash('sha256').update(`${seed}/${scenario}/${name}`).digest().readUInt32BE(0) / 2 ** 32 < share;
}

/**
 * After every case: what the run left outside its namespaces. Cleanup
 * deletes cluster-scoped objects before it returns, but a PV still bound to
 * a claim in a terminating namespace is only marked for deletion — those
 * count as gone. Read twice, a few seconds apart, so nothing mid-deletion
 * is reported.
 */
async function sweep(kube: Kube, namespaces: ReadonlySet<string>, suffixes: ReadonlySet<string>): Promise<Leftover[]> {
  if (namespaces.size === 0) return [];
  const first = await leftovers(kube, namespaces, suffixes).catch(() => []);
  if (first.length === 0) return [];
  await sleep(5000);
  return leftovers(kube, namespaces, suffixes).catch((error: Error) => [{ kind: 'cluster', name: '?', why: `sweep could not read cluster-scoped objects: ${error.message}` }]);
}

async function runCase(options: VerifyOptions, written: Scenario, script: CaseScript, suffix: string, runStarted: number, uses: (namespace: string) => void, leftBehind: (left: Leftover[]) => void): Promise<CaseResult> {
  const started = Date.now();
  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  // The clock runs for one phase at a time: `enter` books the time so far to the current one.
  let current: Phase = 'inject';
  let mark = started;
  const enter = (next: Phase, at = Date.now()): void => {
    phases[current] += Math.max(0, at - mark) / 1000;
    mark = Math.max(mark, at);
    current = next;
  };
  // This case's own copy of the cluster-scoped names; only a cluster-wide case takes the learner's lock.
  const kdSuffix = clusterSuffix(suffix);
  const { scenario: spread, namespaces } = withNamespaceSuffix(withClusterSuffix(written, kdSuffix), kdSuffix);
  const scenario = { ...spread, exclusive: Boolean(script.clusterWide) && written.exclusive };
  const expected = script.kind === 'shortcut' ? 'fail' : 'pass';
  const namespace = `${scenario.namespace}-${suffix}`.slice(0, 63);
  for (const ns of [namespace, ...Object.values(namespaces)]) uses(ns);
  let ended: CaseResult['ended'] = 'error';
  let audit = false;
  const result = (actual: 'pass' | 'fail', reason: string): CaseResult => ({
    name: script.name,
    kind: script.kind,
    expected,
    actual,
    reason,
    seconds: Math.round((Date.now() - started) / 1000),
    startedAfter: Math.round((started - runStarted) / 1000),
    phases,
    ended,
    ...(audit ? { audited: true as const } : {}),
  });
  const { kube } = options;
  const progress: Progress = silentProgress;
  let record;
  try {
    let symptomSeconds;
    ({ record, symptomSeconds } = await startAttempt({ kube, scenario, namespace, namespaces, proof: true, progress, signal: options.signal, exclusiveWaitMs: 15 * 60_000 }));
    enter('symptom', Date.now() - symptomSeconds * 1000);
    enter(script.kind === 'solution' ? 'broken' : 'script');
  } catch (error) {
    enter('cleanup');
    return result(expected === 'pass' ? 'fail' : 'pass', `injection failed: ${(error as Error).message}`);
  }
  try {
    if (script.kind === 'solution') {
      const wrong = await gradeBroken(kube, scenario, record, options.signal);
      enter('script');
      if (wrong.length > 0) {
        const what = wrong.map((v) => `${v.id} ${v.passed ? 'passed' : 'failed'} (${v.reason})`).join('; ');
        return result('fail', `broken state graded wrong — non-gate checks must fail and gates pass there: ${what}`);
      }
    }
    const ran = await runScript(script, { kubeconfig: options.kubeconfig, namespace, pathPrepend: options.pathPrepend, env: { KD_SUFFIX: kdSuffix, ...namespaceVariables(namespaces) } });
    enter('settle');
    if (ran.exitCode !== 0 && script.kind !== 'shortcut') {
      return result('fail', `script exited ${ran.exitCode}: ${ran.output.split('\n').slice(-3).join(' | ')}`);
    }
    const settleFrom = Date.now();
    const waitMs = parseDuration(scenario.settle);
    // Only a shortcut may end at a final failure: a fix or solution always gets its whole settle time.
    let graded = await gradeUntilPass({ kube, scenario, record, waitMs, signal: options.signal, stopOnFinal: script.kind === 'shortcut', probeLast: true, doneAt: settleFrom });
    const finalNow = (v: Verdict): boolean => finalAt(v, Date.parse(graded.at), settleFrom);
    let note = '';
    const endedEarly = graded.final;
    if (graded.final && audited(written.id, script.name, { share: options.auditShare ?? 0, seed: options.auditSeed ?? '' })) {
      // Prove the rule on a sample: the early verdict must still be the deadline's.
      audit = true;
      const early = graded.verdicts.filter(finalNow).map((v) => v.id).join(', ');
      graded = await gradeUntilPass({ kube, scenario, record, waitMs: Math.max(0, settleFrom + waitMs - Date.now()), signal: options.signal, probeLast: true });
      note = graded.passed ? `ended early on a final failure (${early}) but PASSED at the deadline — the early-end rule is wrong: ` : `(audited: ended early on ${early}, still failing at the deadline) `;
    }
    ended = graded.passed ? 'pass' : endedEarly ? 'final' : 'deadline';
    enter('window', graded.windowFrom);
    enter('cleanup');
    const failing = graded.verdicts.filter((v) => !v.passed);
    const reason = graded.passed
      ? `${note}all ${graded.verdicts.length} checks pass ${Math.round((Date.now() - settleFrom) / 1000)}s after the script`
      : note + failing.map((v) => `${v.id}${finalNow(v) ? ' (final)' : ''}: ${v.reason}`).join('; ');
    return result(graded.passed ? 'pass' : 'fail', reason);
  } catch (error) {
    // An error proves nothing either way: report it as the unexpected outcome.
    ended = 'error';
    return result(expected === 'pass' ? 'fail' : 'pass', `error: ${(error as Error).message}`);
  } finally {
    enter('cleanup');
    await cleanupAttempt(kube, record, progress, { wait: scenario.exclusive }).catch((error: unknown) => {
      if (error instanceof HostPathsLeftError) leftBehind(error.left);
    });
    enter('cleanup');
  }
}

/** `NS_<ROLE>` for each other namespace of an attempt: how scripts name them (`$NS` is the main one). */
export function namespaceVariables(namespaces: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(namespaces).map(([role, ns]) => [`NS_${role.toUpperCase()}`, ns]));
}

/** How long the gates may take to come up after the symptom before the broken state counts as graded wrong. */
const GATES_UP_MS = 90_000;

/**
 * Grade the broken state: every gate must pass, and every non-gate check
 * must fail — each in at least one of up to three consecutive gradings. A
 * symptom that comes and goes (a container OOM-killed moments after it
 * starts) can look Ready at one instant; a check that never fails on the
 * broken state proves nothing. The symptom can show before every bystander
 * is up (app unready while metrics still starts, on a loaded cluster), so
 * the gates get GATES_UP_MS to pass first; one that never does is wrong.
 * Returns the verdicts graded wrong.
 */
export async function gradeBroken(kube: Kube, scenario: Scenario, record: AttemptRecord, signal?: AbortSignal, gatesUpMs = GATES_UP_MS): Promise<Verdict[]> {
  const gates = new Set(scenario.checks.filter((c) => c.gate).map((c) => c.id));
  const unseen = new Map<string, Verdict>();
  const gatesBy = Date.now() + gatesUpMs;
  let before: Snapshot | undefined;
  let round = 0;
  while (round < 3) {
    const graded = await gradeAttempt({ kube, scenario, record, before });
    const gateFailed = graded.verdicts.filter((v) => gates.has(v.id) && !v.passed);
    if (gateFailed.length > 0) {
      if (round > 0 || Date.now() >= gatesBy) return gateFailed;
      signal?.throwIfAborted();
      await sleep(2000);
      continue;
    }
    for (const v of graded.verdicts) {
      if (gates.has(v.id)) continue;
      if (round === 0 && v.passed) unseen.set(v.id, v);
      if (!v.passed) unseen.delete(v.id);
    }
    if (unseen.size === 0) return [];
    before = graded.snapshot;
    round++;
  }
  return [...unseen.values()];
}

/** Sum a run's cases into its totals. */
export function totalsOf(results: ScenarioResult[], seconds: number, pressure?: Pick<Pressure, 'peak' | 'waitedMs'>, auditSeed = ''): RunTotals {
  const cases = results.flatMap((r) => r.cases);
  const phases = Object.fromEntries(PHASES.map((p) => [p, round(cases.reduce((sum, c) => sum + (c.phases?.[p] ?? 0), 0))])) as Record<Phase, number>;
  const slowest = PHASES.reduce((a, b) => (phases[b] > phases[a] ? b : a));
  return {
    cases: cases.length,
    seconds: round(seconds),
    casesPerMinute: seconds > 0 ? round((cases.length * 60) / seconds) : 0,
    phases,
    slowest,
    endedEarly: cases.filter((c) => c.ended === 'final').length,
    audited: cases.filter((c) => c.audited).length,
    auditSeed,
    admissionWait: round((pressure?.waitedMs ?? 0) / 1000),
    peak: pressure?.peak ?? { pods: 0, listMs: 0, eventLagS: 0 },
    leftovers: [],
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
