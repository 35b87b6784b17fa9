import { describe, expect, it } from 'vitest';
import type { V1ClusterRoleBinding, V1PersistentVolume } from '@kubernetes/client-node';
import { withNamespaceSuffix } from './cluster-names.ts';
import { genericShortcuts, namespaceVariable } from './generic-shortcuts.ts';
import { learnerClusterObjects, learnerNodeLabels, leftovers } from './cleanup.ts';
import { symptomKinds } from './symptom.ts';
import { namespaceVariables } from './verify.ts';
import type { ScenarioView } from './scenario-view.ts';
import { snapshotKinds, BASE_KINDS } from '../kube/kinds.ts';
import { type ClusterObjects, type Kube } from '../kube/client.ts';
import { concerning } from '../kube/snapshot.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { KubeObject, Snapshot } from '../../grader/types.ts';
import type { CheckSpec } from '../scenario/schema.ts';

const pv: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'eb-pv' }, spec: { claimRef: { namespace: 'eb-data', name: 'data-db-0' } } };
const binding: KubeObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, subjects: [{ kind: 'ServiceAccount', name: 'reporter', namespace: 'eb-app' }] };
const sts: KubeObject = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { template: { spec: { containers: [{ name: 'db', image: 'busybox:1.36' }] } } } };
const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' }, spec: { template: { spec: { containers: [{ name: 'migrate', image: 'busybox:1.36' }] } } } };
const check = (c: Record<string, unknown>): CheckSpec => ({ description: 'd', points: 1, gate: false, ...c }) as CheckSpec;

const view: ScenarioView = {
  id: 'eb',
  exclusive: true,
  namespace: 'eb-app',
  namespaces: { data: { name: 'eb-data', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } },
  namespaceLabels: {},
  preconditions: [],
  inject: [{ apply: 'manifests/app.yaml' }, { apply: 'manifests/data.yaml', namespace: 'data' }],
  symptom: { description: 'x', timeout: '60s', all: [{ kind: 'podWaiting', workload: { kind: 'Job', name: 'migrate', identity: 'uid' }, reasons: ['CreateContainerConfigError'] }], any: [] },
  checks: [
    check({ id: 'job', kind: 'jobComplete', workload: { kind: 'Job', name: 'migrate', identity: 'name' } }),
    check({ id: 'db', kind: 'rolloutComplete', namespace: 'data', workload: { kind: 'StatefulSet', name: 'db', identity: 'uid' }, replicas: 1 }),
    check({ id: 'reach', kind: 'accessReview', serviceAccount: 'reporter', verb: 'get', resource: 'configmaps', group: '', in: 'data', expect: 'denied' }),
    check({ id: 'host', kind: 'fileContent', workload: 'web', path: '/etc/hosts', matches: 'db.eb-data.svc' }),
  ],
  manifests: [
    { file: 'manifests/app.yaml', path: '/s/manifests/app.yaml', objects: [job, binding] },
    { file: 'manifests/data.yaml', path: '/s/manifests/data.yaml', objects: [pv, sts] },
  ],
  injected: [job, binding, pv, sts],
};

describe('snapshotKinds', () => {
  it('reads the base kinds plus the list of every kind the manifests create and the checks name or read', () => {
    const kinds = snapshotKinds(view);
    expect(kinds.slice(0, BASE_KINDS.length)).toEqual([...BASE_KINDS]);
    expect(kinds).toEqual(expect.arrayContaining(['jobs', 'roleBindings', 'persistentVolumes', 'statefulSets', 'serviceAccounts']));
    expect(kinds).not.toContain('secrets');
    expect(kinds).not.toContain('cronJobs');
  });

  it('a CronJob reads its Jobs too', () => {
    const kinds = snapshotKinds({ injected: [], checks: [{ kind: 'jobComplete', workload: { kind: 'CronJob', name: 'nightly' } }] });
    expect(kinds).toEqual(expect.arrayContaining(['cronJobs', 'jobs']));
  });

  it('a scenario of Deployments alone reads what it always did', () => {
    expect(snapshotKinds({ injected: [{ kind: 'Deployment' }, { kind: 'Service' }], checks: [{ kind: 'rolloutComplete', workload: 'api' }] })).toEqual([...BASE_KINDS]);
  });

  it('the symptom reads a Job list only when an observation names a Job', () => {
    expect(symptomKinds(view)).toEqual(['deployments', 'replicaSets', 'pods', 'events', 'jobs']);
    expect(symptomKinds({ symptom: { ...view.symptom, all: [{ kind: 'podNotReady', workload: 'api' }] } })).toEqual(['deployments', 'replicaSets', 'pods', 'events']);
  });
});

describe('withNamespaceSuffix', () => {
  const { scenario, namespaces } = withNamespaceSuffix(view, '-v1');
  it('names each namespace of the case', () => {
    expect(namespaces).toEqual({ data: 'eb-data-v1' });
  });
  it('renames namespace names where manifests and checks spell them, between dots too', () => {
    expect((scenario.injected[2]!.spec as { claimRef: { namespace: string } }).claimRef.namespace).toBe('eb-data-v1');
    expect((scenario.injected[1] as unknown as { subjects: Array<{ namespace: string }> }).subjects[0]!.namespace).toBe('eb-app-v1');
    expect(scenario.checks[3]).toMatchObject({ matches: 'db.eb-data-v1.svc' });
  });
  it('leaves roles (check and step namespace, accessReview in) as written', () => {
    expect(scenario.checks[1]).toMatchObject({ namespace: 'data' });
    expect(scenario.checks[2]).toMatchObject({ in: 'data' });
    expect(scenario.checks[0]).not.toHaveProperty('namespace');
  });
  it('a one-namespace scenario changes only fields called namespace that name it (a RoleBinding subject)', () => {
    const single = { ...view, namespaces: {} };
    const { scenario: renamed, namespaces: none } = withNamespaceSuffix(single, '-v1');
    expect(none).toEqual({});
    const subject = (s: typeof single): unknown => (s.manifests[0]!.objects[1] as unknown as { subjects: unknown[] }).subjects[0];
    expect(subject(renamed)).toEqual({ kind: 'ServiceAccount', name: 'reporter', namespace: 'eb-app-v1' });
    // Everything else as written: the scenario's own namespace field, checks, symptom, the other objects.
    const back = JSON.parse(JSON.stringify(renamed).replaceAll('"namespace":"eb-app-v1"', '"namespace":"eb-app"')) as unknown;
    expect(back).toEqual(JSON.parse(JSON.stringify(single)));
  });
  it('scripts name each other namespace as $NS_<ROLE>', () => {
    expect(namespaceVariables(namespaces)).toEqual({ NS_DATA: 'eb-data-v1' });
    expect(namespaceVariable(undefined)).toBe('$NS');
    expect(namespaceVariable('data')).toBe('$NS_DATA');
  });
});

describe('generic shortcuts for every workload kind', () => {
  const cases = genericShortcuts({ checks: view.checks, injected: view.injected, keep: [], solution: '/s/solution.sh' });
  const byName = Object.fromEntries(cases.map((c) => [c.name, c]));
  it('a Job: delete it, and recreate it doing nothing (its template is immutable)', () => {
    expect(byName['generic-delete-job-migrate']?.inline).toBe('kubectl -n "$NS" delete job migrate --wait=false');
    expect(byName['generic-empty-job-migrate']?.inline).toContain('create job migrate --image=busybox:1.36 -- true');
  });
  it('a StatefulSet in another namespace: delete, scale to 0, sleep, decoy image, in $NS_DATA', () => {
    expect(Object.keys(byName).filter((n) => n.endsWith('statefulset-db')).sort()).toEqual(['generic-delete-statefulset-db', 'generic-image-statefulset-db', 'generic-scale0-statefulset-db', 'generic-sleep-statefulset-db']);
    expect(byName['generic-scale0-statefulset-db']?.inline).toBe('kubectl -n "$NS_DATA" scale statefulset db --replicas=0');
    expect(byName['generic-sleep-statefulset-db']?.inline).toContain('"name":"db"');
  });
});

describe('concerning: cluster-scoped reads keep what concerns the namespace', () => {
  it('PVs claimed from it, bindings naming its ServiceAccounts, the roles and classes those use', () => {
    const snap = {
      namespace: 'eb-data',
      persistentVolumes: [{ metadata: { name: 'mine' }, spec: { claimRef: { namespace: 'eb-data' }, storageClassName: 'manual' } }, { metadata: { name: 'theirs' }, spec: { claimRef: { namespace: 'other' } } }],
      persistentVolumeClaims: [],
      roleBindings: [{ metadata: { name: 'rb' }, roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: '' } }],
      clusterRoleBindings: [
        { metadata: { name: 'ours' }, roleRef: { kind: 'ClusterRole', name: 'edit', apiGroup: '' }, subjects: [{ kind: 'ServiceAccount', name: 'x', namespace: 'eb-data' }] },
        { metadata: { name: 'system' }, roleRef: { kind: 'ClusterRole', name: 'system:node', apiGroup: '' }, subjects: [{ kind: 'Group', name: 'system:nodes' }] },
      ],
      clusterRoles: [{ metadata: { name: 'view' } }, { metadata: { name: 'edit' } }, { metadata: { name: 'admin' } }],
      storageClasses: [{ metadata: { name: 'manual' } }, { metadata: { name: 'fast' } }],
    } as unknown as Snapshot;
    const seen = concerning(snap);
    const names = (list: Array<{ metadata?: { name?: string } }> | undefined) => (list ?? []).map((o) => o.metadata?.name);
    expect(names(seen.persistentVolumes)).toEqual(['mine']);
    expect(names(seen.clusterRoleBindings)).toEqual(['ours']);
    expect(names(seen.clusterRoles)).toEqual(['view', 'edit']);
    expect(names(seen.storageClasses)).toEqual(['manual']);
  });
});

describe('cleanup outside the namespace', () => {
  const started = '2026-12-02T10:00:00Z';
  const before = '2026-12-02T09:00:00Z';
  const after = '2026-12-02T10:05:00Z';
  const crb = (name: string, at: string, ns: string, role = 'cluster-admin'): V1ClusterRoleBinding => ({ metadata: { name, creationTimestamp: at as unknown as Date }, roleRef: { kind: 'ClusterRole', name: role, apiGroup: '' }, subjects: [{ kind: 'ServiceAccount', name: 'reporter', namespace: ns }] });
  const volume = (name: string, at: string, ns: string, labels?: Record<string, string>): V1PersistentVolume => ({ metadata: { name, creationTimestamp: at as unknown as Date, ...(labels ? { labels } : {}) }, spec: { claimRef: { namespace: ns } } });
  const objects: ClusterObjects = {
    clusterRoleBindings: [crb('learner-admin', after, 'eb-app'), crb('learner-custom', after, 'eb-data', 'learner-role'), crb('old', before, 'eb-app'), crb('other-attempt', after, 'x-app')],
    clusterRoles: [{ metadata: { name: 'learner-role', creationTimestamp: after as unknown as Date } }, { metadata: { name: 'cluster-admin', creationTimestamp: before as unknown as Date } }],
    persistentVolumes: [volume('injected', after, 'eb-data', { 'kubedrill.io/attempt-namespace': 'eb-app' }), volume('learner-pv', after, 'eb-data'), volume('preexisting', before, 'eb-data')],
    storageClasses: [],
    priorityClasses: [],
  };
  const kube = { listClusterObjects: async () => objects, snapshot: async () => ({ roleBindings: [] }) } as unknown as Kube;
  const record: AttemptRecord = { scenario: 'eb', namespace: 'eb-app', namespaces: { data: 'eb-data' }, startedAt: started, hintsUsed: 0, revealed: false, fingerprint: {}, nodeResources: [], clusterObjects: [{ kind: 'PersistentVolume', name: 'injected' }], state: 'active' };

  it('finds what the learner made for the attempt after it began, not what was there or is another attempt\'s', async () => {
    expect(await learnerClusterObjects(kube, record)).toEqual([
      { kind: 'ClusterRoleBinding', name: 'learner-admin' },
      { kind: 'ClusterRoleBinding', name: 'learner-custom' },
      { kind: 'ClusterRole', name: 'learner-role' },
      { kind: 'PersistentVolume', name: 'learner-pv' },
    ]);
  });

  it('the sweep names what still stands for a run\'s namespaces', async () => {
    const left = await leftovers(kube, new Set(['eb-app', 'eb-data']));
    expect(left.map((l) => `${l.kind}/${l.name}`)).toEqual(['PersistentVolume/injected', 'PersistentVolume/learner-pv', 'PersistentVolume/preexisting', 'ClusterRoleBinding/learner-admin', 'ClusterRoleBinding/learner-custom', 'ClusterRoleBinding/old']);
    expect(left[0]!.why).toBe('labelled for namespace eb-app');
    expect(await leftovers(kube, new Set(['y-app']))).toEqual([]);
  });
});

describe('node labels a learner changed for the attempt', () => {
  it('puts back what the workloads\' node constraints name, as the node carried it at the start; leaves the rest', async () => {
    const node = { metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1', 'kubedrill.io/storage': 'ssd', 'team/fast': 'yes', 'zone': 'b', 'other/attempt': 'x' } } };
    const deployment = { spec: { template: { spec: { nodeSelector: { 'kubedrill.io/storage': 'ssd', 'team/fast': 'yes' }, affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] } } } } } } };
    const kube = { listNodes: async () => [node], snapshot: async () => ({ deployments: [deployment] }) } as unknown as Kube;
    const record: AttemptRecord = {
      scenario: 's', namespace: 'selector', startedAt: '2026-12-02T10:00:00Z', hintsUsed: 0, revealed: false, nodeResources: [], clusterObjects: [], state: 'active',
      nodeLabels: [{ node: 'n1', key: 'kubedrill.io/storage' }],
      fingerprint: { 'NodeLabel/n1/kubernetes.io/hostname': 'n1', 'NodeLabel/n1/kubedrill.io/storage': 'ssd', 'NodeLabel/n1/zone': 'a' },
    };
    expect(await learnerNodeLabels(kube, record)).toEqual([
      { node: 'n1', key: 'team/fast', value: null },
      { node: 'n1', key: 'zone', value: 'a' },
    ]);
    expect(await learnerNodeLabels(kube, { ...record, fingerprint: {} })).toEqual([]);
  });
});
