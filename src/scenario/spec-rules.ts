import { fieldPathOf, showValue, type ScenarioProblem } from './errors.ts';
import type { LoadedObject } from './manifests.ts';
import { keepCheckId, type CheckSpec, type ScenarioSpec, type WorkloadKind, type WorkloadRef } from './schema.ts';
import { workloadId } from '../../grader/workload.ts';
import { STORED_KINDS } from '../../grader/stored/content.ts';
import type { YamlDoc } from './yaml-source.ts';
import { checkRules, isWorkloadKind, oneOf, roleText, type Placed, type Report } from './check-rules.ts';

/** Kinds that live outside any namespace: touching them makes a scenario exclusive. */
const clusterScoped = new Set(['PriorityClass', 'ClusterRole', 'ClusterRoleBinding', 'Namespace', 'Node', 'StorageClass', 'PersistentVolume', 'CustomResourceDefinition', 'IngressClass']);

/** Everything the cross-field rules read. */
export interface SpecContext {
  spec: ScenarioSpec;
  /** The scenario folder's name. */
  folder: string;
  /** Absolute path of scenario.yaml and its parsed document. */
  file: string;
  doc: YamlDoc;
  /** Manifest objects per inject step index (only apply steps have any). */
  objectsByStep: ReadonlyMap<number, readonly LoadedObject[]>;
  /** False when a manifest file is missing or broken: name lookups are skipped (that problem is reported already). */
  manifestsComplete: boolean;
}

/**
 * The workload kinds a check kind can judge (absent: any). The `running` ones
 * read live pods, and a Job's pods run to completion: there are none to read.
 */
const running = { kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'], instead: 'jobComplete or logContains for a Job or CronJob' } as const;
const judges: Partial<Record<CheckSpec['kind'], { kinds: readonly WorkloadKind[]; instead: string }>> = {
  rolloutComplete: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'], instead: 'jobComplete for a Job or CronJob, podsHealthy for a Pod' },
  jobComplete: { kinds: ['Job', 'CronJob'], instead: 'rolloutComplete or podsHealthy' },
  podsHealthy: running,
  restartsStable: running,
  fileContent: running,
  envNamesService: running,
  networkReachable: running,
  mainProcess: running,
  writablePaths: running,
  nodeTargeted: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'], instead: 'a workload with a pod template the scheduler places' },
  serviceRoutes: { kinds: ['Deployment', 'StatefulSet', 'DaemonSet'], instead: 'a workload whose pod template a Service selects' },
  templateEquals: { kinds: ['Deployment', 'StatefulSet'], instead: 'a Deployment or StatefulSet: its ReplicaSets or ControllerRevisions hold the revisions' },
};

/** Rules the schema cannot express: they relate fields to each other, to the folder, and to the manifests. */
export function specProblems(context: SpecContext): ScenarioProblem[] {
  const { spec, folder, file, doc } = context;
  const problems: ScenarioProblem[] = [];
  const report: Report = (at, detail) => {
    const line = doc.lineOf(at);
    problems.push({ file, fieldPath: fieldPathOf(at), detail, ...(line ? { line } : {}) });
  };
  const all = [...context.objectsByStep.values()].flat();
  const roles = namespaceRoles(spec, report);
  const knownRole = (at: PropertyKey[], role: string | undefined, also?: 'cluster'): boolean => {
    if (role === undefined || roles.has(role) || role === also) return true;
    report(at, `names no namespace role: ${showValue(role)} (expected main${also ? ', cluster' : ''} or a key of namespaces: ${[...roles].join(', ')})`);
    return false;
  };
  const placed = placeObjects(spec, context, knownRole);

  /** The workload a reference names among the objects applied into `role` (reported when missing). */
  const workload = (at: PropertyKey[], ref: WorkloadRef | undefined, role?: string): LoadedObject | undefined => {
    const objects = placed.in(role);
    if (!objects || ref === undefined) return undefined;
    const { kind, name } = workloadId(ref);
    const found = objects.findLast((o) => o.object.kind === kind && o.object.metadata.name === name);
    if (found) return found;
    // A bare name is always a Deployment: say so when the name belongs to another kind.
    const other = typeof ref === 'string' ? objects.find((o) => o.object.metadata.name === name && isWorkloadKind(o.object.kind)) : undefined;
    const hint = other ? `a bare name is a Deployment: write {kind: ${other.object.kind}, name: ${name}}` : placed.missing(role, kind, name);
    report(at, `names no ${kind} of the manifests${roleText(role)}: ${showValue(name)} (${hint})`);
    return undefined;
  };

  if (spec.id !== folder) report(['id'], `expected ${showValue(folder)} (the folder's name), saw ${showValue(spec.id)}`);
  if (spec.hints.length < 3) report(['hints'], `expected at least 3 progressive hints (symptom, where to look, what to change), saw ${spec.hints.length}`);

  const touches = all.find((o) => clusterScoped.has(o.object.kind));
  const reason = touches ? `it creates ${touches.label}` : spec.inject.some((s) => 'nodeResource' in s) ? 'it patches node resources' : undefined;
  if (reason && !spec.exclusive) report(['exclusive'], `expected true: ${reason} (cluster-scoped), so attempts cannot run side by side`);

  const applied = new Map<string, Set<string>>(); // role → "Kind/name" of the Deployments and StatefulSets applied so far
  spec.inject.forEach((step, index) => {
    if ('apply' in step) {
      const names = applied.get(step.namespace ?? 'main') ?? new Set<string>();
      for (const o of context.objectsByStep.get(index) ?? []) if (o.object.kind === 'Deployment' || o.object.kind === 'StatefulSet') names.add(`${o.object.kind}/${o.object.metadata.name}`);
      applied.set(step.namespace ?? 'main', names);
    }
    if (!('waitFor' in step)) return;
    const at = ['inject', index, 'waitFor', 'workload'];
    const { workload: ref, namespace: role } = step.waitFor;
    const { kind, name } = workloadId(ref);
    if (kind !== 'Deployment' && kind !== 'StatefulSet') report(at, `expected a Deployment or StatefulSet (waitFor waits for a Deployment's condition Available, a StatefulSet's replicas ready on one revision), saw ${kind} ${showValue(name)}`);
    else if (knownRole(['inject', index, 'waitFor', 'namespace'], role) && workload(at, ref, role) && !applied.get(role ?? 'main')?.has(`${kind}/${name}`)) {
      report(at, `${kind} ${name} is not applied by an earlier step${roleText(role)}`);
    }
  });

  // Observations read the main namespace only.
  for (const list of ['all', 'any'] as const) {
    spec.symptom[list].forEach((observation, index) => {
      if ('workload' in observation) workload(['symptom', list, index, 'workload'], observation.workload);
    });
  }

  const ids = new Map<string, number>();
  const keepIds = new Set(spec.keep.map(keepCheckId));
  spec.keep.forEach((object, index) => {
    if (!(STORED_KINDS as readonly string[]).includes(object.kind)) report(['keep', index, 'kind'], `${object.kind} cannot be kept: its objects belong to a controller (keep one of ${STORED_KINDS.join(', ')})`);
    else if (!placed.find('main', object.kind, object.name)) report(['keep', index], `names no object of the manifests: ${object.kind} ${showValue(object.name)} (${placed.missing('main', object.kind, object.name)})`);
  });
  spec.checks.forEach((check, index) => {
    if (keepIds.has(check.id)) report(['checks', index, 'id'], `${showValue(check.id)} is the id of a keep entry's check: pick another`);
    const at = (field: string): PropertyKey[] => ['checks', index, field];
    const first = ids.get(check.id);
    if (first !== undefined) report(at('id'), `duplicate id ${showValue(check.id)} (also checks[${first}])`);
    else ids.set(check.id, index);
    // An unknown role is reported once; nothing the check names is looked up there.
    const lookups = knownRole(at('namespace'), check.namespace);
    const role = check.namespace;
    let subject: LoadedObject | undefined;
    for (const field of ['workload', 'from', 'to', 'higher', 'lower', 'pods'] as const) {
      const ref = field in check ? ((check as Record<string, unknown>)[field] as WorkloadRef | undefined) : undefined;
      if (ref === undefined) continue;
      const judged = judges[check.kind];
      const { kind } = workloadId(ref);
      if (judged && (field === 'workload' || field === 'from') && !judged.kinds.includes(kind)) {
        const meant = typeof ref === 'string' ? placed.in(role)?.find((o) => o.object.metadata.name === ref && judged.kinds.includes(o.object.kind as WorkloadKind)) : undefined;
        const hint = meant ? `a bare name is a Deployment: write {kind: ${meant.object.kind}, name: ${ref as string}}` : `use ${judged.instead}`;
        report(at(field), `expected ${oneOf(judged.kinds)} (what ${check.kind} judges), saw a ${kind}: ${hint}`);
      } else if (lookups) {
        const found = workload(at(field), ref, role);
        if (field === 'workload') subject = found;
      }
    }
    const labels = (role ?? 'main') === 'main' ? spec.namespaceLabels : (spec.namespaces[role ?? '']?.labels ?? {});
    if (lookups) checkRules({ check, at, report, placed, role, subject, labels });
    else checkRules({ check, at, report, placed: undefined, role: 'main', subject: undefined, labels: {} });
    if (check.kind === 'accessReview') (check.in ?? []).forEach((r, i) => knownRole([...at('in'), i], r, 'cluster'));
    if ((check.kind === 'envNamesService' || check.kind === 'networkReachable') && check.targetNamespace !== undefined) knownRole(at('targetNamespace'), check.targetNamespace);
  });
  return problems;
}

/** The roles checks and apply steps may name; each extra namespace must be one of its own. */
function namespaceRoles(spec: ScenarioSpec, report: Report): Set<string> {
  const owners = new Map<string, string>([[spec.namespace, "the scenario's namespace"]]);
  for (const [role, { name }] of Object.entries(spec.namespaces)) {
    if (role === 'main') report(['namespaces', role], "main is the scenario's own namespace (namespace, namespaceLabels): pick another role");
    if (role === 'cluster') report(['namespaces', role], 'cluster means cluster-wide (accessReview in: cluster): pick another role');
    const owner = owners.get(name);
    if (owner) report(['namespaces', role, 'name'], `expected a namespace of its own, saw ${showValue(name)}, already ${owner}`);
    else owners.set(name, `namespaces.${role}.name`);
  }
  return new Set(['main', ...Object.keys(spec.namespaces)]);
}

/** The objects of each role as the apply steps place them (no namespace: main); lookups are fair only when every file loaded and every role is known. */
function placeObjects(spec: ScenarioSpec, context: SpecContext, knownRole: (at: PropertyKey[], role: string | undefined) => boolean): Placed {
  const byRole = new Map<string, LoadedObject[]>([['main', []]]);
  let lookups = context.manifestsComplete;
  spec.inject.forEach((step, index) => {
    if (!('apply' in step)) return;
    if (!knownRole(['inject', index, 'namespace'], step.namespace)) lookups = false;
    const role = step.namespace ?? 'main';
    byRole.set(role, [...(byRole.get(role) ?? []), ...(context.objectsByStep.get(index) ?? [])]);
  });
  const all = [...byRole.values()].flat();
  const is = (kind: string, name: string) => (o: LoadedObject): boolean => o.object.kind === kind && o.object.metadata.name === name;
  const inRole = (role: string | undefined): LoadedObject[] | undefined => (lookups ? (byRole.get(role ?? 'main') ?? []) : undefined);
  return {
    all: lookups ? all : undefined,
    in: inRole,
    find: (role, kind, name) => {
      const objects = clusterScoped.has(kind) ? (lookups ? all : undefined) : inRole(role);
      return objects ? objects.findLast(is(kind, name)) : true;
    },
    missing: (role, kind, name, known) => {
      const other = [...byRole].find(([r, objects]) => r !== (role ?? 'main') && objects.some(is(kind, name)))?.[0];
      if (other) return `it is applied into namespace role ${other}`;
      const workload = isWorkloadKind(kind);
      const there = (inRole(role) ?? []).filter((o) => (workload ? isWorkloadKind(o.object.kind) : o.object.kind === kind));
      const list = known ?? [...new Set(there.map((o) => (workload ? o.label : o.object.metadata.name)))];
      const what = workload ? 'workloads' : `${kind.replace(/y$/, 'ie')}s`; // NetworkPolicy → NetworkPolicies
      return `${what}${roleText(role) ? ' there' : ''}: ${list.join(', ') || 'none'}`;
    },
  };
}

