import { parsePath } from '../../grader/path.ts';
import { parseQuantity } from '../../grader/quantity.ts';
import { parseDuration } from '../../grader/time.ts';
import { workloadId } from '../../grader/workload.ts';
import { STORED_KINDS } from '../../grader/stored/content.ts';
import { showValue } from './errors.ts';
import type { LoadedObject } from './manifests.ts';
import { containersOf } from './pod-spec.ts';
import { workloadKinds, type CheckSpec, type WorkloadKind } from './schema.ts';

/**
 * The rules of each check kind (src/scenario/spec-rules.ts runs them): what
 * its fields name must exist where the check looks, and its patterns and
 * paths must be ones the grader can read.
 */

/** Where a problem is and what it is. */
export type Report = (at: PropertyKey[], detail: string) => void;

/** The manifests as the apply steps place them, by namespace role. */
export interface Placed {
  /** Every object whatever its role; undefined when a lookup would prove nothing. */
  all: readonly LoadedObject[] | undefined;
  /** Objects applied into a role (default main); undefined likewise. */
  in(role: string | undefined): readonly LoadedObject[] | undefined;
  /** An object of a role (cluster-scoped kinds wherever applied); `true` when lookups are skipped. */
  find(role: string | undefined, kind: string, name: string): LoadedObject | true | undefined;
  /** Why `kind name` is not in `role`: the role it is applied into instead, or what the role holds of that kind (`known`, when given). */
  missing(role: string | undefined, kind: string, name: string, known?: readonly string[]): string;
}

/** What the per-kind rules read about one check. */
export interface CheckRuleContext {
  check: CheckSpec;
  at: (field: string) => PropertyKey[];
  report: Report;
  /** Undefined when the check's role is unknown (reported already): nothing is looked up. */
  placed: Placed | undefined;
  /** The check's namespace role (undefined: main). */
  role: string | undefined;
  /** The object the check's `workload` names, when found. */
  subject: LoadedObject | undefined;
  /** The labels injection sets on the check's namespace. */
  labels: Readonly<Record<string, string>>;
}

/** Per-kind rules. */
export function checkRules({ check, at, report, placed, role, subject, labels }: CheckRuleContext): void {
  // Without the manifests a lookup proves nothing: `true` means "found".
  const find = (kind: string, name: string): LoadedObject | true | undefined => (placed ? placed.find(role, kind, name) : true);
  // The genuine target is found among every injected object, as the grader's resolveTarget does.
  const all = placed?.all;
  if ('matches' in check) {
    try {
      new RegExp(check.matches); // the grader compiles it at every grading: a bad one fails here, not mid-attempt
    } catch (error) {
      report(at('matches'), `not a valid regular expression: ${(error as Error).message}`);
    }
  }
  if ('container' in check && check.container !== undefined && subject) {
    const detail = containerProblem(check.kind, check.container, subject);
    if (detail) report(at('container'), detail);
  }
  switch (check.kind) {
    case 'networkReachable':
      if (all) {
        // Both verdicts find the genuine target through an injected Service: "blocked" runs its
        // control in the target's pods, "reachable" reads back a target pod's identity.
        const service = all.find((o) => o.object.kind === 'Service' && o.object.metadata.name === (check.host.split('.')[0] ?? check.host));
        const ports = service ? ((service.object.spec as { ports?: { port?: number }[] } | undefined)?.ports ?? []) : [];
        if (!service) {
          // A "reachable" check on a missing Service fails at grading with its reason; a manifest
          // that failed to load must not be reported twice, so only "blocked" insists here.
          if (check.expect === 'blocked') report(at('host'), `expect "blocked" needs a Service the scenario injects, to prove the target is up; no Service ${showValue(check.host)}`);
        } else if (!ports.some((p) => p.port === check.port)) report(at('port'), `Service ${showValue(check.host)} has no port ${check.port}`);
        else if (check.target !== undefined) {
          if (!all.some((o) => o.object.kind === 'Deployment' && o.object.metadata.name === check.target)) report(at('target'), `names no Deployment of the manifests: ${showValue(check.target)}`);
        } else targetProblem(service, all, (detail) => report(at('host'), detail));
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
    case 'policyApplies':
      if (!find('NetworkPolicy', check.policy)) report(at('policy'), `names no NetworkPolicy of the manifests${roleText(role)}: ${showValue(check.policy)} (${placed?.missing(role, 'NetworkPolicy', check.policy)})`);
      return;
    case 'templateEquals': {
      const { kind, name } = workloadId(check.workload);
      const times = all?.filter((o) => o.object.kind === kind && o.object.metadata.name === name).length;
      if (times !== undefined && check.injected > times) report(at('injected'), `expected at most ${times} (the manifests apply ${kind} ${name} ${times} ${times === 1 ? 'time' : 'times'}), saw ${check.injected}`);
      return;
    }
    case 'probe':
      if (check.path !== undefined && !check.handlers.includes('httpGet')) report(at('path'), `a path is an httpGet's: add httpGet to handlers (${check.handlers.join(', ')})`);
      if (check.minWindow !== undefined && check.maxWindow !== undefined && parseDuration(check.minWindow) > parseDuration(check.maxWindow)) report(at('minWindow'), `expected at most maxWindow ${check.maxWindow}, saw ${check.minWindow}`);
      if (check.maxGrace !== undefined && check.probe === 'readiness') report(at('maxGrace'), 'a readiness failure kills nothing: maxGrace is for liveness and startup probes');
      return;
    case 'serviceRoutes':
      if (!find('Service', check.service)) report(at('service'), `names no Service of the manifests${roleText(role)}: ${showValue(check.service)} (${placed?.missing(role, 'Service', check.service)})`);
      return;
    case 'logNamesTarget':
    case 'envNamesService': {
      // The Service may live in another namespace of the attempt (envNamesService's targetNamespace).
      const home = (check.kind === 'envNamesService' ? check.targetNamespace : undefined) ?? role;
      const service = placed ? placed.find(home, 'Service', check.service) : true;
      if (!service) report(at('service'), `names no Service of the manifests${roleText(home)}: ${showValue(check.service)} (${placed?.missing(home, 'Service', check.service)})`);
      else if (service !== true && all) targetProblem(service, all, (detail) => report(at('service'), detail));
      return;
    }
    case 'objectExists':
      if (check.injected && !find(check.object.kind, check.object.name)) {
        report(at('object'), `${check.object.kind}/${check.object.name} is not in the manifests${roleText(role)} (set injected: false for an object the learner creates)`);
      }
      return;
    case 'objectUnchanged':
      // The objects as injected are recorded for the main namespace only, and only kinds a learner alone writes.
      if ((role ?? 'main') !== 'main') report(at('namespace'), `expected main: objectUnchanged compares with what injection recorded, which covers the scenario's own namespace only, saw ${showValue(role)}`);
      else if (!(STORED_KINDS as readonly string[]).includes(check.object.kind)) report(at('object'), `expected one of ${STORED_KINDS.join(', ')} (the kinds recorded at injection), saw ${check.object.kind}`);
      return;
    case 'accessReview':
      // The ServiceAccount lives in the check's namespace; `in` only says where the access is asked.
      if (check.serviceAccount !== 'default' && !find('ServiceAccount', check.serviceAccount)) {
        const known = ['default', ...(placed?.in(role) ?? []).filter((o) => o.object.kind === 'ServiceAccount').map((o) => o.object.metadata.name)];
        report(at('serviceAccount'), `names no ServiceAccount the manifests create${roleText(role)}: ${showValue(check.serviceAccount)} (${placed?.missing(role, 'ServiceAccount', check.serviceAccount, known)})`);
      }
      return;
    case 'claimBound': {
      const claims = placed?.in(role);
      if (claims && !claimNames(claims).includes(check.name)) {
        report(at('name'), `names no PersistentVolumeClaim of the manifests${roleText(role)} nor of a StatefulSet's volumeClaimTemplates (<template>-<statefulset>-<ordinal>): ${showValue(check.name)} (${placed?.missing(role, 'PersistentVolumeClaim', check.name, claimNames(claims))})`);
      }
      return;
    }
    case 'namespaceLabel':
      // A label injection sets already holds on the broken state: it can only guard, never earn.
      if (labels[check.label] === check.value && !check.gate) {
        report(at('gate'), `expected true: ${check.label}=${check.value} is set at injection (${(role ?? 'main') === 'main' ? 'namespaceLabels' : `namespaces.${role}.labels`}), so the check holds on the broken state`);
      }
      return;
    default:
      return;
  }
}

/** Why a container field names no container the check can read: logs come from any container, the rest read (or exec into) spec.containers. */
function containerProblem(kind: CheckSpec['kind'], container: string, subject: LoadedObject): string | undefined {
  const found = containersOf(subject.object, subject.object.kind);
  const names = (list: string): string[] => found.filter((c) => c.path.at(-2) === list).map((c) => String(c.container.name));
  const readable = kind === 'logContains' || kind === 'logNamesTarget' || kind === 'specUnchanged' ? [...names('initContainers'), ...names('containers')] : names('containers');
  if (readable.includes(container)) return undefined;
  const label = `${subject.object.kind}/${subject.object.metadata.name}`;
  if (names('initContainers').includes(container)) return `${showValue(container)} is an init container of ${label}: ${kind} reads spec containers (${readable.join(', ')})`;
  return `${label} has no container ${showValue(container)} (containers: ${readable.join(', ') || 'none'})`;
}

/** The claims of a role: its PersistentVolumeClaims and those StatefulSets make, `<template>-<statefulset>-<ordinal>` for each replica. */
function claimNames(objects: readonly LoadedObject[]): string[] {
  return objects.flatMap((o) => {
    if (o.object.kind === 'PersistentVolumeClaim') return [o.object.metadata.name];
    if (o.object.kind !== 'StatefulSet') return [];
    const spec = o.object.spec as { replicas?: number; volumeClaimTemplates?: { metadata?: { name?: string } }[] } | undefined;
    const ordinals = Array.from({ length: spec?.replicas ?? 1 }, (_, i) => i);
    return (spec?.volumeClaimTemplates ?? []).flatMap((t) => ordinals.map((i) => `${t.metadata?.name ?? ''}-${o.object.metadata.name}-${i}`));
  });
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

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (workloadKinds as readonly string[]).includes(kind);
}

/** " applied into namespace role db", or nothing for main. */
export function roleText(role: string | undefined): string {
  return role === undefined || role === 'main' ? '' : ` applied into namespace role ${role}`;
}

/** "a Deployment, StatefulSet or DaemonSet". */
export function oneOf(kinds: readonly string[]): string {
  return `a ${kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}` : kinds[0]}`;
}
