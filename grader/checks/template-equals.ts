import type { V1Pod, V1PodTemplateSpec } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { injectedTemplate, resolveWorkload, workloadId, workloadLabel } from '../workload.ts';
import type { Workload } from '../workload.ts';

/** Where two JSON values first differ ("spec.containers[0].image: "busybox:1.37" vs "busybox:1.36""), or undefined; with `subset`, only what `want` holds is compared. */
export function firstDifference(want: unknown, have: unknown, subset: boolean, path = ''): string | undefined {
  const at = (key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  if (Array.isArray(want) || Array.isArray(have)) {
    if (!Array.isArray(want) || !Array.isArray(have) || want.length !== have.length) return `${path || 'the template'}: ${show(have)} vs ${show(want)}`;
    for (let i = 0; i < want.length; i++) {
      const d = firstDifference(want[i], have[i], subset, at(i));
      if (d) return d;
    }
    return undefined;
  }
  if (want && typeof want === 'object' && have && typeof have === 'object') {
    const keys = new Set([...Object.keys(want), ...(subset ? [] : Object.keys(have))]);
    for (const key of [...keys].sort()) {
      const d = firstDifference((want as Record<string, unknown>)[key], (have as Record<string, unknown>)[key], subset, at(key));
      if (d) return d;
    }
    return undefined;
  }
  if (want === undefined && have === undefined) return undefined;
  return JSON.stringify(want) === JSON.stringify(have) ? undefined : `${path}: ${show(have)} vs ${show(want)}`;
}

// A template as compared: plain JSON, without the ReplicaSet's hash label, kubectl's restart stamp and empty maps.
function plainTemplate(template: V1PodTemplateSpec | undefined): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: unknown } };
  const meta = copy.metadata ?? {};
  delete meta.labels?.['pod-template-hash'];
  delete meta.annotations?.['kubectl.kubernetes.io/restartedAt'];
  if (meta.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations;
  if (meta.labels && Object.keys(meta.labels).length === 0) delete meta.labels;
  delete meta.creationTimestamp;
  return copy as Record<string, unknown>;
}

/** The revisions a workload holds, as (name, stored template): a Deployment's ReplicaSets, a StatefulSet's ControllerRevisions. */
function revisionsOf(workload: Workload, ctx: CheckContext): Array<{ kind: string; name: string; template: V1PodTemplateSpec | undefined }> {
  if (workload.kind === 'Deployment') return workload.replicaSets.map((rs) => ({ kind: 'ReplicaSet', name: rs.metadata?.name ?? '', template: rs.spec?.template }));
  return (ctx.snapshot.controllerRevisions ?? [])
    .filter((r) => r.metadata?.ownerReferences?.some((o) => o.controller && o.uid === workload.uid))
    .map((r) => {
      // A StatefulSet's revision stores its template as a patch: {spec: {template: {..., $patch: replace}}}.
      const template = JSON.parse(JSON.stringify((r.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {})) as Record<string, unknown>;
      delete template.$patch;
      return { kind: 'ControllerRevision', name: r.metadata?.name ?? '', template: template as V1PodTemplateSpec };
    });
}

/** The revision a pod was made from: its ReplicaSet, or the ControllerRevision its controller-revision-hash label names. */
function podRevision<T extends { kind: string; name: string }>(workload: Workload, pod: V1Pod, revisions: T[]): T | undefined {
  if (workload.kind === 'Deployment') {
    const owner = workload.replicaSets.find((rs) => pod.metadata?.ownerReferences?.some((o) => o.uid === rs.metadata?.uid));
    return revisions.find((r) => r.name === owner?.metadata?.name);
  }
  return revisions.find((r) => r.name === pod.metadata?.labels?.['controller-revision-hash']);
}

/**
 * templateEquals: the workload's pod template now equals the template of
 * its `injected`-th injected manifest, compared as the API server stored
 * both. The stored form of that revision is the one among the revisions
 * recorded at injection (the fingerprint, by name: a Deployment's
 * ReplicaSets, whose names end in the template's hash; a StatefulSet's
 * ControllerRevisions, which its controller reuses for an equal template)
 * whose template holds every field of the manifest (defaults filled in by
 * the server); the live template must equal it whole (the pod-template-hash
 * label and kubectl's restartedAt stamp aside). So `rollout undo
 * --to-revision=N` (which renumbers the revision), `kubectl apply` of that
 * manifest, or `kubectl set` back to its values all pass, and another
 * revision — a field added, an env var repeated — fails naming the first
 * field that differs. What runs must be it too: no pod outside the workload
 * carrying its selector, no owned pod whose image was changed in place.
 * Revision numbers are never read. Failures are final.
 */
export function templateEquals(check: CheckOf<'templateEquals'>, ctx: CheckContext): Outcome {
  const { kind, name } = workloadId(check.workload);
  const manifests = ctx.injected.filter((o) => o.kind === kind && o.metadata.name === name);
  const manifest = manifests[check.injected - 1];
  const label = workloadLabel(check.workload);
  if (!manifest) return fail(`internal: the scenario injects ${label} ${manifests.length} times, not ${check.injected}`, workloadAt(check.workload));
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const wanted = plainTemplate(injectedTemplate(manifest));
  const live = plainTemplate(found.workload.template);
  const at = workloadAt(check.workload, 'spec.template');
  // Only revisions recorded at injection hold injected templates: one a learner made from revision N plus a field is not it.
  // By name: the same template applied again after its revision was pruned gets the name back.
  const revisions = revisionsOf(found.workload, ctx);
  const stored = revisions.filter((r) => ctx.fingerprint[`${r.kind}/${r.name}`] !== undefined && firstDifference(wanted, plainTemplate(r.template), true) === undefined);
  const revision = `injected revision ${check.injected}`;
  if (stored.length === 0) {
    const d = firstDifference(wanted, live, true);
    return finalFail(`${label} spec.template: expected the template of its ${revision}, saw ${d ? d.replace(/ vs /, ', injected ') : 'no recorded revision left that ran it to compare with'}`, at);
  }
  const differences = stored.map((r) => firstDifference(plainTemplate(r.template), live, false));
  const equal = differences.findIndex((d) => d === undefined);
  if (equal >= 0) {
    // What runs must be that template too: a pod's image can be changed in place, and a bare pod can carry the selector.
    const stray = found.workload.strays[0];
    if (stray) return finalFail(`${label}: expected only its own pods, on the template of its ${revision}, to carry its labels, saw pod ${stray.metadata?.name ?? '?'} that ${label} does not own`, { kind: 'Pod', name: stray.metadata?.name ?? '?', namespace: stray.metadata?.namespace, path: 'metadata.ownerReferences' });
    for (const pod of found.workload.pods) {
      // Against the pod's own revision: mid-rollout, older pods rightly run older templates.
      const own = podRevision(found.workload, pod, revisions);
      for (const c of pod.spec?.containers ?? []) {
        const want = own?.template?.spec?.containers?.find((t) => t.name === c.name)?.image;
        if (want !== undefined && c.image !== want) return finalFail(`${label} pod ${pod.metadata?.name ?? '?'} container ${c.name}: expected image ${show(want)} (its ${own?.kind ?? 'revision'}'s template), saw ${show(c.image)} set on the pod itself`, { kind: 'Pod', name: pod.metadata?.name ?? '?', namespace: pod.metadata?.namespace, path: `spec.containers[name=${c.name}].image` });
      }
    }
    return pass(`${label} runs the template of its ${revision} (${stored[equal]!.kind} ${stored[equal]!.name}), whatever its revision number now`);
  }
  return finalFail(`${label} spec.template: expected the template of its ${revision}, saw ${differences[0]!.replace(/ vs /, ', injected ')}`, at);
}
