import type { V1CronJob, V1DaemonSet, V1Deployment, V1Job, V1LabelSelector, V1ObjectMeta, V1Pod, V1PodTemplateSpec, V1ReplicaSet, V1StatefulSet } from '@kubernetes/client-node';
import type { WorkloadKind, WorkloadRef } from '../src/scenario/schema.ts';
import { count } from './format.ts';
import { templateDrift } from './pod-template.ts';
import { describeSelector, selectorMatches } from './selector.ts';
import { toMillis } from './time.ts';
import type { Fingerprint, KubeObject, Snapshot, Where } from './types.ts';

/** Any object a workload can be. */
export type WorkloadObject = V1Deployment | V1StatefulSet | V1DaemonSet | V1Job | V1CronJob | V1Pod;

/**
 * A workload as the grader sees it: the object itself and what it really
 * owns through owner references (Deployment → ReplicaSet → Pod, CronJob →
 * Job → Pod, StatefulSet/DaemonSet/Job → Pod, a bare Pod itself) — not
 * whatever happens to carry its labels.
 */
export interface Workload {
  kind: WorkloadKind;
  name: string;
  object: WorkloadObject;
  uid: string;
  /** The pod template (a bare Pod: its own metadata and spec). */
  template: V1PodTemplateSpec | undefined;
  /** The pods it asks for: spec.replicas (default 1), a DaemonSet's desiredNumberScheduled, a Job's parallelism, 1 for a Pod. */
  desired: number;
  /** Where `desired` is written: `spec.replicas`, `status.desiredNumberScheduled`… */
  desiredPath: string;
  /** A Deployment's ReplicaSets (empty for other kinds). */
  replicaSets: V1ReplicaSet[];
  /** A CronJob's Jobs, newest first (empty for other kinds). */
  jobs: V1Job[];
  /** Active owned pods: not being deleted, not Succeeded/Failed. */
  pods: V1Pod[];
  /** Owned pods that ran to an end (Succeeded/Failed), not being deleted: what a Job leaves. */
  finished: V1Pod[];
  /** Active pods that carry the selector's labels but are not owned (bare pods, orphans, other controllers): never counted for a pass, judged like owned ones. */
  strays: V1Pod[];
  /** The selector as kubectl prints it ("app=api"); "" for kinds without one. */
  selector: string;
}

/** A workload found and still the injected one, or a one-line reason why not (and where it shows). */
export type Resolution = { ok: true; workload: Workload } | { ok: false; reason: string; where: Where };

/** What resolveWorkload reads. */
export interface ResolveOptions {
  snapshot: Snapshot;
  /** The workload: a Deployment's name or {kind, name}. */
  name: WorkloadRef;
  /** Identity at injection; "Deployment/<name>" → uid. */
  fingerprint?: Fingerprint;
  /** The scenario's manifests: used to explain look-alike pods when the workload is gone. */
  injected?: KubeObject[];
}

/** A workload reference made whole: its kind (from the manifests when only a name is given) and identity rule. */
export interface WorkloadId {
  kind: WorkloadKind;
  name: string;
  identity: 'uid' | 'name';
}

/** The kind and name a reference means: a bare name is a Deployment. */
export function workloadId(ref: WorkloadRef | WorkloadId): WorkloadId {
  if (typeof ref === 'string') return { kind: 'Deployment', name: ref, identity: 'uid' };
  return { kind: ref.kind, name: ref.name, identity: ref.identity ?? 'uid' };
}

/** "StatefulSet db", for a reason. */
export function workloadLabel(ref: WorkloadRef | { kind: string; name: string }): string {
  return typeof ref === 'string' ? `Deployment ${ref}` : `${ref.kind} ${ref.name}`;
}

/** The snapshot's list of a workload kind. */
export function workloadObjects(snapshot: Snapshot, kind: WorkloadKind): WorkloadObject[] {
  switch (kind) {
    case 'Deployment':
      return snapshot.deployments;
    case 'StatefulSet':
      return snapshot.statefulSets ?? [];
    case 'DaemonSet':
      return snapshot.daemonSets ?? [];
    case 'Job':
      return snapshot.jobs ?? [];
    case 'CronJob':
      return snapshot.cronJobs ?? [];
    case 'Pod':
      return snapshot.pods;
  }
}

/** Find a workload by kind and name, check it is the injected one (unless identity is by name), and collect the pods it owns. */
export function resolveWorkload(options: ResolveOptions): Resolution {
  const { snapshot, fingerprint = {}, injected = [] } = options;
  const { kind, name, identity } = workloadId(options.name);
  const object = workloadObjects(snapshot, kind).find((d) => d.metadata?.name === name && (kind !== 'Pod' || live(d)));
  if (!object) {
    const selector = injectedSelector(injected, kind, name);
    const looksAlike = selector ? snapshot.pods.filter((p) => live(p) && selectorMatches(selector, p.metadata?.labels)) : [];
    const note = looksAlike.length
      ? `; ${count(looksAlike.length, 'pod')} with ${describeSelector(selector)} exist but bare pods do not count`
      : '';
    return { ok: false, reason: `${kind} ${name} not found in namespace ${snapshot.namespace}: expected the injected ${kind} to exist${note}`, where: { kind, name } };
  }
  const uid = object.metadata?.uid ?? '';
  const problem = identity === 'uid' ? identityProblem(kind, name, uid, fingerprint) : undefined;
  if (problem) return { ok: false, reason: problem, where: { kind, name, path: 'metadata.uid' } };

  const ownedBy = (uids: Set<string | undefined>, ownerKind: string) => (o: { metadata?: V1ObjectMeta }): boolean => {
    const ref = controllerOf(o.metadata);
    return ref?.kind === ownerKind && uids.has(ref.uid);
  };
  const self = new Set([uid]);
  let replicaSets: V1ReplicaSet[] = [];
  let jobs: V1Job[] = [];
  let podOwner: (p: V1Pod) => boolean;
  if (kind === 'Deployment') {
    replicaSets = snapshot.replicaSets.filter((rs) => uid !== '' && ownedBy(self, 'Deployment')(rs));
    podOwner = ownedBy(new Set(replicaSets.map((rs) => rs.metadata?.uid)), 'ReplicaSet');
  } else if (kind === 'CronJob') {
    jobs = (snapshot.jobs ?? []).filter((j) => uid !== '' && ownedBy(self, 'CronJob')(j)).sort((a, b) => (toMillis(b.metadata?.creationTimestamp) ?? 0) - (toMillis(a.metadata?.creationTimestamp) ?? 0));
    podOwner = ownedBy(new Set(jobs.map((j) => j.metadata?.uid)), 'Job');
  } else if (kind === 'Pod') {
    podOwner = (p) => p.metadata?.uid === uid;
  } else {
    podOwner = ownedBy(self, kind);
  }
  const mine = snapshot.pods.filter((p) => live(p) && podOwner(p));
  const drifted = driftedPod(mine, kind === 'Deployment' ? replicaSets : kind === 'CronJob' ? jobs : kind === 'Job' ? [object as V1Job] : []);
  if (drifted) {
    return {
      ok: false,
      reason: `pod ${drifted.pod} of ${kind} ${name} differs from the template its ${drifted.owner} made it from, at ${drifted.path} (changed in place, or made elsewhere and adopted): expected every pod to run what the ${kind}'s template says — change the template and let the pods follow`,
      where: { kind: 'Pod', name: drifted.pod, path: drifted.path },
    };
  }
  const pods = mine.filter((p) => !terminal(p));
  const finished = mine.filter(terminal);
  const selector = selectorOf(kind, object);
  const strays = selector ? snapshot.pods.filter((p) => live(p) && !podOwner(p) && !terminal(p) && selectorMatches(selector, p.metadata?.labels)) : [];
  const { desired, desiredPath } = desiredOf(kind, object);
  return {
    ok: true,
    workload: { kind, name, object, uid, template: templateOf(kind, object), desired, desiredPath, replicaSets, jobs, pods, finished, strays, selector: selector ? describeSelector(selector) : '' },
  };
}

/**
 * The first pod that differs from the template of the ReplicaSet or Job that
 * owns it (see templateDrift). StatefulSet and DaemonSet pods are not held
 * to it: their revision's template is read only when a check asks for it,
 * and a DaemonSet's controller adds tolerations and a node affinity.
 */
function driftedPod(pods: V1Pod[], owners: (V1ReplicaSet | V1Job)[]): { pod: string; owner: string; path: string } | undefined {
  for (const pod of pods) {
    const ref = controllerOf(pod.metadata);
    const owner = owners.find((o) => o.metadata?.uid === ref?.uid);
    const path = owner ? templateDrift(pod, owner.spec?.template) : undefined;
    if (owner && path) return { pod: pod.metadata?.name ?? '<unnamed>', owner: `${ref?.kind} ${owner.metadata?.name}`, path };
  }
  return undefined;
}

/** What the workload asks for, for a reason: "spec.replicas 2", or a bare Pod's phase ("phase Succeeded"). */
export function desiredText(w: Workload): string {
  return w.kind === 'Pod' ? `phase ${(w.object as V1Pod).status?.phase ?? 'unknown'}` : `${w.desiredPath} ${w.desired}`;
}

/** The pod template of a workload object (a bare Pod: its own metadata and spec). */
export function templateOf(kind: WorkloadKind, object: WorkloadObject): V1PodTemplateSpec | undefined {
  if (kind === 'Pod') {
    const pod = object as V1Pod;
    return { metadata: pod.metadata, spec: pod.spec };
  }
  if (kind === 'CronJob') return (object as V1CronJob).spec?.jobTemplate?.spec?.template;
  return (object as V1Deployment).spec?.template;
}

function selectorOf(kind: WorkloadKind, object: WorkloadObject): V1LabelSelector | undefined {
  if (kind === 'Pod' || kind === 'CronJob') return undefined;
  return (object as V1Deployment).spec?.selector;
}

function desiredOf(kind: WorkloadKind, object: WorkloadObject): { desired: number; desiredPath: string } {
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
      return { desired: (object as V1Deployment).spec?.replicas ?? 1, desiredPath: 'spec.replicas' };
    case 'DaemonSet':
      return { desired: (object as V1DaemonSet).status?.desiredNumberScheduled ?? 0, desiredPath: 'status.desiredNumberScheduled' };
    case 'Job':
      return { desired: (object as V1Job).spec?.parallelism ?? 1, desiredPath: 'spec.parallelism' };
    case 'CronJob':
      return { desired: (object as V1CronJob).spec?.jobTemplate?.spec?.parallelism ?? 1, desiredPath: 'spec.jobTemplate.spec.parallelism' };
    case 'Pod':
      return { desired: 1, desiredPath: 'status.phase' };
  }
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
  return `; ${count(n, 'pod')} with ${workload.selector} ${verb} not owned by ${workload.kind} ${workload.name} (${why})`;
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

/** The pod template of an injected manifest object of a workload kind (a bare Pod: itself). */
export function injectedTemplate(manifest: KubeObject | undefined): V1PodTemplateSpec | undefined {
  if (!manifest) return undefined;
  const kind = manifest.kind as WorkloadKind;
  return (['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'] as const).includes(kind) ? templateOf(kind, manifest as unknown as WorkloadObject) : undefined;
}

/** The LAST injected manifest object of that kind and name (a later inject step overrides an earlier one). */
export function lastInjected(injected: KubeObject[], kind: string, name: string): KubeObject | undefined {
  return injected.findLast((o) => o.kind === kind && o.metadata.name === name);
}

function injectedSelector(injected: KubeObject[], kind: WorkloadKind, name: string): V1LabelSelector | undefined {
  if (kind === 'Pod' || kind === 'CronJob' || kind === 'Job') return undefined;
  const manifest = lastInjected(injected, kind, name) as { spec?: { selector?: V1LabelSelector } } | undefined;
  return manifest?.spec?.selector;
}
