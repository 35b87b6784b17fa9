import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../grader/types.ts';
import type { LoadedObject } from './manifests.ts';
import { scenarioSpec } from './schema.ts';
import { specProblems } from './spec-rules.ts';

/** A manifest object as the loader hands it over. */
function loaded(kind: string, name: string, spec: Record<string, unknown> = {}): LoadedObject {
  const object = { apiVersion: 'v1', kind, metadata: { name }, spec } as KubeObject;
  return { file: '/s/manifests/x.yaml', object, label: `${kind}/${name}`, lineOf: () => undefined };
}

const pod = (containers: string[], init: string[] = []): Record<string, unknown> => ({
  containers: containers.map((name) => ({ name, image: 'busybox:1.36' })),
  initContainers: init.map((name) => ({ name, image: 'busybox:1.36' })),
});

// inject[0] applies app into main, inject[1] waits for api, inject[2] applies data into role `data`.
const objectsByStep = new Map<number, LoadedObject[]>([
  [0, [loaded('Deployment', 'api', { template: { spec: pod(['api'], ['setup']) } }), loaded('Job', 'migrate', { template: { spec: pod(['migrate']) } }), loaded('CronJob', 'nightly', { jobTemplate: { spec: { template: { spec: pod(['report']) } } } }), loaded('ServiceAccount', 'reporter')]],
  [2, [loaded('StatefulSet', 'db', { replicas: 2, template: { spec: pod(['db']) }, volumeClaimTemplates: [{ metadata: { name: 'data' } }] }), loaded('PersistentVolumeClaim', 'scratch'), loaded('ServiceAccount', 'backup')]],
]);

/** The problems of a small two-namespace scenario with `extra` merged in (checks replace the valid one). */
function problemsOf(extra: Record<string, unknown>): { fieldPath: string; detail: string }[] {
  const spec = scenarioSpec.parse({
    id: 'rules',
    title: 'Rules',
    domain: 'troubleshooting',
    difficulty: 'easy',
    weight: 1,
    timeLimit: '5m',
    namespace: 'rules',
    namespaces: { data: { name: 'rules-data', labels: { tier: 'data' } } },
    brief: 'Fix it.',
    hints: ['one', 'two', 'three'],
    explanation: 'a\nb\nc\n',
    inject: [{ apply: 'manifests/app.yaml' }, { waitFor: { workload: 'api', condition: 'Available' } }, { apply: 'manifests/data.yaml', namespace: 'data' }],
    symptom: { description: 'api is not Ready', any: [{ kind: 'podNotReady', workload: 'api' }] },
    checks: [{ id: 'api-healthy', description: 'api is healthy', kind: 'podsHealthy', workload: 'api' }],
    ...extra,
  });
  const doc = { value: spec, lineOf: () => undefined };
  return specProblems({ spec, folder: 'rules', file: '/s/scenario.yaml', doc, objectsByStep, manifestsComplete: true }).map(({ fieldPath, detail }) => ({ fieldPath, detail }));
}

const check = (fields: Record<string, unknown>): Record<string, unknown> => ({ checks: [{ id: 'c', description: 'c', ...fields }] });
const job = { kind: 'Job', name: 'migrate' };
const db = { kind: 'StatefulSet', name: 'db' };

describe('specProblems', () => {
  it.each([
    ['the base scenario', {}],
    ['a StatefulSet of another role', check({ kind: 'rolloutComplete', namespace: 'data', workload: db, replicas: 2 })],
    ['jobComplete on a CronJob', check({ kind: 'jobComplete', workload: { kind: 'CronJob', name: 'nightly' } })],
    ['the logs of an init container', check({ kind: 'logContains', workload: 'api', container: 'setup', matches: 'done' })],
    ['the claim of a StatefulSet replica', check({ kind: 'claimBound', namespace: 'data', name: 'data-db-1' })],
    ['a claim of the manifests', check({ kind: 'claimBound', namespace: 'data', name: 'scratch' })],
    ['the default ServiceAccount', check({ kind: 'accessReview', serviceAccount: 'default', verbs: ['get'], resources: ['pods'], expect: 'denied' })],
    ['access asked in another role and cluster-wide', { checks: ['data', 'cluster'].map((role) => ({ id: `in-${role}`, description: 'd', kind: 'accessReview', serviceAccount: 'reporter', verbs: ['get'], resources: ['pods'], in: [role], expect: 'denied' })) }],
    ['an injected label kept by a gate', check({ kind: 'namespaceLabel', namespace: 'data', label: 'tier', value: 'data', gate: true })],
    ['a label the learner sets', check({ kind: 'namespaceLabel', label: 'tier', value: 'web' })],
  ])('accepts %s', (_, extra) => {
    expect(problemsOf(extra)).toEqual([]);
  });

  it.each([
    ['a workload applied into another role', check({ kind: 'podsHealthy', workload: db }), 'checks[0].workload', 'names no StatefulSet of the manifests: "db" (it is applied into namespace role data)'],
    ['a bare name for a StatefulSet', check({ kind: 'podsHealthy', namespace: 'data', workload: 'db' }), 'checks[0].workload', 'a bare name is a Deployment: write {kind: StatefulSet, name: db}'],
    ['a bare name for a Job', check({ kind: 'jobComplete', workload: 'migrate' }), 'checks[0].workload', 'saw a Deployment: a bare name is a Deployment: write {kind: Job, name: migrate}'],
    ['jobComplete on a Deployment', check({ kind: 'jobComplete', workload: 'api' }), 'checks[0].workload', 'expected a Job or CronJob (what jobComplete judges), saw a Deployment'],
    ['podsHealthy on a CronJob', check({ kind: 'podsHealthy', workload: { kind: 'CronJob', name: 'nightly' } }), 'checks[0].workload', 'saw a CronJob: use jobComplete or logContains'],
    ['restartsStable on a Job', check({ kind: 'restartsStable', workload: job }), 'checks[0].workload', 'expected a Deployment, StatefulSet, DaemonSet or Pod (what restartsStable judges), saw a Job'],
    ['a probe from a Job', check({ kind: 'networkReachable', from: job, host: 'api', port: 80, expect: 'reachable' }), 'checks[0].from', 'saw a Job'],
    ['waitFor on a StatefulSet not yet applied', { inject: [{ apply: 'manifests/app.yaml' }, { waitFor: { workload: db, condition: 'Available', namespace: 'data' } }, { apply: 'manifests/data.yaml', namespace: 'data' }] }, 'inject[1].waitFor.workload', 'StatefulSet db is not applied by an earlier step applied into namespace role data'],
    ['waitFor on a Job', { inject: [{ apply: 'manifests/app.yaml' }, { waitFor: { workload: { kind: 'Job', name: 'migrate' }, condition: 'Available' } }, { apply: 'manifests/data.yaml', namespace: 'data' }] }, 'inject[1].waitFor.workload', 'expected a Deployment or StatefulSet (waitFor waits for a Deployment\'s condition Available, a StatefulSet\'s replicas ready on one revision), saw Job "migrate"'],
    ['waitFor in the wrong role', { inject: [{ apply: 'manifests/app.yaml' }, { waitFor: { workload: 'api', condition: 'Available', namespace: 'data' } }, { apply: 'manifests/data.yaml', namespace: 'data' }] }, 'inject[1].waitFor.workload', 'names no Deployment of the manifests applied into namespace role data: "api" (it is applied into namespace role main)'],
    ['an unknown container', check({ kind: 'fileContent', workload: 'api', container: 'app', path: '/x', matches: 'x' }), 'checks[0].container', 'Deployment/api has no container "app" (containers: api)'],
    ['exec into an init container', check({ kind: 'fileContent', workload: 'api', container: 'setup', path: '/x', matches: 'x' }), 'checks[0].container', '"setup" is an init container of Deployment/api: fileContent reads spec containers (api)'],
    ['a CronJob container', check({ kind: 'logContains', workload: { kind: 'CronJob', name: 'nightly' }, container: 'nightly', matches: 'x' }), 'checks[0].container', 'CronJob/nightly has no container "nightly" (containers: report)'],
    ['an unknown check role', check({ kind: 'podsHealthy', namespace: 'cache', workload: 'api' }), 'checks[0].namespace', 'names no namespace role: "cache" (expected main or a key of namespaces: main, data)'],
    ['an unknown accessReview role', check({ kind: 'accessReview', serviceAccount: 'reporter', verbs: ['get'], resources: ['pods'], in: ['cache'], expect: 'denied' }), 'checks[0].in[0]', 'expected main, cluster or a key of namespaces'],
    ['an unknown waitFor role', { inject: [{ apply: 'manifests/app.yaml' }, { waitFor: { workload: 'api', condition: 'Available', namespace: 'db' } }, { apply: 'manifests/data.yaml', namespace: 'data' }] }, 'inject[1].waitFor.namespace', 'names no namespace role: "db"'],
    ['a role named main', { namespaces: { data: { name: 'rules-data' }, main: { name: 'rules-main' } } }, 'namespaces.main', "main is the scenario's own namespace"],
    ['a role named cluster', { namespaces: { data: { name: 'rules-data' }, cluster: { name: 'rules-all' } } }, 'namespaces.cluster', 'cluster means cluster-wide'],
    ['two roles on one namespace', { namespaces: { data: { name: 'rules-data' }, cache: { name: 'rules-data' } } }, 'namespaces.cache.name', 'expected a namespace of its own, saw "rules-data", already namespaces.data.name'],
    ['an invalid log regex', check({ kind: 'logContains', workload: 'api', matches: '(' }), 'checks[0].matches', 'not a valid regular expression'],
    ['a ServiceAccount of another role', check({ kind: 'accessReview', serviceAccount: 'backup', verbs: ['get'], resources: ['pods'], in: ['data'], expect: 'denied' }), 'checks[0].serviceAccount', 'names no ServiceAccount the manifests create: "backup" (it is applied into namespace role data)'],
    ['an unknown ServiceAccount in a role', check({ kind: 'accessReview', namespace: 'data', serviceAccount: 'reporter', verbs: ['get'], resources: ['pods'], expect: 'denied' }), 'checks[0].serviceAccount', 'applied into namespace role data: "reporter" (it is applied into namespace role main)'],
    ['a replica the StatefulSet does not have', check({ kind: 'claimBound', namespace: 'data', name: 'data-db-2' }), 'checks[0].name', '"data-db-2" (PersistentVolumeClaims there: data-db-0, data-db-1, scratch)'],
    ['an injected label that earns points', check({ kind: 'namespaceLabel', namespace: 'data', label: 'tier', value: 'data' }), 'checks[0].gate', 'expected true: tier=data is set at injection (namespaces.data.labels)'],
    ['objectUnchanged in another role', check({ kind: 'objectUnchanged', namespace: 'data', object: { kind: 'Deployment', name: 'db' } }), 'checks[0].namespace', 'expected main: objectUnchanged compares with what injection recorded'],
    ['objectUnchanged of a kind never recorded', check({ kind: 'objectUnchanged', object: { kind: 'ReplicaSet', name: 'api-1' } }), 'checks[0].object', '(the kinds recorded at injection), saw ReplicaSet'],
  ])('reports %s', (_, extra, fieldPath, text) => {
    expect(problemsOf(extra)).toEqual([{ fieldPath, detail: expect.stringContaining(text) as unknown }]);
  });

  it('looks nothing up in a scenario whose apply step names an unknown role', () => {
    const problems = problemsOf({ inject: [{ apply: 'manifests/app.yaml', namespace: 'app' }], ...check({ kind: 'podsHealthy', workload: 'gone' }) });
    expect(problems.map((p) => p.fieldPath)).toEqual(['inject[0].namespace']);
  });
});
