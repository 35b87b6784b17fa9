import type { Kube } from '../kube/client.ts';
import { observe } from '../../grader/index.ts';
import type { Snapshot, Verdict } from '../../grader/types.ts';
import type { ScenarioView } from './scenario-view.ts';
import type { SnapshotKind } from '../kube/kinds.ts';
import type { DeniedAccess, WorkloadKind } from '../scenario/schema.ts';
import { workloadId } from '../../grader/workload.ts';
import { InjectionError } from './inject.ts';
import { parseDuration, pollUntil } from './wait.ts';

/** The symptom's observations against one snapshot: seen when all of `all` and one of `any` hold. */
export async function symptomNow(kube: Kube, scenario: ScenarioView, namespace: string): Promise<{ done: boolean; verdicts: Verdict[] }> {
  // What observations read (grader/observations/, grader/workload.ts), nothing more: this is polled every second.
  const snapshot = await kube.snapshot(namespace, symptomKinds(scenario));
  const { all, any } = scenario.symptom;
  const allVerdicts = [...observe(all, snapshot), ...(await deniedNow(kube, scenario.symptom.denied ?? [], snapshot))];
  const anyVerdicts = observe(any, snapshot);
  const done = allVerdicts.every((v) => v.passed) && (any.length === 0 || anyVerdicts.some((v) => v.passed));
  return { done, verdicts: [...allVerdicts, ...anyVerdicts] };
}

/**
 * The symptom's `denied` questions, asked of the authorizer (as `kubectl auth
 * can-i --as=system:serviceaccount:…`): each observed when the ServiceAccount
 * exists and the answer is no. One verdict each, id "denied:<sa>:<verb> <resource>".
 */
export async function deniedNow(kube: Pick<Kube, 'access'>, denied: readonly DeniedAccess[], snapshot: Pick<Snapshot, 'namespace' | 'serviceAccounts'>): Promise<Verdict[]> {
  const namespace = snapshot.namespace;
  return Promise.all(
    denied.map(async (d): Promise<Verdict> => {
      const what = `${d.verb} ${d.resource}${d.subresource ? `/${d.subresource}` : ''}${d.group ? `.${d.group}` : ''}`;
      const id = `denied:${d.serviceAccount}:${what}`;
      const where = { kind: 'ServiceAccount', name: d.serviceAccount, namespace, path: `may ${what}` };
      if (!(snapshot.serviceAccounts ?? []).some((sa) => sa.metadata?.name === d.serviceAccount)) {
        return { id, passed: false, reason: `ServiceAccount ${d.serviceAccount} not found in namespace ${namespace}`, where };
      }
      const answer = await kube.access({
        serviceAccount: { namespace, name: d.serviceAccount },
        verb: d.verb,
        resource: d.resource,
        group: d.group ?? '',
        namespace,
        ...(d.subresource ? { subresource: d.subresource } : {}),
      });
      const said = `can ${namespace}:${d.serviceAccount} ${what} in ${namespace}`;
      return answer.allowed ? { id, passed: false, reason: `${said}: expected denied, saw allowed (${answer.reason})`, where } : { id, passed: true, reason: `${said}: denied`, where };
    }),
  );
}

// A workload kind's list, for the observations that name one.
const LISTS: Record<WorkloadKind, SnapshotKind[]> = { Deployment: [], StatefulSet: ['statefulSets'], DaemonSet: ['daemonSets'], Job: ['jobs'], CronJob: ['cronJobs', 'jobs'], Pod: [] };

/** What observations read: pods, events, Deployments and ReplicaSets, and the list of any other workload kind they name. */
export function symptomKinds(scenario: Pick<ScenarioView, 'symptom'>): SnapshotKind[] {
  const kinds = new Set<SnapshotKind>(['deployments', 'replicaSets', 'pods', 'events']);
  if ((scenario.symptom.denied ?? []).length > 0) kinds.add('serviceAccounts');
  for (const o of [...scenario.symptom.all, ...scenario.symptom.any]) if ('workload' in o) for (const k of LISTS[workloadId(o.workload).kind]) kinds.add(k);
  return [...kinds];
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
