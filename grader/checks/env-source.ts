import type { V1ConfigMap, V1Container, V1Secret } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext, Snapshot } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

/** Where a container's variable gets its value, as the kubelet resolves it. */
export type EnvOrigin =
  | { from: 'literal'; field: string }
  | { from: 'object'; kind: 'Secret' | 'ConfigMap'; name: string; key: string; optional: boolean; field: string }
  | { from: 'other'; what: string; field: string }
  | { from: 'unknown'; what: string; field: string }
  | { from: 'none' };

/**
 * The origin of `variable` in a container: the kubelet first lays every envFrom
 * source in order (a later one wins a name; a source that is missing and
 * optional gives nothing), then every env entry in order (a later one wins).
 * An envFrom source's names are its keys with the prefix, so the objects are
 * read from the snapshot; one the snapshot cannot read is `unknown`.
 */
export function envOrigin(container: V1Container, variable: string, snapshot: Pick<Snapshot, 'configMaps' | 'secrets'>, before?: number): EnvOrigin {
  const entries = (container.env ?? []).slice(0, before);
  const last = entries.findLastIndex((e) => e.name === variable);
  if (last >= 0) {
    const entry = entries[last]!;
    const field = `env[${last}]`;
    const from = entry.valueFrom;
    // A value that is exactly $(OTHER), OTHER defined before it: the kubelet expands it to OTHER's value.
    const ref = /^\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)$/.exec(entry.value ?? '');
    if (!from && ref && ref[1] !== variable) {
      const origin = envOrigin(container, ref[1]!, snapshot, last);
      if (origin.from !== 'none') return origin;
    }
    if (!from) return { from: 'literal', field };
    if (from.secretKeyRef) return { from: 'object', kind: 'Secret', name: from.secretKeyRef.name ?? '', key: from.secretKeyRef.key, optional: from.secretKeyRef.optional === true, field: `${field}.valueFrom.secretKeyRef` };
    if (from.configMapKeyRef) return { from: 'object', kind: 'ConfigMap', name: from.configMapKeyRef.name ?? '', key: from.configMapKeyRef.key, optional: from.configMapKeyRef.optional === true, field: `${field}.valueFrom.configMapKeyRef` };
    return { from: 'other', what: Object.keys(from).join(', ') || 'an empty valueFrom', field: `${field}.valueFrom` };
  }
  let origin: EnvOrigin = { from: 'none' };
  (container.envFrom ?? []).forEach((source, i) => {
    const prefix = source.prefix ?? '';
    if (!variable.startsWith(prefix)) return;
    const key = variable.slice(prefix.length);
    const ref = source.secretRef ?? source.configMapRef;
    const kind = source.secretRef ? 'Secret' : 'ConfigMap';
    const field = `envFrom[${i}]`;
    if (!ref) return;
    const list: Array<V1Secret | V1ConfigMap> | undefined = kind === 'Secret' ? snapshot.secrets : snapshot.configMaps;
    if (!list) {
      origin = { from: 'unknown', what: `${kind} ${ref.name}, whose keys are not read here`, field };
      return;
    }
    const object = list.find((o) => o.metadata?.name === ref.name);
    if (object && keysOf(object).includes(key)) origin = { from: 'object', kind, name: ref.name ?? '', key, optional: ref.optional === true, field };
  });
  return origin;
}

/** The keys the kubelet can put into an environment: `data` only (a ConfigMap's binaryData never reaches env; a Secret's stringData is written into data). */
function keysOf(object: V1Secret | V1ConfigMap): string[] {
  return Object.keys(object.data ?? {});
}

/**
 * envSource: in the workload's pod template, the container's variable takes
 * its value from the Secret or ConfigMap the check names (and key, when
 * given), not optional, and that object holds the key — so the value comes
 * from the object the brief names, not a literal, another object, a field
 * reference or nothing at all. Every failure is final: the pod template and
 * the objects are the learner's.
 */
export function envSource(check: CheckOf<'envSource'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const containers = found.workload.template?.spec?.containers ?? [];
  const container = containers.find((c) => c.name === check.container);
  const base = `spec.template.spec.containers[name=${check.container}]`;
  const where = `${workloadLabel(check.workload)} container ${check.container}: ${check.variable}`;
  const want = `${check.source.kind} ${check.source.name}${check.source.key ? ` key ${check.source.key}` : ''}`;
  if (!container) return finalFail(`${workloadLabel(check.workload)}: expected container ${check.container}, saw containers ${show(containers.map((c) => c.name))}`, workloadAt(check.workload, 'spec.template.spec.containers'));
  const origin = envOrigin(container, check.variable, ctx.snapshot);
  const at = (field: string): ReturnType<typeof workloadAt> => workloadAt(check.workload, `${base}.${field}`);
  switch (origin.from) {
    case 'none':
      return finalFail(`${where}: expected its value from ${want}, saw the variable not set at all (no env entry, no envFrom source holding it)`, at('env'));
    case 'literal':
      return finalFail(`${where}: expected its value from ${want}, saw a literal value written into the pod template`, at(origin.field));
    case 'other':
      return finalFail(`${where}: expected its value from ${want}, saw valueFrom ${origin.what}`, at(origin.field));
    case 'unknown':
      return finalFail(`${where}: expected its value from ${want}, saw it possibly set by ${origin.what}`, at(origin.field));
  }
  const saw = `${origin.kind} ${origin.name} key ${origin.key}`;
  if (origin.kind !== check.source.kind || origin.name !== check.source.name) return finalFail(`${where}: expected its value from ${want}, saw ${saw}`, at(origin.field));
  if (check.source.key !== undefined && origin.key !== check.source.key) return finalFail(`${where}: expected its value from ${want}, saw key ${origin.key}`, at(origin.field));
  if (origin.optional) return finalFail(`${where}: expected ${saw} not to be optional — a missing value must stop the pod, not start it without one`, at(origin.field));
  const list: Array<V1Secret | V1ConfigMap> = (origin.kind === 'Secret' ? ctx.snapshot.secrets : ctx.snapshot.configMaps) ?? [];
  const object = list.find((o) => o.metadata?.name === origin.name);
  // Where: the reference in the pod template, which names the object (it may not exist to point at).
  if (!object) return finalFail(`${where}: comes from ${saw}, but ${origin.kind} ${origin.name} does not exist in namespace ${ctx.snapshot.namespace}`, at(origin.field));
  if (!keysOf(object).includes(origin.key)) return finalFail(`${where}: comes from ${saw}, but ${origin.kind} ${origin.name} has no key ${origin.key} (keys ${show(keysOf(object))})`, at(origin.field));
  const how = origin.field.startsWith('envFrom') ? 'envFrom' : 'valueFrom';
  return pass(`${where} comes from ${saw} (${how}), not optional`);
}
