/**
 * What test/real/record-kinds.ts builds on the cluster, one namespace
 * (kd-kinds-<name>) and one fixture (grader/fixtures/kinds/<name>.json) per
 * case: the manifests applied (the fixture's `injected`), the learner actions
 * after them, the state to wait for, and the checks graded at recording —
 * whose log reads and access reviews the fixture keeps for replay.
 */
import type { V1Job, V1Pod } from '@kubernetes/client-node';
import { checkSpec, type CheckSpec } from '../../src/scenario/schema.ts';
import type { KubeObject, Snapshot } from '../../grader/types.ts';

/** What is still awaited in a snapshot, or undefined when the state is reached. */
export type Wait = (s: Snapshot) => string | undefined;

/** A learner action: run once `after` holds. */
export interface Step {
  what: string;
  after: Wait;
  /** Objects to server-side apply (a changed manifest), or a kubectl command line. */
  apply?: KubeObject[];
  kubectl?: string[];
}

/** One recorded state. */
export interface KindsCase {
  name: string;
  description: string;
  namespaceLabels?: Record<string, string>;
  manifests: KubeObject[];
  steps?: Step[];
  until: Wait;
  checks: CheckSpec[];
}

const image = 'busybox:1.36';
const sleeper = { name: 'main', image, command: ['sh', '-c', 'sleep 3600'] };
const quick = { terminationGracePeriodSeconds: 1 };

function object(apiVersion: string, kind: string, name: string, rest: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, metadata: { name }, ...rest };
}

function statefulSet(name: string, spec: Record<string, unknown>, containers: unknown[] = [sleeper]): KubeObject {
  return object('apps/v1', 'StatefulSet', name, {
    spec: { serviceName: name, replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { ...quick, containers } }, ...spec },
  });
}

function job(name: string, command: string, spec: Record<string, unknown> = {}): KubeObject {
  return object('batch/v1', 'Job', name, { spec: { ...spec, template: { spec: { ...quick, restartPolicy: 'Never', containers: [{ name: 'main', image, command: ['sh', '-c', command] }] } } } });
}

function check(id: string, kind: CheckSpec['kind'], params: Record<string, unknown>): CheckSpec {
  return checkSpec.parse({ id, description: id, kind, ...params });
}

// ---- waits ----------------------------------------------------------------

const all = (...waits: Wait[]): Wait => (s) => waits.map((w) => w(s)).find((m) => m !== undefined);
const stsReady = (name: string, n: number): Wait => (s) => {
  const st = s.statefulSets?.find((x) => x.metadata?.name === name)?.status;
  return st?.readyReplicas === n && st.currentRevision === st.updateRevision && st.observedGeneration === s.statefulSets?.find((x) => x.metadata?.name === name)?.metadata?.generation ? undefined : `StatefulSet ${name} ${n} ready at one revision`;
};
// Restarted and down: waiting CrashLoopBackOff, or (as this kubelet mostly reports the back-off) terminated.
const crashLooping = (pod: string): Wait => (s) =>
  s.pods.find((p) => p.metadata?.name === pod)?.status?.containerStatuses?.some((c) => (c.restartCount ?? 0) >= 1 && (c.state?.waiting?.reason === 'CrashLoopBackOff' || c.state?.terminated !== undefined))
    ? undefined
    : `pod ${pod} crash-looping`;
// Strictly waiting CrashLoopBackOff: its lastState is the instance --previous reads (the kubelet keeps that one).
const backingOff = (pod: string): Wait => (s) =>
  s.pods.find((p) => p.metadata?.name === pod)?.status?.containerStatuses?.some((c) => c.state?.waiting?.reason === 'CrashLoopBackOff') ? undefined : `pod ${pod} waiting CrashLoopBackOff`;
const newRevision = (name: string): Wait => (s) => {
  const o = s.statefulSets?.find((x) => x.metadata?.name === name);
  return o && o.status?.observedGeneration === o.metadata?.generation && (o.metadata?.generation ?? 0) > 1 && o.status?.updateRevision !== o.status?.currentRevision ? undefined : `StatefulSet ${name} at a new revision`;
};
const podPhase = (pod: string, phase: string, ready?: boolean): Wait => (s) => {
  const p = s.pods.find((x) => x.metadata?.name === pod);
  const isReady = (x: V1Pod | undefined): boolean => x?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  return p?.status?.phase === phase && (ready === undefined || isReady(p) === ready) ? undefined : `pod ${pod} ${phase}${ready ? ' and Ready' : ''}`;
};
const jobCondition = (name: string, type: string): Wait => (s) =>
  s.jobs?.find((j) => j.metadata?.name === name)?.status?.conditions?.some((c) => c.type === type && c.status === 'True') ? undefined : `Job ${name} ${type}`;
const jobRunning = (name: string): Wait => (s) => {
  const j: V1Job | undefined = s.jobs?.find((x) => x.metadata?.name === name);
  const pod = s.pods.find((p) => p.metadata?.labels?.['job-name'] === name);
  return j?.status?.active === 1 && pod?.status?.phase === 'Running' ? undefined : `Job ${name} running`;
};
const observed = (list: 'statefulSets' | 'daemonSets', name: string): Wait => (s) => {
  const o = s[list]?.find((x) => x.metadata?.name === name);
  return o && o.status?.observedGeneration === o.metadata?.generation ? undefined : `${list} ${name} generation observed`;
};
const dsAvailable = (name: string, n: number): Wait => (s) => (s.daemonSets?.find((x) => x.metadata?.name === name)?.status?.numberAvailable === n ? undefined : `DaemonSet ${name} ${n} available`);
const claim = (name: string, phase: string): Wait => (s) => (s.persistentVolumeClaims?.find((c) => c.metadata?.name === name)?.status?.phase === phase ? undefined : `PersistentVolumeClaim ${name} ${phase}`);
const deploymentPodsRunning = (app: string, n: number, pred: (p: V1Pod) => boolean): Wait => (s) =>
  s.pods.filter((p) => p.metadata?.labels?.app === app && !p.metadata?.deletionTimestamp && pred(p)).length === n ? undefined : `${n} pods of ${app}`;
const allRunning = (p: V1Pod): boolean => (p.status?.containerStatuses ?? []).length > 0 && (p.status?.containerStatuses ?? []).every((c) => c.ready && c.state?.running);
const restartedInBackOff = (p: V1Pod): boolean => (p.status?.containerStatuses ?? []).some((c) => (c.restartCount ?? 0) > 0 && c.state?.waiting?.reason === 'CrashLoopBackOff');

// ---- cases ----------------------------------------------------------------

const env = (value: string): unknown[] => [{ ...sleeper, env: [{ name: 'REVISION', value }] }];

/** The cases, by name. */
export const cases: KindsCase[] = [
  {
    name: 'statefulset',
    description: 'StatefulSets: web rolled out (2 ready); crash (command exits 1, pod crash-0 in CrashLoopBackOff); held (template changed under partition 1); scaled (2 → 0); mid (template changed, minReadySeconds 120: web-1 updated and ready, not yet available)',
    manifests: [
      statefulSet('web', {}),
      statefulSet('crash', {}, [{ name: 'main', image, command: ['sh', '-c', 'echo starting; exit 1'] }]),
      statefulSet('held', {}, env('1')),
      statefulSet('scaled', {}),
      statefulSet('mid', {}, env('1')),
    ],
    steps: [
      { what: 'held: partition 1 and a new template', after: stsReady('held', 2), apply: [statefulSet('held', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }, env('2'))] },
      { what: 'scaled: to 0', after: stsReady('scaled', 2), apply: [statefulSet('scaled', { replicas: 0 })] },
      { what: 'mid: a new template, minReadySeconds 120', after: all(stsReady('mid', 2), stsReady('web', 2), crashLooping('crash-0')), apply: [statefulSet('mid', { minReadySeconds: 120 }, env('2'))] },
    ],
    until: all(
      stsReady('web', 2),
      crashLooping('crash-0'),
      (s) => (s.statefulSets?.find((x) => x.metadata?.name === 'held')?.status?.updatedReplicas === 1 && s.statefulSets.find((x) => x.metadata?.name === 'held')?.status?.readyReplicas === 2 ? undefined : 'held: 1 updated, 2 ready'),
      (s) => (s.statefulSets?.find((x) => x.metadata?.name === 'scaled')?.status?.replicas === 0 && s.pods.every((p) => !p.metadata?.name?.startsWith('scaled-')) ? undefined : 'scaled: no pods'),
      (s) => {
        const st = s.statefulSets?.find((x) => x.metadata?.name === 'mid');
        return st?.status?.updatedReplicas === 1 && st.status.readyReplicas === 2 && st.status.observedGeneration === st.metadata?.generation ? undefined : 'mid: 1 updated, 2 ready';
      },
    ),
    checks: [],
  },
  {
    name: 'statefulset-ondelete',
    description: 'StatefulSets with updateStrategy OnDelete, template changed: lazy (no pod deleted: both pods on the old revision); redone (both pods deleted, recreated on the new revision; the controller leaves currentRevision as it was)',
    manifests: [statefulSet('lazy', { updateStrategy: { type: 'OnDelete' } }, env('1')), statefulSet('redone', { updateStrategy: { type: 'OnDelete' } }, env('1'))],
    steps: [
      { what: 'a new template for both', after: all(stsReady('lazy', 2), stsReady('redone', 2)), apply: [statefulSet('lazy', { updateStrategy: { type: 'OnDelete' } }, env('2')), statefulSet('redone', { updateStrategy: { type: 'OnDelete' } }, env('2'))] },
      { what: 'redone: delete both pods', after: all(newRevision('lazy'), newRevision('redone')), kubectl: ['delete', 'pod', 'redone-0', 'redone-1', '--wait=true'] },
    ],
    until: all(newRevision('lazy'), (s) => {
      const st = s.statefulSets?.find((x) => x.metadata?.name === 'redone')?.status;
      return st?.updatedReplicas === 2 && st.readyReplicas === 2 ? undefined : 'redone: 2 updated and ready';
    }),
    checks: [],
  },
  {
    name: 'daemonset',
    description: 'DaemonSets: agent on the one node (rolled out); nowhere (nodeSelector kd-kinds/none=true matches no node: desiredNumberScheduled 0)',
    manifests: [
      object('apps/v1', 'DaemonSet', 'agent', { spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { ...quick, containers: [sleeper] } } } }),
      object('apps/v1', 'DaemonSet', 'nowhere', { spec: { selector: { matchLabels: { app: 'nowhere' } }, template: { metadata: { labels: { app: 'nowhere' } }, spec: { ...quick, nodeSelector: { 'kd-kinds/none': 'true' }, containers: [sleeper] } } } }),
    ],
    until: all(dsAvailable('agent', 1), observed('daemonSets', 'nowhere'), observed('daemonSets', 'agent')),
    checks: [],
  },
  {
    name: 'job',
    description: 'Jobs: migrate (printed a line, Complete); broken (exit 1, backoffLimit 0: Failed); paused (suspend: true); slow (sleep 3600, still running)',
    manifests: [
      job('migrate', 'echo "migrating schema"; echo "migration done: 3 tables"'),
      job('broken', 'echo "cannot reach db" >&2; exit 1', { backoffLimit: 0 }),
      job('paused', 'echo never', { suspend: true }),
      job('slow', 'echo "working"; sleep 3600'),
    ],
    until: all(jobCondition('migrate', 'Complete'), jobCondition('broken', 'Failed'), jobRunning('slow')),
    checks: [check('migrate-log', 'logContains', { workload: { kind: 'Job', name: 'migrate' }, matches: 'migration done' }), check('migrate-log-tail', 'logContains', { workload: { kind: 'Job', name: 'migrate' }, matches: 'migrating', tail: 1 })],
  },
  {
    name: 'cronjob',
    description: 'CronJobs: nightly (yearly schedule) with Job nightly-manual made by `kubectl create job --from=cronjob/nightly`, Complete; idle (no Job yet)',
    manifests: [
      object('batch/v1', 'CronJob', 'nightly', { spec: { schedule: '0 3 1 1 *', jobTemplate: { spec: { backoffLimit: 0, template: { spec: { ...quick, restartPolicy: 'Never', containers: [{ name: 'main', image, command: ['sh', '-c', 'echo "report written to /tmp/report.txt"'] }] } } } } } }),
      object('batch/v1', 'CronJob', 'idle', { spec: { schedule: '0 3 1 1 *', jobTemplate: { spec: { template: { spec: { ...quick, restartPolicy: 'Never', containers: [{ ...sleeper }] } } } } } }),
    ],
    steps: [{ what: 'kubectl create job nightly-manual --from=cronjob/nightly', after: () => undefined, kubectl: ['create', 'job', 'nightly-manual', '--from=cronjob/nightly'] }],
    until: jobCondition('nightly-manual', 'Complete'),
    checks: [check('nightly-log', 'logContains', { workload: { kind: 'CronJob', name: 'nightly' }, matches: 'report written' })],
  },
  {
    name: 'pod',
    description: 'bare Pods: solo (sleep, Running and Ready); crashy (exit 1, restartPolicy Always: CrashLoopBackOff); done (exit 0, restartPolicy Never: Succeeded)',
    manifests: [
      object('v1', 'Pod', 'solo', { metadata: { name: 'solo', labels: { app: 'solo' } }, spec: { ...quick, containers: [sleeper] } }),
      object('v1', 'Pod', 'crashy', { spec: { ...quick, containers: [{ name: 'main', image, command: ['sh', '-c', 'echo "config missing"; exit 1'] }] } }),
      object('v1', 'Pod', 'done', { spec: { ...quick, restartPolicy: 'Never', containers: [{ name: 'main', image, command: ['sh', '-c', 'echo finished'] }] } }),
    ],
    until: all(podPhase('solo', 'Running', true), backingOff('crashy'), podPhase('done', 'Succeeded')),
    checks: [check('crashy-previous-log', 'logContains', { workload: { kind: 'Pod', name: 'crashy' }, previous: true, matches: 'config missing' })],
  },
  {
    name: 'volumes',
    description: 'claims: data pre-bound by hostPath PersistentVolume kd-kinds-pv-data (class kd-kinds-manual, claimRef) and Bound; wanting (class kd-kinds-nobody, which nothing serves: Pending)',
    manifests: [
      object('v1', 'PersistentVolume', 'kd-kinds-pv-data', {
        spec: {
          capacity: { storage: '1Gi' },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: 'kd-kinds-manual',
          hostPath: { path: '/tmp/kd-kinds-pv/data', type: 'DirectoryOrCreate' },
          claimRef: { namespace: 'kd-kinds-volumes', name: 'data' },
        },
      }),
      object('v1', 'PersistentVolumeClaim', 'data', { spec: { storageClassName: 'kd-kinds-manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }),
      object('v1', 'PersistentVolumeClaim', 'wanting', { spec: { storageClassName: 'kd-kinds-nobody', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }),
    ],
    until: all(claim('data', 'Bound'), claim('wanting', 'Pending'), (s) => (s.persistentVolumes?.find((v) => v.metadata?.name === 'kd-kinds-pv-data')?.status?.phase === 'Bound' ? undefined : 'PV Bound')),
    checks: [],
  },
  {
    name: 'logs',
    description: 'Deployments with sidecars: web (2 pods; app prints "app started", sidecar tailer prints "sidecar ready"); quiet (sidecar shipper prints nothing); flaky (prints "boot attempt: config missing", exits 1: CrashLoopBackOff)',
    manifests: [
      deploymentOf('web', 2, [
        { name: 'app', image, command: ['sh', '-c', 'echo "app started on :8080"; sleep 3600'] },
        { name: 'tailer', image, command: ['sh', '-c', 'echo "sidecar ready: tailing /var/log/app"; sleep 3600'] },
      ]),
      deploymentOf('quiet', 1, [
        { name: 'app', image, command: ['sh', '-c', 'echo "app started on :8080"; sleep 3600'] },
        { name: 'shipper', image, command: ['sh', '-c', 'sleep 3600'] },
      ]),
      deploymentOf('flaky', 1, [{ name: 'app', image, command: ['sh', '-c', 'echo "boot attempt: config missing"; exit 1'] }]),
    ],
    until: all(deploymentPodsRunning('web', 2, allRunning), deploymentPodsRunning('quiet', 1, allRunning), deploymentPodsRunning('flaky', 1, restartedInBackOff)),
    checks: [
      check('web-sidecar', 'logContains', { workload: 'web', container: 'tailer', matches: 'sidecar ready' }),
      check('web-app', 'logContains', { workload: 'web', matches: 'app started' }),
      check('web-app-named', 'logContains', { workload: 'web', container: 'app', matches: 'app started' }),
      check('web-sidecar-tail', 'logContains', { workload: 'web', container: 'tailer', tail: 1, matches: 'sidecar ready' }),
      check('quiet-shipper', 'logContains', { workload: 'quiet', container: 'shipper', matches: 'shipped' }),
      check('flaky-previous', 'logContains', { workload: 'flaky', previous: true, matches: 'config missing' }),
    ],
  },
  {
    name: 'logs-previous',
    description: 'Deployment flaky (prints "boot attempt: config missing", exits 1) caught with its current instance terminated and not yet restarted: the kubelet has removed the instance before it, which --previous names',
    manifests: [deploymentOf('flaky', 1, [{ name: 'app', image, command: ['sh', '-c', 'echo "boot attempt: config missing"; exit 1'] }])],
    until: deploymentPodsRunning('flaky', 1, (p) => (p.status?.containerStatuses ?? []).some((c) => (c.restartCount ?? 0) >= 2 && c.state?.terminated !== undefined)),
    checks: [
      check('flaky-previous', 'logContains', { workload: 'flaky', previous: true, matches: 'config missing' }),
      check('flaky-current', 'logContains', { workload: 'flaky', matches: 'config missing' }),
    ],
  },
  {
    name: 'access',
    description: 'RBAC: ServiceAccount reader with Role read-config (get configmaps) bound by RoleBinding reader-read-config; ServiceAccount nobody without bindings; Secret app-env; namespace labelled team=platform',
    namespaceLabels: { team: 'platform' },
    manifests: [
      object('v1', 'ServiceAccount', 'reader', {}),
      object('v1', 'ServiceAccount', 'nobody', {}),
      object('rbac.authorization.k8s.io/v1', 'Role', 'read-config', { rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] }),
      object('rbac.authorization.k8s.io/v1', 'RoleBinding', 'reader-read-config', {
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'read-config' },
        subjects: [{ kind: 'ServiceAccount', name: 'reader', namespace: 'kd-kinds-access' }],
      }),
      object('v1', 'Secret', 'app-env', { type: 'Opaque', stringData: { 'app.env': 'MODE=prod\nDB_PASSWORD=s3cr3t-value\n' } }),
    ],
    until: (s) => (s.roleBindings?.some((b) => b.metadata?.name === 'reader-read-config') ? undefined : 'RoleBinding'),
    checks: [
      check('reader-get-cm', 'accessReview', { serviceAccount: 'reader', verbs: ['get'], resources: ['configmaps'], expect: 'allowed' }),
      check('reader-get-cm-named', 'accessReview', { serviceAccount: 'reader', verbs: ['get'], resources: ['configmaps'], resourceName: 'settings', expect: 'allowed' }),
      check('reader-get-cm-cluster', 'accessReview', { serviceAccount: 'reader', verbs: ['get'], resources: ['configmaps'], in: ['cluster'], expect: 'denied' }),
      check('reader-get-deployments', 'accessReview', { serviceAccount: 'reader', verbs: ['get'], resources: ['deployments'], group: 'apps', expect: 'denied' }),
      // "this much and nothing more": every other verb on configmaps, every verb on secrets.
      check('reader-nothing-more', 'accessReview', { serviceAccount: 'reader', verbs: ['list', 'watch', 'create', 'update', 'patch', 'delete'], resources: ['configmaps', 'secrets'], expect: 'denied' }),
      check('reader-get-secrets', 'accessReview', { serviceAccount: 'reader', verbs: ['get'], resources: ['secrets'], expect: 'denied' }),
      check('nobody-get-cm', 'accessReview', { serviceAccount: 'nobody', verbs: ['get', 'list'], resources: ['configmaps'], expect: 'denied' }),
    ],
  },
];

function deploymentOf(name: string, replicas: number, containers: unknown[]): KubeObject {
  return object('apps/v1', 'Deployment', name, { spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { ...quick, containers } } } });
}
