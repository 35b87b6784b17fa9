import { describe, expect, it } from 'vitest';
import { footprint, freeRoom, roomProblem, seatLimitObjects, seatLimits, seatPodSecurity } from './seat-limits.ts';

const deployment = (name: string, replicas: number, containers: object[], initContainers: object[] = []) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas, template: { spec: { containers, initContainers } } },
});
const busybox = (name: string, resources?: object) => ({ name, image: 'busybox', ...(resources ? { resources } : {}) });
const manifests = (...objects: object[]) => [{ file: 'm.yaml', objects }] as never;

describe('footprint', () => {
  it('counts each workload at its largest version, with a rollout\'s surge at the peak (crashloop-exit1\'s shape)', () => {
    const f = footprint({ manifests: manifests(deployment('redis', 1, [busybox('redis')]), deployment('api', 2, [busybox('api')])) });
    // Unset requests count as the LimitRange's 16Mi default; a Deployment surges 25 %, at least one pod.
    expect(f).toEqual({ pods: 3, memoryMi: 48, peakPods: 5, peakMemoryMi: 80 });
  });

  it('takes the larger of a workload\'s versions, not their sum (rollout-to-revision ships three of one Deployment)', () => {
    const v1 = deployment('api', 2, [busybox('api')]);
    const v2 = deployment('api', 3, [busybox('api')]);
    expect(footprint({ manifests: manifests(v1, v2) })).toMatchObject({ pods: 3, peakPods: 4 });
  });

  it('reads requests, falls back to the limit (the API copies it), and counts init containers as the scheduler does', () => {
    const withInit = deployment('app', 1, [busybox('a', { requests: { memory: '32Mi' } }), busybox('b', { limits: { memory: '64Mi' } })], [busybox('wait', { requests: { memory: '0.5Gi' } })]);
    expect(footprint({ manifests: manifests(withInit) })).toMatchObject({ pods: 1, memoryMi: 512 });
    const sidecar = deployment('app', 1, [busybox('a', { requests: { memory: '32Mi' } })], [{ ...busybox('ship', { requests: { memory: '8Mi' } }), restartPolicy: 'Always' }]);
    expect(footprint({ manifests: manifests(sidecar) })).toMatchObject({ memoryMi: 40 });
  });

  it('knows Jobs, CronJobs, StatefulSets and bare pods, and ignores what runs no pods', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'report' }, spec: { parallelism: 2, template: { spec: { containers: [busybox('r')] } } } };
    const cron = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { jobTemplate: { spec: { template: { spec: { containers: [busybox('t')] } } } } } };
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 3, template: { spec: { containers: [busybox('db')] } } } };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [busybox('p')] } };
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } };
    expect(footprint({ manifests: manifests(job, cron, sts, pod, service) })).toMatchObject({ pods: 2 + 1 + 3 + 1, peakPods: 2 + 2 + 3 + 1 });
  });
});

describe('seatLimits', () => {
  it('allows twice the peak plus room for debug pods and one container raised to the 1Gi maximum', () => {
    // oom-stress: one worker requesting 32Mi; its fix may raise the request to 1Gi while the old pod still runs.
    const limits = seatLimits({ manifests: manifests(deployment('worker', 1, [busybox('worker', { requests: { memory: '32Mi' }, limits: { memory: '64Mi' } })])) });
    expect(limits).toEqual({ pods: 2 * 2 + 4, requestsMemoryMi: 2 * 64 + 1536 });
    expect(limits.requestsMemoryMi).toBeGreaterThanOrEqual(32 + 1024);
  });

  it('writes a LimitRange capping every container at 1Gi and a quota on pods and requested memory, labelled', () => {
    const [limitRange, quota] = seatLimitObjects({ pods: 14, requestsMemoryMi: 1696 }, { 'kubedrill.io/workshop': 'w' });
    expect(limitRange).toMatchObject({ kind: 'LimitRange', metadata: { name: 'kubedrill-seat', labels: { 'kubedrill.io/workshop': 'w' } }, spec: { limits: [{ type: 'Container', max: { memory: '1Gi' }, default: { memory: '1Gi' }, defaultRequest: { cpu: '10m', memory: '16Mi' } }] } });
    expect(quota).toMatchObject({ kind: 'ResourceQuota', spec: { hard: { pods: '14', 'requests.memory': '1696Mi' } } });
    expect(JSON.stringify(quota)).not.toMatch(/cpu/);
  });
});

describe('seatPodSecurity', () => {
  it('enforces baseline, unless the scenario enforces a level of its own', () => {
    expect(seatPodSecurity({ namespaceLabels: {} })).toEqual({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'latest' });
    expect(seatPodSecurity({ namespaceLabels: { 'pod-security.kubernetes.io/enforce': 'restricted' } })).toEqual({});
  });
});

describe('the room', () => {
  const node = (name: string, pods: string, memory: string, ready = 'True') => ({ metadata: { name }, spec: {}, status: { allocatable: { pods, memory }, conditions: [{ type: 'Ready', status: ready }] } });
  const pod = (nodeName: string, memory?: string, phase = 'Running') => ({ spec: { nodeName, containers: [{ name: 'c', ...(memory ? { resources: { requests: { memory } } } : {}) }] }, status: { phase } });

  it('is what Ready nodes that take pods have left, less their unfinished pods', () => {
    const nodes = [node('a', '110', '24Gi'), node('b', '110', '8Gi', 'False'), { ...node('c', '110', '8Gi'), spec: { unschedulable: true } }, { ...node('d', '110', '8Gi'), spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } }];
    const pods = [pod('a', '1Gi'), pod('a'), pod('a', '4Gi', 'Succeeded'), pod('b', '1Gi')];
    expect(freeRoom(nodes as never, pods as never)).toEqual({ pods: 108, memoryMi: 24 * 1024 - 1024 - 16, nodes: 1 });
  });

  it('takes a room whose steady footprint fits with a fifth spare, and says how many seats fit when it does not', () => {
    const task = { pods: 3, memoryMi: 48, peakPods: 5, peakMemoryMi: 80 };
    const free = { pods: 95, memoryMi: 20_000, nodes: 1 };
    expect(roomProblem(25, [task], free)).toBeUndefined();
    expect(roomProblem(26, [task], free)).toMatch(/^26 seats need 78 pods and 1248Mi of requested memory \(3 pods, 48Mi a seat\), but the cluster has 1 node with room for 95 more pods and 20000Mi of requested memory: at most 25 seats fit, keeping a fifth spare$/);
    // Two tasks a seat: both count.
    expect(roomProblem(13, [task, task], free)).toMatch(/at most 12 seats fit/);
  });
});
