import type { V1Pod } from '@kubernetes/client-node';
import type { CheckSpec, Observation, WorkloadRef } from '../src/scenario/schema.ts';
import { podName, problemPath } from './pod-state.ts';
import type { Where } from './types.ts';
import type { Workload } from './workload.ts';

/** Kinds with no namespace: a Where of these never gets one. */
const clusterScoped = new Set(['Node', 'PriorityClass', 'Namespace', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding']);

/**
 * The object a check is about, from its spec alone: what `grade` gives a
 * verdict whose check did not say (every pass, and failures before the check
 * found anything more precise). Only names and paths from the spec — never
 * its expected values.
 */
export function checkWhere(spec: CheckSpec, namespace = 'the attempt namespace'): Where {
  switch (spec.kind) {
    case 'rolloutComplete':
    case 'podsHealthy':
    case 'restartsStable':
    case 'noTerminationReason':
    case 'fileContent':
    case 'envNamesService':
      return workloadAt(spec.workload);
    case 'specUnchanged':
      return workloadAt(spec.workload, `spec.template.spec.containers[name=${spec.container}]`);
    case 'mountsConfigMap':
      return workloadAt(spec.workload, 'spec.template.spec.volumes');
    case 'fieldCompare':
      return spec.object ? { kind: spec.object.kind, name: spec.object.name, path: spec.path } : workloadAt(spec.pods ?? '');
    case 'objectExists':
    case 'objectAbsent':
    case 'objectUnchanged':
      return { kind: spec.object.kind, name: spec.object.name };
    case 'configMapData':
      return { kind: 'ConfigMap', name: spec.name, path: `data.${spec.key}` };
    case 'networkReachable':
      return workloadAt(spec.from, `egress to ${spec.host}:${spec.port}`);
    case 'serviceRoutes':
      return { kind: 'Service', name: spec.service, path: 'spec.selector' };
    case 'priorityOrder':
      return workloadAt(spec.higher, 'spec.template.spec.priorityClassName');
    case 'policyApplies':
      return { kind: 'NetworkPolicy', name: spec.policy };
    case 'policyAllows':
      return workloadAt(spec.workload, `${spec.direction.toLowerCase()} allowed by NetworkPolicies`);
    case 'policyPermits':
      return workloadAt(spec.to, 'ingress allowed by NetworkPolicies');
    case 'jobComplete':
      return workloadAt(spec.workload, 'status.conditions');
    case 'logContains':
      return workloadAt(spec.workload, `logs${spec.container ? ` of container ${spec.container}` : ''}`);
    case 'secretData':
      return { kind: 'Secret', name: spec.name, path: `data.${spec.key}` };
    case 'claimBound':
      return { kind: 'PersistentVolumeClaim', name: spec.name, path: 'status.phase' };
    case 'accessReview':
      return { kind: 'ServiceAccount', name: spec.serviceAccount, path: `may ${spec.verbs.join('/')} ${spec.resources.join('/')}` };
    case 'admitted':
      return workloadAt(spec.workload, 'spec.template');
    case 'envSource':
      return workloadAt(spec.workload, `spec.template.spec.containers[name=${spec.container}].env`);
    case 'fileFromConfigMap':
      return workloadAt(spec.workload, `spec.template.spec.containers[name=${spec.container}].volumeMounts`);
    case 'mainProcess':
      return workloadAt(spec.workload, `PID 1 of container ${spec.container}`);
    case 'probe':
      return workloadAt(spec.workload, `spec.template.spec.containers[name=${spec.container}].${spec.probe}Probe`);
    case 'templateEquals':
      return workloadAt(spec.workload, 'spec.template');
    case 'nodeTargeted':
      return workloadAt(spec.workload, 'spec.template.spec');
    case 'logNamesTarget':
      return workloadAt(spec.workload, `logs of container ${spec.container}`);
    case 'writablePaths':
      return workloadAt(spec.workload, `filesystem of container ${spec.container}`);
    case 'namespaceLabel':
      return { kind: 'Namespace', name: namespace, path: `metadata.labels[${spec.label}]` };
  }
}

/** The object a symptom observation is about: the workload, or the namespace's events. */
export function observationWhere(o: Observation, namespace: string): Where {
  return 'workload' in o ? workloadAt(o.workload) : { kind: 'Namespace', name: namespace, path: 'events' };
}

/** `where` with the namespace set for a namespaced kind (and left off a cluster-scoped one). */
export function inNamespace(where: Where, namespace: string): Where {
  if (clusterScoped.has(where.kind)) return where;
  return { ...where, namespace: where.namespace ?? namespace };
}

/** A workload (a Deployment's name, a {kind, name} reference, a resolved workload), optionally one of its fields. */
export function workloadAt(ref: WorkloadRef | { kind: string; name: string }, path?: string): Where {
  const { kind, name } = typeof ref === 'string' ? { kind: 'Deployment', name: ref } : ref;
  return path === undefined ? { kind, name } : { kind, name, path };
}

/** A pod by object, optionally one of its fields. */
export function podAt(pod: V1Pod, path?: string): Where {
  const name = pod.metadata?.name ?? '<unnamed>';
  return path === undefined ? { kind: 'Pod', name } : { kind: 'Pod', name, path };
}

/**
 * Where a workload with no Running and Ready pod shows why: the first of its
 * pods (by name) with a problem, at that problem's field; with no pods, its
 * replica count (spec when scaled to zero, else status).
 */
export function unreadyWhere(w: Workload): Where {
  const pod = [...w.pods].sort((a, b) => podName(a).localeCompare(podName(b))).find((p) => problemPath(p) !== undefined);
  if (pod) return podAt(pod, problemPath(pod));
  return workloadAt(w, w.desired === 0 ? w.desiredPath : 'status');
}

/** The path of a container's status: `status.containerStatuses[name=api].lastState.terminated`. */
export function statusPath(pod: V1Pod, container: string, field?: string): string {
  const init = (pod.status?.initContainerStatuses ?? []).some((s) => s.name === container);
  const list = init ? 'initContainerStatuses' : 'containerStatuses';
  return `status.${list}[name=${container}]${field ? `.${field}` : ''}`;
}
