import type { V1Container, V1Node, V1Pod, V1PodSpec } from '@kubernetes/client-node';
import type { KubeObject } from '../../grader/types.ts';
import { parseQuantity, quantityValue } from '../../grader/quantity.ts';
import type { ScenarioView } from '../engine/scenario-view.ts';

/**
 * What one seat's task may use on a shared cluster. Each seat namespace gets
 * a LimitRange and a ResourceQuota made from the scenario's own manifests,
 * before anything is injected, so the learner (with `admin` there, which can
 * read but not change either) works inside them from the first pod:
 *
 * - every container: a memory limit of at most {@link CONTAINER_MAX_MEMORY}
 *   (also its default limit), and requests of {@link DEFAULT_REQUEST} when
 *   it names none — a container can no longer take the node's memory;
 * - the namespace: at most `pods` pods and `requestsMemoryMi` of requested
 *   memory — twice the task's own peak (a rolling update's surge included)
 *   plus room for a learner's debug pods, a recreate, and one container
 *   raised to the maximum.
 *
 * No CPU quota: CPU is compressible (a busy seat slows the room, it does not
 * break it), and a scenario's broken state may ask for more CPU than the
 * node has (pending-requests), which a quota would turn into a different
 * symptom.
 */
export const CONTAINER_MAX_MEMORY = '1Gi';
export const DEFAULT_REQUEST = { cpu: '10m', memory: '16Mi' } as const;
const DEFAULT_REQUEST_MI = 16;
/** Room beyond twice the task's peak: a debug pod or two, a workload recreated beside its old pods. */
const HEADROOM_PODS = 4;
/**
 * Requested memory beyond twice the peak: one container at the LimitRange's
 * maximum (a fix that raises a request as far as it may, e.g. oom-stress's
 * to 1Gi, while the old pod still runs beside the surge) and 512Mi more.
 */
const HEADROOM_MEMORY_MI = 1024 + 512;
export const SEAT_LIMITS_NAME = 'kubedrill-seat';

/** A task's footprint: steady (what the injected workloads run) and at their peak (a rollout's surge). */
export interface Footprint {
  pods: number;
  memoryMi: number;
  peakPods: number;
  peakMemoryMi: number;
}

/** The seat quota of a task: the scenario's footprint sized as the header says. */
export interface SeatLimits {
  pods: number;
  requestsMemoryMi: number;
}

/**
 * The pods and requested memory the scenario's workloads run: for each
 * workload (by kind and name: several manifests may hold versions of one) the
 * largest of its versions, summed. A Deployment may run 25 % more pods (at
 * least one) while it rolls out; a Job its parallelism; a CronJob two jobs'
 * worth; a bare Pod one.
 */
export function footprint(scenario: Pick<ScenarioView, 'manifests'>): Footprint {
  const workloads = new Map<string, Footprint>();
  for (const manifest of scenario.manifests) {
    for (const object of manifest.objects) {
      const shape = podsOf(object as { kind: string; spec?: Record<string, unknown> });
      if (!shape) continue;
      const memory = podMemoryMi(shape.spec);
      const here: Footprint = { pods: shape.steady, memoryMi: shape.steady * memory, peakPods: shape.peak, peakMemoryMi: shape.peak * memory };
      const key = `${object.kind}/${object.metadata.name}`;
      const before = workloads.get(key);
      workloads.set(key, before ? maxOf(before, here) : here);
    }
  }
  const sum = (pick: (f: Footprint) => number): number => [...workloads.values()].reduce((total, f) => total + pick(f), 0);
  return { pods: sum((f) => f.pods), memoryMi: sum((f) => f.memoryMi), peakPods: sum((f) => f.peakPods), peakMemoryMi: sum((f) => f.peakMemoryMi) };
}

/** Twice the peak plus headroom: what a seat's task namespace may hold. */
export function seatLimits(scenario: Pick<ScenarioView, 'manifests'>): SeatLimits {
  const f = footprint(scenario);
  return { pods: 2 * f.peakPods + HEADROOM_PODS, requestsMemoryMi: Math.ceil(2 * f.peakMemoryMi + HEADROOM_MEMORY_MI) };
}

/** The LimitRange and ResourceQuota of one seat namespace (as the API writes them), labelled like the rest of the seat. */
export function seatLimitObjects(limits: SeatLimits, labels: Record<string, string>): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: SEAT_LIMITS_NAME, labels },
      spec: {
        limits: [{ type: 'Container', max: { memory: CONTAINER_MAX_MEMORY }, default: { memory: CONTAINER_MAX_MEMORY }, defaultRequest: { ...DEFAULT_REQUEST } }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: SEAT_LIMITS_NAME, labels },
      spec: { hard: { pods: String(limits.pods), 'requests.memory': `${limits.requestsMemoryMi}Mi` } },
    },
  ];
}

/**
 * The PodSecurity labels a seat namespace gets: `baseline` enforced (no
 * privileged container, no host path, network or process namespace — with
 * `admin` in a namespace a learner could otherwise start a pod that owns the
 * node), unless the scenario enforces a level of its own, which stands.
 */
export function seatPodSecurity(scenario: Pick<ScenarioView, 'namespaceLabels'>): Record<string, string> {
  const own = scenario.namespaceLabels ?? {};
  if (own['pod-security.kubernetes.io/enforce']) return {};
  return { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'latest' };
}

function podsOf(object: { kind: string; spec?: Record<string, unknown> }): { spec: V1PodSpec; steady: number; peak: number } | undefined {
  const spec = object.spec ?? {};
  const template = (spec.template as { spec?: V1PodSpec } | undefined)?.spec;
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  switch (object.kind) {
    case 'Deployment':
      return template && { spec: template, steady: replicas, peak: replicas + Math.max(1, Math.ceil(replicas / 4)) };
    case 'StatefulSet':
    case 'ReplicaSet':
      return template && { spec: template, steady: replicas, peak: replicas };
    case 'Job': {
      const parallelism = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
      return template && { spec: template, steady: parallelism, peak: parallelism };
    }
    case 'CronJob': {
      const job = (spec.jobTemplate as { spec?: { parallelism?: number; template?: { spec?: V1PodSpec } } } | undefined)?.spec;
      const parallelism = job?.parallelism ?? 1;
      return job?.template?.spec && { spec: job.template.spec, steady: parallelism, peak: 2 * parallelism };
    }
    case 'DaemonSet':
      return template && { spec: template, steady: 1, peak: 2 };
    case 'Pod':
      return { spec: spec as unknown as V1PodSpec, steady: 1, peak: 1 };
    default:
      return undefined;
  }
}

/** A pod's requested memory as the scheduler counts it: the larger of its init containers' largest and its containers' sum. */
function podMemoryMi(spec: V1PodSpec): number {
  const each = (c: V1Container): number => mebibytes(c.resources?.requests?.memory ?? c.resources?.limits?.memory) ?? DEFAULT_REQUEST_MI;
  const init = Math.max(0, ...(spec.initContainers ?? []).filter((c) => c.restartPolicy !== 'Always').map(each));
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map(each);
  const app = [...sidecars, ...(spec.containers ?? []).map(each)].reduce((a, b) => a + b, 0);
  return Math.max(init, app);
}

function mebibytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const q = parseQuantity(value);
  return q ? quantityValue(q) / 2 ** 20 : undefined;
}

function maxOf(a: Footprint, b: Footprint): Footprint {
  return { pods: Math.max(a.pods, b.pods), memoryMi: Math.max(a.memoryMi, b.memoryMi), peakPods: Math.max(a.peakPods, b.peakPods), peakMemoryMi: Math.max(a.peakMemoryMi, b.peakMemoryMi) };
}

/** What the cluster's nodes have left: pods and requested memory, over every Ready node that takes pods. */
export interface Room {
  pods: number;
  memoryMi: number;
  nodes: number;
}

/**
 * Free room on the cluster: each Ready, schedulable, untainted node's
 * allocatable pods and memory, less what its pods (not finished) already
 * take (a container without a memory request counted at the 16Mi default).
 */
export function freeRoom(nodes: V1Node[], pods: V1Pod[]): Room {
  const usable = seatNodes(nodes);
  let room: Room = { pods: 0, memoryMi: 0, nodes: usable.length };
  for (const node of usable) {
    const name = node.metadata?.name;
    const here = pods.filter((p) => p.spec?.nodeName === name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const used = here.reduce((sum, p) => sum + podMemoryMi(p.spec ?? ({ containers: [] } as V1PodSpec)), 0);
    room = {
      ...room,
      pods: room.pods + Math.max(0, Number(node.status?.allocatable?.pods ?? 0) - here.length),
      memoryMi: room.memoryMi + Math.max(0, (mebibytes(node.status?.allocatable?.memory) ?? 0) - used),
    };
  }
  return room;
}

/** The nodes that take seats' pods: Ready, schedulable, and not tainted NoSchedule or NoExecute (a kubeadm control plane, a drained node). */
export function seatNodes(nodes: V1Node[]): V1Node[] {
  return nodes.filter(
    (n) => !n.spec?.unschedulable && !(n.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute') && n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  );
}

/**
 * Why a room of `seats` seats, each running every task's steady footprint,
 * does not fit the free room, or undefined. The quotas bound each seat's
 * worst case; the steady footprint is what the room runs when nobody is
 * mid-rollout, and it must fit with a fifth to spare.
 */
export function roomProblem(seats: number, tasks: Footprint[], free: Room): string | undefined {
  const perSeat = { pods: tasks.reduce((s, t) => s + t.pods, 0), memoryMi: tasks.reduce((s, t) => s + t.memoryMi, 0) };
  const usable = { pods: Math.floor(free.pods * 0.8), memoryMi: Math.floor(free.memoryMi * 0.8) };
  const fit = Math.min(perSeat.pods > 0 ? Math.floor(usable.pods / perSeat.pods) : Infinity, perSeat.memoryMi > 0 ? Math.floor(usable.memoryMi / perSeat.memoryMi) : Infinity);
  if (seats <= fit) return undefined;
  const where = `${free.nodes} node${free.nodes === 1 ? '' : 's'} with room for ${free.pods} more pods and ${Math.round(free.memoryMi)}Mi of requested memory`;
  return `${seats} seats need ${seats * perSeat.pods} pods and ${Math.ceil(seats * perSeat.memoryMi)}Mi of requested memory (${perSeat.pods} pods, ${Math.ceil(perSeat.memoryMi)}Mi a seat), but the cluster has ${where}: at most ${fit} seat${fit === 1 ? '' : 's'} fit, keeping a fifth spare`;
}
