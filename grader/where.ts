import type { V1Pod } from '@kubernetes/client-node';
import type { CheckSpec, Observation } from '../src/scenario/schema.ts';
import { podName, problemPath } from './pod-state.ts';
import type { Where } from './types.ts';
import type { Workload } from './workload.ts';

/** Kinds with no namespace: a Where of these never gets one. */
const clusterScoped = new Set(['Node', 'PriorityClass', 'Namespace']);

/**
 * The object a check is about, from its spec alone: what `grade` gives a
 * verdict whose check did not say (every pass, and failures before the check
 * found anything more precise). Only names and paths from the spec — never
 * its expected values.
 */
export function checkWhere(spec: CheckSpec): Where {
  switch (spec.kind) {
    case 'rolloutComplete':
    case 'podsHealthy':
    case 'restartsStable':
    case 'noTerminationReason':
    case 'fileContent':
    case 'envNamesService':
      return deployment(spec.workload);
    case 'specUnchanged':
      return deployment(spec.workload, `spec.template.spec.containers[name=${spec.container}]`);
    case 'mountsConfigMap':
      return deployment(spec.workload, 'spec.template.spec.volumes');
    case 'fieldCompare':
      return spec.object ? { kind: spec.object.kind, name: spec.object.name, path: spec.path } : deployment(spec.pods ?? '');
    case 'objectExists':
    case 'objectAbsent':
    case 'objectUnchanged':
      return { kind: spec.object.kind, name: spec.object.name };
    case 'configMapData':
      return { kind: 'ConfigMap', name: spec.name, path: `data.${spec.key}` };
    case 'networkReachable':
      return deployment(spec.from, `egress to ${spec.host}:${spec.port}`);
    case 'priorityOrder':
      return deployment(spec.higher, 'spec.template.spec.priorityClassName');
    case 'policyApplies':
      return { kind: 'NetworkPolicy', name: spec.policy };
    case 'policyAllows':
      return deployment(spec.workload, `${spec.direction.toLowerCase()} allowed by NetworkPolicies`);
  }
}

/** The object a symptom observation is about: the workload, or the namespace's events. */
export function observationWhere(o: Observation, namespace: string): Where {
  return 'workload' in o ? deployment(o.workload) : { kind: 'Namespace', name: namespace, path: 'events' };
}

/** `where` with the namespace set for a namespaced kind (and left off a cluster-scoped one). */
export function inNamespace(where: Where, namespace: string): Where {
  if (clusterScoped.has(where.kind)) return where;
  return { ...where, namespace: where.namespace ?? namespace };
}

/** A Deployment, optionally one of its fields. */
export function deployment(name: string, path?: string): Where {
  return path === undefined ? { kind: 'Deployment', name } : { kind: 'Deployment', name, path };
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
  return deployment(w.name, w.deployment.spec?.replicas === 0 ? 'spec.replicas' : 'status.replicas');
}

/** The path of a container's status: `status.containerStatuses[name=api].lastState.terminated`. */
export function statusPath(pod: V1Pod, container: string, field?: string): string {
  const init = (pod.status?.initContainerStatuses ?? []).some((s) => s.name === container);
  const list = init ? 'initContainerStatuses' : 'containerStatuses';
  return `status.${list}[name=${container}]${field ? `.${field}` : ''}`;
}
