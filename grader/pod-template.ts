import type { V1Container, V1Pod, V1PodSpec, V1PodTemplateSpec, V1Toleration, V1Volume, V1VolumeMount } from '@kubernetes/client-node';

// What the API server adds to every pod it admits and never to a template: the
// ServiceAccount token volume and its mounts, the not-ready/unreachable
// tolerations (DefaultTolerationSeconds), the ServiceAccount name.
const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const DEFAULT_TOLERATIONS = new Set(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);

// Container fields a pod keeps exactly as its template wrote them (after the same defaulting).
const CONTAINER_FIELDS = [
  'image', 'command', 'args', 'workingDir', 'ports', 'env', 'envFrom', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle',
  'securityContext', 'stdin', 'stdinOnce', 'tty', 'restartPolicy', 'imagePullPolicy', 'terminationMessagePath', 'terminationMessagePolicy',
] as const satisfies readonly (keyof V1Container)[];

// Pod fields likewise. Left out: what admission or the scheduler fills in (nodeName, priority,
// preemptionPolicy, enableServiceLinks, overhead, schedulingGates, which only shrink), and the
// fields compared below with what admission adds taken away.
const POD_FIELDS = [
  'nodeSelector', 'affinity', 'hostAliases', 'dnsPolicy', 'dnsConfig', 'hostNetwork', 'hostPID', 'hostIPC', 'securityContext',
  'runtimeClassName', 'shareProcessNamespace', 'activeDeadlineSeconds', 'terminationGracePeriodSeconds', 'automountServiceAccountToken',
  'readinessGates', 'topologySpreadConstraints', 'restartPolicy', 'hostname', 'subdomain', 'os', 'hostUsers', 'schedulerName',
] as const satisfies readonly (keyof V1PodSpec)[];

/**
 * Where a pod differs from the template its controller made it from — the
 * first path, or undefined when it runs what the template says. A pod's
 * image, resources, tolerations and deadlines can be changed in place
 * (`kubectl set image pod/…`, a resize), and a pod made elsewhere can be
 * adopted by a ReplicaSet whose selector it matches: either way the pod is
 * not what its workload would make, and the next one would not be like it.
 * What the API server adds on admission is not a difference: the
 * ServiceAccount token volume and mount, the default tolerations, requests
 * and limits a LimitRange fills in where the template sets none, a
 * ServiceAccount name where the template names none, ephemeral containers
 * (`kubectl debug`).
 */
export function templateDrift(pod: V1Pod, template: V1PodTemplateSpec | undefined): string | undefined {
  const want = template?.spec;
  const have = pod.spec;
  if (!want || !have) return undefined;
  for (const list of ['initContainers', 'containers'] as const) {
    const drift = containersDrift(list, have[list] ?? [], want[list] ?? []);
    if (drift) return drift;
  }
  for (const field of POD_FIELDS) {
    if (!same(have[field], want[field])) return `spec.${field}`;
  }
  if ((have.serviceAccountName ?? 'default') !== (want.serviceAccountName ?? want.serviceAccount ?? 'default')) return 'spec.serviceAccountName';
  if (want.priorityClassName !== undefined && have.priorityClassName !== want.priorityClassName) return 'spec.priorityClassName';
  if (!same(withoutToken(have.volumes ?? []), want.volumes ?? [])) return 'spec.volumes';
  if (!same(withoutDefaultTolerations(have.tolerations ?? []), withoutDefaultTolerations(want.tolerations ?? []))) return 'spec.tolerations';
  if (want.resources !== undefined && !resourcesAsWritten(have.resources, want.resources)) return 'spec.resources';
  return undefined;
}

function containersDrift(list: 'containers' | 'initContainers', have: V1Container[], want: V1Container[]): string | undefined {
  if (!same(have.map((c) => c.name), want.map((c) => c.name))) return `spec.${list}`;
  for (const [i, c] of want.entries()) {
    const p = have[i]!;
    const at = `spec.${list}[name=${c.name}]`;
    for (const field of CONTAINER_FIELDS) if (!same(p[field], c[field])) return `${at}.${field}`;
    if (!same(withoutTokenMount(p.volumeMounts ?? []), c.volumeMounts ?? [])) return `${at}.volumeMounts`;
    if (!resourcesAsWritten(p.resources, c.resources)) return `${at}.resources`;
  }
  return undefined;
}

/** Every request and limit the template writes, the pod has at that value (a LimitRange may add the rest). */
function resourcesAsWritten(have: { requests?: Record<string, string>; limits?: Record<string, string> } | undefined, want: { requests?: Record<string, string>; limits?: Record<string, string> } | undefined): boolean {
  return (['requests', 'limits'] as const).every((side) => Object.entries(want?.[side] ?? {}).every(([name, value]) => have?.[side]?.[name] === value));
}

function withoutToken(volumes: V1Volume[]): V1Volume[] {
  return volumes.filter((v) => !(v.name.startsWith('kube-api-access-') && v.projected));
}

function withoutTokenMount(mounts: V1VolumeMount[]): V1VolumeMount[] {
  return mounts.filter((m) => !(m.mountPath === TOKEN_MOUNT && m.name.startsWith('kube-api-access-')));
}

function withoutDefaultTolerations(tolerations: V1Toleration[]): V1Toleration[] {
  return tolerations.filter((t) => !(DEFAULT_TOLERATIONS.has(t.key ?? '') && t.effect === 'NoExecute' && t.operator === 'Exists'));
}

/** Deep equality of two API values, absent and undefined alike. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  ) ?? 'undefined';
}
