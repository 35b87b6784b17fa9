import type { Kube } from '../kube/client.ts';
import { silentProgress, type Progress } from '../../cluster/progress.ts';
import type { Scenario } from '../scenario/types.ts';
import { startAttempt } from '../attempt/lifecycle.ts';
import { cleanupAttempt } from './cleanup.ts';
import { gradeAttempt, gradeUntilPass } from './grade.ts';
import { genericShortcuts, type CaseScript } from './generic-shortcuts.ts';
import { runScript } from './run-script.ts';
import { parseDuration } from './wait.ts';
import { Mutex, Semaphore } from './semaphore.ts';

/** One proven (or not) case: the JSON shape of `verify --json`. */
export interface CaseResult {
  name: string;
  kind: 'solution' | 'fix' | 'shortcut';
  expected: 'pass' | 'fail';
  actual: 'pass' | 'fail';
  reason: string;
  seconds: number;
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
  /** Cases run at once (exclusive scenarios always one case at a time). */
  parallel?: number;
  /** Only the reference solution (the core proof), no fixes/shortcuts. */
  solutionOnly?: boolean;
  /** Only the cases with these names ("solution", "fix/x", "shortcut/y"). */
  cases?: string[];
  progress: Progress;
  /** Called as each case finishes. */
  onCase?: (scenario: string, result: CaseResult) => void;
  signal?: AbortSignal;
}

/**
 * Prove scenarios on a real cluster. Every case gets a fresh injection in a
 * suffixed namespace: inject → symptom → (solution case: every non-gate check
 * must FAIL on the broken state, every gate must pass) → run the script →
 * grade until pass or the scenario's settle deadline. A fix must pass; a
 * shortcut must still fail at the deadline (it gets the same settle time).
 */
export async function verifyScenarios(options: VerifyOptions): Promise<ScenarioResult[]> {
  const slots = new Semaphore(options.parallel ?? 4);
  const exclusive = new Mutex();
  let counter = 0;
  const jobs = options.scenarios.map((scenario) => {
    const cases = casesOf(scenario, options.solutionOnly ?? false).filter((c) => !options.cases || options.cases.includes(c.name));
    return Promise.all(
      cases.map(async (script) => {
        const suffix = `v${(counter++).toString(36)}`;
        // Exclusive cases run one at a time beside the pool (not in its queue):
        // they are the long serial chain, so they must never wait for a slot.
        const run = (): Promise<CaseResult> => runCase(options, scenario, script, suffix);
        const result = scenario.exclusive ? await exclusive.run(run) : await slots.run(run);
        options.onCase?.(scenario.id, result);
        return result;
      }),
    ).then((results): ScenarioResult => ({ id: scenario.id, proven: results.every((r) => r.actual === r.expected), cases: results }));
  });
  return Promise.all(jobs);
}

/** The cases of a scenario: solution, fixes, written and generic shortcuts. */
export function casesOf(scenario: Scenario, solutionOnly: boolean): CaseScript[] {
  const solution: CaseScript = { name: 'solution', kind: 'solution', description: 'reference solution', path: scenario.solution };
  if (solutionOnly) return [solution];
  return [
    solution,
    ...scenario.fixes.map((f): CaseScript => ({ name: `fix/${f.name}`, kind: 'fix', description: f.description, path: f.path })),
    ...scenario.shortcuts.map((s): CaseScript => ({ name: `shortcut/${s.name}`, kind: 'shortcut', description: s.description, path: s.path })),
    ...genericShortcuts(scenario).map((s) => ({ ...s, name: `shortcut/${s.name}` })),
  ];
}

async function runCase(options: VerifyOptions, scenario: Scenario, script: CaseScript, suffix: string): Promise<CaseResult> {
  const started = Date.now();
  const expected = script.kind === 'shortcut' ? 'fail' : 'pass';
  const namespace = `${scenario.namespace}-${suffix}`.slice(0, 63);
  const result = (actual: 'pass' | 'fail', reason: string): CaseResult => ({
    name: script.name,
    kind: script.kind,
    expected,
    actual,
    reason,
    seconds: Math.round((Date.now() - started) / 1000),
  });
  const { kube } = options;
  const progress: Progress = silentProgress;
  let record;
  try {
    ({ record } = await startAttempt({ kube, scenario, namespace, proof: true, progress, signal: options.signal, exclusiveWaitMs: 15 * 60_000 }));
  } catch (error) {
    return result(expected === 'pass' ? 'fail' : 'pass', `injection failed: ${(error as Error).message}`);
  }
  try {
    if (script.kind === 'solution') {
      const broken = await gradeAttempt({ kube, scenario, record });
      const wrong = broken.verdicts.filter((v) => {
        const gate = scenario.checks.find((c) => c.id === v.id)?.gate ?? false;
        return gate ? !v.passed : v.passed;
      });
      if (wrong.length > 0) {
        const what = wrong.map((v) => `${v.id} ${v.passed ? 'passed' : 'failed'} (${v.reason})`).join('; ');
        return result('fail', `broken state graded wrong — non-gate checks must fail and gates pass there: ${what}`);
      }
    }
    const ran = await runScript(script, { kubeconfig: options.kubeconfig, namespace, pathPrepend: options.pathPrepend });
    if (ran.exitCode !== 0 && script.kind !== 'shortcut') {
      return result('fail', `script exited ${ran.exitCode}: ${ran.output.split('\n').slice(-3).join(' | ')}`);
    }
    const settleStarted = Date.now();
    const graded = await gradeUntilPass({ kube, scenario, record, waitMs: parseDuration(scenario.settle), signal: options.signal });
    const failing = graded.verdicts.filter((v) => !v.passed);
    const reason = graded.passed
      ? `all ${graded.verdicts.length} checks pass ${Math.round((Date.now() - settleStarted) / 1000)}s after the script`
      : failing.map((v) => `${v.id}: ${v.reason}`).join('; ');
    return result(graded.passed ? 'pass' : 'fail', reason);
  } catch (error) {
    // An error proves nothing either way: report it as the unexpected outcome.
    return result(expected === 'pass' ? 'fail' : 'pass', `error: ${(error as Error).message}`);
  } finally {
    await cleanupAttempt(kube, record, progress, { wait: scenario.exclusive }).catch(() => undefined);
  }
}
