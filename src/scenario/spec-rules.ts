import { parsePath } from '../../grader/path.ts';
import { parseQuantity } from '../../grader/quantity.ts';
import { fieldPathOf, showValue, type ScenarioProblem } from './errors.ts';
import type { LoadedObject } from './manifests.ts';
import { containersOf } from './pod-spec.ts';
import { keepCheckId, workloadKinds, type CheckSpec, type ScenarioSpec, type WorkloadRef } from './schema.ts';
import { workloadId } from '../../grader/workload.ts';
import { STORED_KINDS } from '../../grader/stored/content.ts';
import type { YamlDoc } from './yaml-source.ts';

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

/** Rules the schema cannot express: they relate fields to each other, to the folder, and to the manifests. */
export function specProblems(context: SpecContext): ScenarioProblem[] {
  const { spec, folder, file, doc } = context;
  const problems: ScenarioProblem[] = [];
  const report = (at: PropertyKey[], detail: string): void => {
    const line = doc.lineOf(at);
    problems.push({ file, fieldPath: fieldPathOf(at), detail, ...(line ? { line } : {}) });
  };
  const all = [...context.objectsByStep.values()].flat();
  const deployments = new Set(all.filter((o) => o.object.kind === 'Deployment').map((o) => o.object.metadata.name));
  const workloads = all.filter((o) => (workloadKinds as readonly string[]).includes(o.object.kind));
  const known = workloads.map((o) => `${o.object.kind}/${o.object.metadata.name}`).join(', ') || 'none';
  const workload = (at: PropertyKey[], ref: WorkloadRef | undefined): void => {
    if (!context.manifestsComplete || ref === undefined) return;
    const { kind, name } = workloadId(ref);
    if (!workloads.some((o) => o.object.kind === kind && o.object.metadata.name === name)) report(at, `names no ${kind} of the manifests: ${showValue(name)} (workloads: ${known})`);
  };

  if (spec.id !== folder) report(['id'], `expected ${showValue(folder)} (the folder's name), saw ${showValue(spec.id)}`);
  if (spec.hints.length < 3) report(['hints'], `expected at least 3 progressive hints (symptom, where to look, what to change), saw ${spec.hints.length}`);

  const touches = all.find((o) => clusterScoped.has(o.object.kind));
  const reason = touches ? `it creates ${touches.label}` : spec.inject.some((s) => 'nodeResource' in s) ? 'it patches node resources' : undefined;
  if (reason && !spec.exclusive) report(['exclusive'], `expected true: ${reason} (cluster-scoped), so attempts cannot run side by side`);

  const applied = new Set<string>();
  spec.inject.forEach((step, index) => {
    for (const o of context.objectsByStep.get(index) ?? []) if (o.object.kind === 'Deployment') applied.add(o.object.metadata.name);
    if (!('waitFor' in step)) return;
    const name = workloadId(step.waitFor.workload).name;
    if (!deployments.has(name)) workload(['inject', index, 'waitFor', 'workload'], step.waitFor.workload);
    else if (context.manifestsComplete && !applied.has(name)) report(['inject', index, 'waitFor', 'workload'], `Deployment ${name} is not applied by an earlier step`);
  });

  for (const list of ['all', 'any'] as const) {
    spec.symptom[list].forEach((observation, index) => {
      if ('workload' in observation) workload(['symptom', list, index, 'workload'], observation.workload);
    });
  }

  const ids = new Map<string, number>();
  const keepIds = new Set(spec.keep.map(keepCheckId));
  spec.keep.forEach((object, index) => {
    const injected = all.some((o) => o.object.kind === object.kind && o.object.metadata.name === object.name);
    if (!(STORED_KINDS as readonly string[]).includes(object.kind)) report(['keep', index, 'kind'], `${object.kind} cannot be kept: its objects belong to a controller (keep one of ${STORED_KINDS.join(', ')})`);
    else if (context.manifestsComplete && !injected) report(['keep', index], `names no object of the manifests: ${object.kind} ${showValue(object.name)}`);
  });
  spec.checks.forEach((check, index) => {
    if (keepIds.has(check.id)) report(['checks', index, 'id'], `${showValue(check.id)} is the id of a keep entry's check: pick another`);
    const at = (field: string): PropertyKey[] => ['checks', index, field];
    const first = ids.get(check.id);
    if (first !== undefined) report(at('id'), `duplicate id ${showValue(check.id)} (also checks[${first}])`);
    else ids.set(check.id, index);
    for (const field of ['workload', 'from', 'control', 'higher', 'lower', 'pods'] as const) {
      if (field in check) workload(at(field), (check as Record<string, unknown>)[field] as WorkloadRef | undefined);
    }
    checkRules(check, at, report, context.manifestsComplete ? all : undefined);
  });
  return problems;
}

/** Per-kind rules; `all` is undefined when the manifests could not all be read (lookups are skipped). */
function checkRules(check: CheckSpec, at: (field: string) => PropertyKey[], report: (at: PropertyKey[], detail: string) => void, all: readonly LoadedObject[] | undefined): void {
  // Without all manifests a lookup proves nothing: `true` means "found".
  const find = (kind: string, name: string): LoadedObject | true | undefined =>
    all ? all.find((o) => o.object.kind === kind && o.object.metadata.name === name) : true;
  switch (check.kind) {
    case 'networkReachable':
      if (all) {
        // Both verdicts find the genuine target through an injected Service: "blocked" runs its
        // control in the target's pods, "reachable" reads back a target pod's identity.
        const service = find('Service', check.host.split('.')[0] ?? check.host);
        const ports = service && service !== true ? ((service.object.spec as { ports?: { port?: number }[] } | undefined)?.ports ?? []) : [];
        if (!service) {
          // A "reachable" check on a missing Service fails at grading with its reason; a manifest
          // that failed to load must not be reported twice, so only "blocked" insists here.
          if (check.expect === 'blocked') report(at('host'), `expect "blocked" needs a Service the scenario injects, to prove the target is up; no Service ${showValue(check.host)}`);
        } else if (!ports.some((p) => p.port === check.port)) report(at('port'), `Service ${showValue(check.host)} has no port ${check.port}`);
        else if (service !== true) targetProblem(service, all, (detail) => report(at('host'), detail));
      }
      return;
    case 'fieldCompare':
      if ((check.object === undefined) === (check.pods === undefined)) report(at('object'), 'needs exactly one of object or pods');
      if (check.op !== 'exists' && check.op !== 'absent' && check.value === undefined) report(at('value'), `required for op ${showValue(check.op)}`);
      try {
        parsePath(check.path); // the grader's own parser: a path it cannot read fails here, not mid-attempt
      } catch (error) {
        report(at('path'), (error as Error).message);
      }
      if (check.quantity) {
        const values = Array.isArray(check.value) ? check.value : check.value === undefined ? [] : [check.value];
        const bad = values.find((v) => typeof v === 'boolean' || parseQuantity(v) === undefined);
        if (bad !== undefined) report(at('value'), `expected a Kubernetes quantity (160Mi, 1Gi, 500m) since quantity is true, saw ${showValue(bad)}`);
      }
      return;
    case 'configMapData':
    case 'fileContent':
      try {
        new RegExp(check.matches);
      } catch (error) {
        report(at('matches'), `not a valid regular expression: ${(error as Error).message}`);
      }
      return;
    case 'specUnchanged': {
      const deployment = find(workloadId(check.workload).kind, workloadId(check.workload).name);
      if (deployment === true || deployment === undefined) return;
      const names = containersOf(deployment.object, deployment.object.kind).map(({ container }) => container.name);
      if (!names.includes(check.container)) {
        report(at('container'), `Deployment/${check.workload} has no container ${showValue(check.container)} (containers: ${names.join(', ')})`);
      }
      return;
    }
    case 'policyApplies':
      if (!find('NetworkPolicy', check.policy)) report(at('policy'), `names no NetworkPolicy of the manifests: ${showValue(check.policy)}`);
      return;
    case 'envNamesService': {
      const service = find('Service', check.service);
      if (!service) report(at('service'), `names no Service of the manifests: ${showValue(check.service)}`);
      else if (service !== true && all) targetProblem(service, all, (detail) => report(at('service'), detail));
      return;
    }
    case 'objectExists':
      if (check.injected && !find(check.object.kind, check.object.name)) {
        report(at('object'), `${check.object.kind}/${check.object.name} is not in the manifests (set injected: false for an object the learner creates)`);
      }
      return;
    default:
      return;
  }
}

/** The genuine target behind a Service is the one injected Deployment its selector matches: say so when several match. */
function targetProblem(service: LoadedObject, all: readonly LoadedObject[], report: (detail: string) => void): void {
  const selector = (service.object.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
  const entries = Object.entries(selector);
  const matching = [...new Set(
    all
      .filter((o) => o.object.kind === 'Deployment')
      .filter((o) => {
        const labels = ((o.object.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template?.metadata?.labels) ?? {};
        return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
      })
      .map((o) => o.object.metadata.name),
  )];
  // Selecting none is the manifests' own problem (reported where the Service is); two is ambiguous here.
  if (matching.length > 1) {
    report(`Service ${showValue(service.object.metadata.name)} must select exactly one injected Deployment (the genuine target), saw ${matching.join(', ')}`);
  }
}
