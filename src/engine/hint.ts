import type { Verdict, Where } from '../../grader/types.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { Kube } from '../kube/client.ts';
import type { CheckSpec } from '../scenario/schema.ts';
import { gradeAttempt } from './grade.ts';
import type { ScenarioView } from './scenario-view.ts';

/** What the look-line is built from. */
export interface LookOptions {
  /** The scenario's checks in its order; only `id` and `gate` are read. */
  checks: Pick<CheckSpec, 'id' | 'gate'>[];
  /** Verdicts by check id; a check without one (skipped by the quick grade) is passed over. */
  verdicts: Verdict[];
  /** The attempt's namespace, for objects whose `where` has none. */
  namespace: string;
}

/** Said when nothing fails: only `kubedrill check` (with its stability window) scores. */
export const allPassLine = 'every check passes now; run kubedrill check to grade it (with the stability window)';

/**
 * The hint's line from the cluster: where to look for the first failing
 * task (non-gate) check, in the scenario's order; when only a gate fails,
 * the object the brief asks to keep; else that every check passes. Built
 * from each verdict's `where` alone (kinds, names, field paths), never from
 * its reason, which carries expected values.
 */
export function lookLine(options: LookOptions): string {
  const failing = (gate: boolean): Verdict | undefined =>
    options.checks
      .filter((c) => c.gate === gate)
      .map((c) => options.verdicts.find((v) => v.id === c.id))
      .find((v) => v !== undefined && !v.passed);
  const task = failing(false);
  if (task) return `Look at ${describeWhere(task.where)} — ${lookCommand(task.where, options.namespace)}`;
  const gate = failing(true);
  if (gate) return `Look at ${describeWhere(gate.where)} (the brief asks to keep it) — ${lookCommand(gate.where, options.namespace)}`;
  return allPassLine;
}

/** "Pod api-7c9d-x2b: status.containerStatuses[name=api].lastState.terminated". */
function describeWhere(where: Where): string {
  return `${where.kind} ${where.name}${where.path ? `: ${where.path}` : ''}`;
}

const clusterScoped = new Set(['Node', 'PriorityClass', 'Namespace']);
const asYaml = new Set(['ConfigMap', 'NetworkPolicy', 'PriorityClass']);

/**
 * The kubectl command that shows a `where`: the logs of a container that
 * terminated (`--previous` for the last run), the NetworkPolicies for a
 * connection, `cat` for a file, `auth can-i --list` for what a ServiceAccount
 * may do, `get -o yaml` for data and policies, `describe` (status,
 * conditions, events) for the rest.
 */
export function lookCommand(where: Where, namespace: string): string {
  const kubectl = clusterScoped.has(where.kind) ? 'kubectl' : `kubectl -n ${where.namespace ?? namespace}`;
  const path = where.path ?? '';
  const container = /\[name=([^\]]+)\]/.exec(path)?.[1];
  const c = container ? ` -c ${container}` : '';
  if (where.kind === 'Namespace') return `kubectl -n ${where.name} get events --sort-by=.lastTimestamp`;
  // A connection through a variable goes wherever the pod resolves it: its env and /etc/hosts first.
  if (/^egress to \$/.test(path) && where.kind === 'Pod') return `${kubectl} describe pod ${where.name}`;
  if (/^(egress|ingress)\b/.test(path)) return `${kubectl} describe networkpolicy`;
  // What a ServiceAccount may do is decided by every binding that names it: ask the authorizer, as it.
  if (where.kind === 'ServiceAccount' && path.startsWith('may ')) {
    return `${kubectl} auth can-i --list --as=system:serviceaccount:${where.namespace ?? namespace}:${where.name}`;
  }
  if (where.kind === 'Pod') {
    if (/\blastState\.terminated$/.test(path)) return `${kubectl} logs ${where.name}${c} --previous`;
    if (/\bstate\.terminated$/.test(path)) return `${kubectl} logs ${where.name}${c}`;
    if (path.startsWith('/')) return `${kubectl} exec ${where.name} -- cat ${path}`;
  }
  const resource = where.kind.toLowerCase();
  if (asYaml.has(where.kind)) return `${kubectl} get ${resource} ${where.name} -o yaml`;
  return `${kubectl} describe ${resource} ${where.name}`;
}

/**
 * The checks a quick grade runs: all but restartsStable, which needs a
 * stability window (a pod that is not stable fails podsHealthy or
 * rolloutComplete too, so the hint still finds it).
 */
export function quickChecks<T extends Pick<CheckSpec, 'kind'>>(checks: T[]): T[] {
  return checks.filter((c) => c.kind !== 'restartsStable');
}

/** What a quick look reads. */
export interface LookNowOptions {
  kube: Kube;
  scenario: ScenarioView;
  record: AttemptRecord;
}

/**
 * Grade for a hint: one snapshot, no stability window (`windowMs: 0`), every
 * check but restartsStable; probes (exec) run. Verdicts in the scenario's
 * order, never a score.
 */
export async function gradeForHint(options: LookNowOptions): Promise<Verdict[]> {
  const scenario = { ...options.scenario, checks: quickChecks(options.scenario.checks) };
  const result = await gradeAttempt({ kube: options.kube, scenario, record: options.record, windowMs: 0 });
  return result.verdicts;
}

/** The hint's look-line for the attempt as the cluster is now (gradeForHint, then lookLine). */
export async function lookNow(options: LookNowOptions): Promise<string> {
  const verdicts = await gradeForHint(options);
  return lookLine({ checks: options.scenario.checks, verdicts, namespace: options.record.namespace });
}
