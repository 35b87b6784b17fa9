import type { V1Deployment, V1LabelSelector, V1ObjectMeta, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { count } from './format.ts';
import { describeSelector, selectorMatches } from './selector.ts';
import type { Fingerprint, KubeObject, Snapshot, Where } from './types.ts';

/**
 * A Deployment as the grader sees it: the object itself and what it really
 * owns through its ReplicaSets — not whatever happens to carry its labels.
 */
export interface Workload {
  name: string;
  deployment: V1Deployment;
  uid: string;
  replicaSets: V1ReplicaSet[];
  /** Active owned pods: controller chain pod → ReplicaSet → this Deployment, not being deleted, not Succeeded/Failed. */
  pods: V1Pod[];
  /** Active pods that carry the selector's labels but are not owned (bare pods, orphans, other controllers): never counted for a pass, judged like owned ones. */
  strays: V1Pod[];
  /** The selector as kubectl prints it ("app=api"). */
  selector: string;
}

/** A workload found and still the injected one, or a one-line reason why not (and where it shows). */
export type Resolution = { ok: true; workload: Workload } | { ok: false; reason: string; where: Where };

/** What resolveWorkload reads. */
export interface ResolveOptions {
  snapshot: Snapshot;
  name: string;
  /** Identity at injection; "Deployment/<name>" → uid. */
  fingerprint?: Fingerprint;
  /** The scenario's manifests: used to explain look-alike pods when the Deployment is gone. */
  injected?: KubeObject[];
}

/** Find a Deployment by name, check it is the injected one, and collect the pods it owns. */
export function resolveWorkload(options: ResolveOptions): Resolution {
  const { snapshot, name, fingerprint = {}, injected = [] } = options;
  const deployment = snapshot.deployments.find((d) => d.metadata?.name === name);
  if (!deployment) {
    const selector = injectedSelector(injected, name);
    const looksAlike = selector ? snapshot.pods.filter((p) => live(p) && selectorMatches(selector, p.metadata?.labels)) : [];
    const note = looksAlike.length
      ? `; ${count(looksAlike.length, 'pod')} with ${describeSelector(selector)} exist but bare pods do not count`
      : '';
    return { ok: false, reason: `Deployment ${name} not found in namespace ${snapshot.namespace}: expected the injected Deployment to exist${note}`, where: { kind: 'Deployment', name } };
  }
  const uid = deployment.metadata?.uid ?? '';
  const problem = identityProblem('Deployment', name, uid, fingerprint);
  if (problem) return { ok: false, reason: problem, where: { kind: 'Deployment', name, path: 'metadata.uid' } };

  const replicaSets = snapshot.replicaSets.filter((rs) => controllerOf(rs.metadata)?.uid === uid && uid !== '');
  const rsUids = new Set(replicaSets.map((rs) => rs.metadata?.uid));
  const owned = (p: V1Pod): boolean => {
    const ref = controllerOf(p.metadata);
    return ref?.kind === 'ReplicaSet' && rsUids.has(ref.uid);
  };
  const pods = snapshot.pods.filter((p) => live(p) && owned(p) && !terminal(p));
  const strays = snapshot.pods.filter((p) => live(p) && !owned(p) && !terminal(p) && selectorMatches(deployment.spec?.selector, p.metadata?.labels));
  return { ok: true, workload: { name, deployment, uid, replicaSets, pods, strays, selector: describeSelector(deployment.spec?.selector) } };
}

/**
 * Every pod a check judges: the owned ones, then the strays. A stray carries
 * the selector, so the Deployment's Service routes to it and kubectl shows it
 * among the workload's pods: one left waiting on a pull or crash-looping is a
 * problem of the workload whoever owns it. Strays never make up for missing
 * owned pods (callers test `pods.length`).
 */
export function judged(workload: Workload): V1Pod[] {
  return [...workload.pods, ...workload.strays];
}

/** "pod api-x" or, for a stray, "pod api-x (not owned, carries app=api)". */
export function podLabel(workload: Workload, pod: V1Pod): string {
  const name = `pod ${pod.metadata?.name ?? '<unnamed>'}`;
  return workload.strays.includes(pod) ? `${name} (not owned, carries ${workload.selector})` : name;
}

/** "" or "; 2 pods with app=api are not owned by Deployment api (bare pods do not count)". */
export function strayNote(workload: Workload): string {
  const n = workload.strays.length;
  if (n === 0) return '';
  const verb = n === 1 ? 'is' : 'are';
  const why = workload.strays.every((p) => !controllerOf(p.metadata)) ? 'bare pods do not count' : 'pods it does not own do not count';
  return `; ${count(n, 'pod')} with ${workload.selector} ${verb} not owned by Deployment ${workload.name} (${why})`;
}

/** Undefined when `uid` is the one recorded at injection (or none was recorded), else why not. */
export function identityProblem(kind: string, name: string, uid: string, fingerprint: Fingerprint): string | undefined {
  const recorded = fingerprint[`${kind}/${name}`];
  if (recorded === undefined || recorded === uid) return undefined;
  return `${kind} ${name} was deleted and recreated (uid ${shortUid(uid)}, injected as ${shortUid(recorded)})`;
}

/** The first 8 characters of a uid: enough to tell two apart in a reason. */
export function shortUid(uid: string): string {
  return uid.length > 8 ? `${uid.slice(0, 8)}…` : uid || '<none>';
}

/** The controller owner reference of an object, if any. */
export function controllerOf(meta: V1ObjectMeta | undefined): { kind: string; name: string; uid: string } | undefined {
  return meta?.ownerReferences?.find((r) => r.controller === true);
}

/** Not being deleted. */
export function live(obj: { metadata?: V1ObjectMeta }): boolean {
  return obj.metadata?.deletionTimestamp === undefined || obj.metadata.deletionTimestamp === null;
}

// Succeeded/Failed pods (evicted, completed) are not part of a ReplicaSet's active set.
function terminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** The LAST injected manifest object of that kind and name (a later inject step overrides an earlier one). */
export function lastInjected(injected: KubeObject[], kind: string, name: string): KubeObject | undefined {
  return injected.findLast((o) => o.kind === kind && o.metadata.name === name);
}

function injectedSelector(injected: KubeObject[], name: string): V1LabelSelector | undefined {
  const manifest = lastInjected(injected, 'Deployment', name) as { spec?: { selector?: V1LabelSelector } } | undefined;
  return manifest?.spec?.selector;
}
