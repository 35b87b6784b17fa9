import { isClusterScoped } from '../kube/client.ts';
import type { Scenario } from '../scenario/types.ts';
import type { ScenarioView } from './scenario-view.ts';

/**
 * The names a scenario puts outside its namespace: the node extended
 * resources its inject steps advertise and the cluster-scoped objects its
 * manifests create (PriorityClasses). Two attempts that share one of these
 * names cannot run side by side — unless each gets its own copy of it.
 */
export function clusterNames(scenario: Pick<ScenarioView, 'inject' | 'manifests'>): string[] {
  const names = new Set<string>();
  for (const step of scenario.inject) {
    if ('nodeResource' in step) names.add(step.nodeResource.name);
    if ('nodeLabel' in step) names.add(step.nodeLabel.key);
    if ('hostFiles' in step) names.add(step.hostFiles.path);
  }
  for (const m of scenario.manifests) for (const o of m.objects) if (isClusterScoped(o.kind)) names.add(o.metadata.name);
  return [...names];
}

/**
 * The scenario as one attempt of a proof run sees it: every cluster-scoped
 * name given `suffix` (`kubedrill.io/slot` → `kubedrill.io/slot-v1a`,
 * `kubedrill-batch-high` → `kubedrill-batch-high-v1a`) wherever the engine
 * reads it — inject steps, manifests, checks, keep-list, symptom. Scripts get
 * the same suffix as `$KD_SUFFIX` and name what they create with it. An empty
 * suffix (a learner's own attempt) returns the scenario as written, so the
 * brief's names are the cluster's names.
 */
export function withClusterSuffix<S extends ScenarioView>(scenario: S, suffix: string): S {
  const names = clusterNames(scenario);
  if (!suffix || names.length === 0) return scenario;
  const rename = renamer(names, suffix);
  return {
    ...scenario,
    inject: rename(scenario.inject),
    manifests: rename(scenario.manifests),
    injected: rename(scenario.injected),
    checks: rename(scenario.checks),
    symptom: rename(scenario.symptom),
    ...(scenario.keep ? { keep: rename(scenario.keep) } : {}),
  };
}

/**
 * The scenario as a proof run's case sees it when it has more than one
 * namespace: each namespace name (the scenario's own and each of
 * `namespaces`) given `suffix` wherever manifests and checks spell it — a
 * RoleBinding subject's namespace, a PV's claimRef, a namespaceSelector,
 * a host `db.dns-b` — so cases run side by side. Returns the case's
 * namespaces by role too. A namespace name is a token here even between
 * dots (`db.dns-b.svc`). Check and step `namespace` fields name roles and
 * stay as written.
 */
export function withNamespaceSuffix<S extends ScenarioView>(scenario: S, suffix: string): { scenario: S; namespaces: Record<string, string> } {
  const roles = Object.entries(scenario.namespaces ?? {});
  const namespaces = Object.fromEntries(roles.map(([role, n]) => [role, `${n.name}${suffix}`]));
  if (!suffix) return { scenario, namespaces };
  if (roles.length === 0) {
    // One namespace: manifests name it only in fields called namespace (a PV's claimRef, a RoleBinding subject);
    // a token rename would also hit keys that happen to spell it (resources.requests.storage for namespace storage).
    const own = namespaceFields(scenario.namespace, `${scenario.namespace}${suffix}`);
    return { scenario: { ...scenario, manifests: own(scenario.manifests), injected: own(scenario.injected) }, namespaces };
  }
  const rename = renamer([scenario.namespace, ...roles.map(([, n]) => n.name)], suffix, '[A-Za-z0-9_-]');
  const keepRoles = <T extends { namespace?: string }>(renamed: T[], original: T[]): T[] =>
    renamed.map((item, i) => {
      const was = original[i] as T & { in?: string };
      const copy = { ...item } as T & { in?: string };
      if (was.namespace === undefined) delete copy.namespace;
      else copy.namespace = was.namespace;
      if (was.in !== undefined) copy.in = was.in;
      return copy;
    });
  return {
    scenario: {
      ...scenario,
      manifests: rename(scenario.manifests),
      injected: rename(scenario.injected),
      checks: keepRoles(rename(scenario.checks), scenario.checks),
      symptom: rename(scenario.symptom),
    },
    namespaces,
  };
}

/** The `$KD_SUFFIX` of a verify case: `-<case suffix>`, what {@link withClusterSuffix} appends. */
export function clusterSuffix(caseSuffix: string): string {
  return caseSuffix ? `-${caseSuffix}` : '';
}

/** Print a script for a learner: `$KD_SUFFIX` is empty outside proof runs, so it goes. */
export function withoutSuffixVariable(script: string): string {
  return script.replace(/\$\{KD_SUFFIX(?::-)?\}|\$KD_SUFFIX(?![A-Za-z0-9_])/g, '');
}

// A deep copy with every field called `namespace` whose value is `from` set to `to`.
function namespaceFields(from: string, to: string): <T>(value: T) => T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'namespace' && v === from ? to : walk(v)]));
    return value;
  };
  return <T>(value: T): T => walk(value) as T;
}

// A deep copy with each name, as a whole token in a string or a key, suffixed.
// Token: not preceded or followed by a character a Kubernetes name can hold,
// so `kubedrill.io/slot` inside `resources.requests["kubedrill.io/slot"]` is
// renamed and `kubedrill-batch-high-never` is not.
function renamer(names: string[], suffix: string, nameChar = '[A-Za-z0-9._/-]'): <T>(value: T) => T {
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const pattern = new RegExp(`(?<!${nameChar})(${escaped.join('|')})(?!${nameChar})`, 'g');
  const text = (s: string): string => s.replace(pattern, `$1${suffix}`);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v)]));
    return value;
  };
  return <T>(value: T): T => walk(value) as T;
}
