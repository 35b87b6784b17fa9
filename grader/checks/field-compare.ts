import { compareValue } from '../compare.ts';
import type { CompareMode } from '../compare.ts';
import { count, show } from '../format.ts';
import { findObject } from '../objects.ts';
import type { AnyObject } from '../objects.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { imageDigests, normalizeImage } from '../image.ts';
import { podName } from '../pod-state.ts';
import { readDefaulted } from '../resources.ts';
import type { CheckContext } from '../types.ts';
import type { Where } from '../types.ts';
import { checkWhere, unreadyWhere } from '../where.ts';
import { identityProblem, judged, resolveWorkload, strayNote, workloadLabel } from '../workload.ts';

/**
 * fieldCompare: the value at `path` of one object (`object`), or of every pod
 * a workload owns (`pods`, at least one), satisfies `op value` — with
 * `quantity`, as Kubernetes quantities (memory gte 160Mi accepts 200M, 0.5Gi);
 * with `image`, as image references (busybox:1.36 = docker.io/library/busybox:1.36,
 * and = busybox@sha256:… when the cluster resolves the tag to that digest).
 * Requests read as the API server defaults them on pods (a missing request is
 * its limit). With `pods`, pods carrying the selector that the Deployment does
 * not own are held to the same value (they serve its Service), but never
 * stand in for owned ones. A wrong value on an object (not pods) is final
 * when no controller writes the field: see {@link learnerOwned}.
 */
export function fieldCompare(check: CheckOf<'fieldCompare'>, ctx: CheckContext): Outcome {
  const asImage = (v: unknown): unknown => (check.image && typeof v === 'string' ? normalizeImage(v) : v);
  const want = check.image ? (Array.isArray(check.value) ? check.value.map((v) => asImage(v) as string) : (asImage(check.value) as typeof check.value)) : check.value;
  const mode: CompareMode = { quantity: check.quantity, ...(check.image ? { images: imageDigests(ctx.snapshot) } : {}) };
  if (Boolean(check.object) === Boolean(check.pods)) return fail('internal: fieldCompare needs exactly one of `object` and `pods`', checkWhere(check));
  let targets: { label: string; obj: AnyObject; where: Where }[];
  let note = '';
  if (check.object) {
    const { kind, name } = check.object;
    const obj = findObject(ctx.snapshot, kind, name);
    if (!obj) return finalFail(`${kind} ${name} not found: expected ${check.path} to be ${compareValue(check.op, undefined, want, mode).expected}`, { kind, name });
    if (kind === 'Deployment') {
      const problem = identityProblem(kind, name, obj.metadata?.uid ?? '', ctx.fingerprint);
      if (problem) return finalFail(problem, { kind, name, path: 'metadata.uid' });
    }
    targets = [{ label: `${kind} ${name}`, obj, where: { kind, name, path: check.path } }];
  } else {
    const name = check.pods ?? '';
    const label = workloadLabel(name);
    const found = resolveWorkload({ snapshot: ctx.snapshot, name, fingerprint: ctx.fingerprint, injected: ctx.injected });
    if (!found.ok) return finalFail(found.reason, found.where);
    note = strayNote(found.workload);
    if (found.workload.pods.length === 0) return fail(`${label} pods ${check.path}: expected at least 1 pod to inspect, saw none${note}`, unreadyWhere(found.workload));
    targets = judged(found.workload).map((p) => ({ label: `pod ${podName(p)}`, obj: p, where: { kind: 'Pod', name: podName(p), path: check.path } }));
  }

  const seen: unknown[] = [];
  let expected = '';
  for (const { label, obj, where } of targets) {
    const value = readDefaulted(obj, check.path);
    const result = compareValue(check.op, asImage(value), want, mode);
    expected = result.expected;
    if (!result.holds) {
      const why = result.note ? ` (${result.note})` : '';
      const reason = `${label} ${check.path}: expected ${result.expected}, saw ${showSeen(value, check.quantity)}${why}${note}`;
      return check.object && learnerOwned(check.object.kind, check.path) ? finalFail(reason, where) : fail(reason, where);
    }
    seen.push(value);
  }
  const subject = check.object ? targets[0]?.label : `every one of ${count(targets.length, 'pod')} of ${workloadLabel(check.pods ?? '')}`;
  const values = [...new Set(seen.map((v) => showSeen(v, check.quantity)))].join(', ');
  return pass(`${subject} ${check.path}: ${values} (expected ${expected})${note}`);
}

function showSeen(value: unknown, quantity: boolean): string {
  return quantity && typeof value === 'string' ? value : show(value);
}

/**
 * Fields only a learner writes: an object's spec, a ConfigMap's or Secret's
 * data, a PriorityClass's settings. Never status, never a Pod (controllers
 * replace pods), never metadata (controllers annotate).
 */
export function learnerOwned(kind: string, path: string): boolean {
  if (kind === 'Pod') return false;
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  if (head === 'spec') return true;
  if (kind === 'ConfigMap' || kind === 'Secret') return head === 'data' || head === 'binaryData' || head === 'stringData';
  if (kind === 'PriorityClass') return ['value', 'globalDefault', 'preemptionPolicy'].includes(head);
  return false;
}
