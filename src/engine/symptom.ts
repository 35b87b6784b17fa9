import type { Kube } from '../kube/client.ts';
import { observe } from '../../grader/index.ts';
import type { Verdict } from '../../grader/types.ts';
import type { ScenarioView } from './scenario-view.ts';
import { InjectionError } from './inject.ts';
import { parseDuration, pollUntil } from './wait.ts';

/** The symptom's observations against one snapshot: seen when all of `all` and one of `any` hold. */
export async function symptomNow(kube: Kube, scenario: ScenarioView, namespace: string): Promise<{ done: boolean; verdicts: Verdict[] }> {
  // What observations read (grader/observations/, grader/workload.ts), nothing more: this is polled every second.
  const snapshot = await kube.snapshot(namespace, ['deployments', 'replicaSets', 'pods', 'events']);
  const { all, any } = scenario.symptom;
  const allVerdicts = observe(all, snapshot);
  const anyVerdicts = observe(any, snapshot);
  const done = allVerdicts.every((v) => v.passed) && (any.length === 0 || anyVerdicts.some((v) => v.passed));
  return { done, verdicts: [...allVerdicts, ...anyVerdicts] };
}

/**
 * Wait until the declared symptom is observed; returns the seconds it took.
 * On timeout: an InjectionError naming what was expected and what was seen.
 */
export async function waitForSymptom(kube: Kube, scenario: ScenarioView, namespace: string, signal?: AbortSignal): Promise<number> {
  const started = Date.now();
  const timeoutMs = parseDuration(scenario.symptom.timeout);
  // Re-read when pods or events change (at most every 5 s without one).
  const changes = kube.changes(namespace, ['pods', 'events']);
  const result = await pollUntil(() => symptomNow(kube, scenario, namespace), { timeoutMs, intervalMs: 5000, signal, changes }).finally(() => changes.close());
  if (!result.done) {
    const seen = result.verdicts.filter((v) => !v.passed).map((v) => v.reason).join('; ');
    throw new InjectionError(
      `symptom not observed within ${timeoutMs / 1000}s in namespace ${namespace}: expected ${scenario.symptom.description}; saw ${seen}`,
    );
  }
  return (Date.now() - started) / 1000;
}
