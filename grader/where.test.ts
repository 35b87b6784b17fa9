import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkSpec } from '../src/scenario/schema.ts';
import type { CheckSpec } from '../src/scenario/schema.ts';
import { asRecorded } from '../src/engine/record.ts';
import { loadAll } from '../src/scenario/load.ts';
import { pod, running, snapshot, terminated, waiting, workload } from './fixtures/builders.ts';
import type { PodOptions } from './fixtures/builders.ts';
import { fixtureContext, loadFixture } from './fixtures/replay.ts';
import { check, context } from './fixtures/test-context.ts';
import { grade } from './index.ts';
import { problemPath } from './pod-state.ts';
import type { KubeObject, Snapshot, Verdict, Where } from './types.ts';
import { checkWhere } from './where.ts';

/** One spec of every check kind, about workload api (the kind → params table is checked against the schema below). */
const oneOfEach: CheckSpec[] = [
  check('rolloutComplete', { workload: 'api', replicas: 1 }),
  check('podsHealthy', { workload: 'api' }),
  check('restartsStable', { workload: 'api' }),
  check('noTerminationReason', { workload: 'api', reason: 'OOMKilled' }),
  check('specUnchanged', { workload: 'api', container: 'api', fields: ['image'] }),
  check('fieldCompare', { object: { kind: 'Deployment', name: 'api' }, path: 'spec.replicas', op: 'eq', value: 1 }),
  check('objectExists', { object: { kind: 'Service', name: 'redis' } }),
  check('objectAbsent', { object: { kind: 'Deployment', name: 'api' } }),
  check('objectUnchanged', { object: { kind: 'Deployment', name: 'api' } }),
  check('configMapData', { name: 'settings', key: 'mode', matches: '^production$' }),
  check('networkReachable', { from: 'api', host: 'db', port: 5432, expect: 'reachable' }),
  check('fileContent', { workload: 'api', path: '/etc/x', matches: 'y' }),
  check('priorityOrder', { higher: 'api', lower: 'batch' }),
  check('policyApplies', { policy: 'api-egress', workload: 'api', policyType: 'Egress' }),
  check('policyAllows', { workload: 'api', direction: 'Egress', allow: [{ pods: { app: 'db' }, ports: [{ protocol: 'TCP', port: 5432 }] }], dns: true, plusInjected: true }),
  check('policyPermits', { from: 'api', to: 'db', port: 5432 }),
  check('mountsConfigMap', { workload: 'api', container: 'api', mountPath: '/etc/x', configMap: 'settings' }),
  check('envNamesService', { workload: 'api', variable: 'REDIS_HOST', service: 'redis' }),
  check('jobComplete', { workload: { kind: 'Job', name: 'migrate', identity: 'name' } }),
  check('secretData', { name: 'creds', key: 'token', matches: '^x$' }),
  check('claimBound', { name: 'data' }),
  check('logContains', { workload: 'api', matches: 'ready', previous: false }),
  check('accessReview', { serviceAccount: 'reporter', verbs: ['get'], resources: ['configmaps'], group: '', expect: 'allowed' }),
  check('namespaceLabel', { label: 'pod-security.kubernetes.io/enforce', value: 'restricted' }),
  check('admitted', { workload: 'api' }),
  check('envSource', { workload: 'api', container: 'api', variable: 'DB_PASSWORD', source: { kind: 'Secret', name: 'creds' } }),
  check('fileFromConfigMap', { workload: 'api', container: 'api', path: '/etc/app/app.conf', configMap: 'settings' }),
  check('mainProcess', { workload: 'api', container: 'api', process: 'httpd' }),
  check('writablePaths', { workload: 'api', container: 'api', writable: ['/var/run'], readOnly: ['/'] }),
  check('probe', { workload: 'api', container: 'api', probe: 'liveness', port: 8080 }),
  check('templateEquals', { workload: 'api', injected: 1 }),
  check('logNamesTarget', { workload: 'api', container: 'api', service: 'db' }),
  check('nodeTargeted', { workload: 'api', key: 'kubedrill.io/storage', value: 'ssd' }),
  check('serviceRoutes', { service: 'web', workload: 'api', port: 8080, targetPort: 8080 }),
];

const named = (w: Where | undefined): boolean => typeof w?.kind === 'string' && w.kind.length > 0 && typeof w.name === 'string' && w.name.length > 0;

describe('every verdict carries a where', () => {
  it('the table covers every check kind', () => {
    const kinds = (checkSpec as unknown as { options: { shape: { kind: { value: string } } }[] }).options.map((o) => o.shape.kind.value);
    expect(oneOfEach.map((c) => c.kind).sort()).toEqual(kinds.sort());
  });

  it.each(oneOfEach.map((c) => [c.kind, c] as const))('%s: the default names an object', (_kind, spec) => {
    expect(named(checkWhere(spec))).toBe(true);
  });

  // Passing, failing and throwing (no exec recorded) alike: grade never hands out a verdict without one.
  it.each(oneOfEach.map((c) => [c.kind, c] as const))('%s: graded on a healthy and on an empty namespace', async (_kind, spec) => {
    const api = workload('api', { replicas: 1 });
    const injected = [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: api.deployments?.[0]?.spec } as KubeObject];
    for (const snap of [snapshot(api), snapshot()]) {
      const [verdict] = await grade([spec], context(snap, { injected }));
      expect(named(verdict?.where), JSON.stringify(verdict)).toBe(true);
      if (!['PriorityClass', 'Namespace', 'Node'].includes(verdict?.where.kind ?? '')) expect(verdict?.where.namespace).toBe('drill');
    }
  });
});

const scenarios = new Map((await loadAll()).map((s) => [s.id, asRecorded(s).scenario]));
const recorded = (await readdir(new URL('./fixtures/recorded/', import.meta.url))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const scenarioOf = (fixture: string): string => [...scenarios.keys()].find((id) => fixture.startsWith(`${id}-`)) ?? '';

/** What a check expects, as text a where must never show: compared values, patterns, the injected images, env values and ConfigMap data. */
function expectedValues(checks: CheckSpec[], injected: KubeObject[]): string[] {
  const values: string[] = [];
  for (const c of checks) {
    if (c.kind === 'fieldCompare') values.push(...[c.value].flat().filter((v) => typeof v === 'string').map(String));
    if (c.kind === 'configMapData' || c.kind === 'fileContent') values.push(c.matches);
  }
  for (const o of injected) {
    const containers = ((o as { spec?: { template?: { spec?: { containers?: { image?: string; env?: { value?: string }[] }[] } } } }).spec?.template?.spec?.containers ?? []);
    for (const c of containers) values.push(c.image ?? '', ...(c.env ?? []).map((e) => e.value ?? ''));
    if (o.kind === 'ConfigMap') values.push(...Object.values((o as { data?: Record<string, string> }).data ?? {}));
  }
  return values.filter((v) => v.length >= 3);
}

// A name is the check's own object or one in the snapshot (a name may coincide with a value: Service redis);
// a path, list selectors by name aside, never shows a value.
describe('recorded states: every verdict says where, without expected values', () => {
  it.each(recorded)('%s', async (name) => {
    const scenario = scenarios.get(scenarioOf(name))!;
    const fixture = await loadFixture(`recorded/${name}`);
    const ctx = fixtureContext(fixture);
    const verdicts: Verdict[] = await grade(scenario.checks, ctx);
    const secrets = expectedValues(scenario.checks, fixture.injected);
    const objectNames = ({ takenAt: _t, namespace: _n, namespaceObject: _o, others: _x, ...lists }: Snapshot): (string | undefined)[] =>
      (Object.values(lists) as { metadata?: { name?: string } }[][]).flatMap((list) => list.map((o) => o.metadata?.name));
    const names = new Set([fixture.snapshot, ...Object.values(fixture.snapshot.others ?? {})].flatMap(objectNames));
    for (const [i, v] of verdicts.entries()) {
      // A check on another namespace's object (its `namespace` names a role) says that namespace.
      const role = (scenario.checks[i] as { namespace?: string }).namespace ?? 'main';
      expect(named(v.where), v.id).toBe(true);
      expect(v.where.namespace, v.id).toBe(v.where.kind === 'PriorityClass' || v.where.kind === 'Namespace' ? undefined : ctx.namespaces?.[role]);
      expect(names.has(v.where.name) || v.where.name === checkWhere(scenario.checks[i]!, fixture.snapshot.namespace).name, `${v.id}: ${v.where.name}`).toBe(true);
      const path = (v.where.path ?? '').replace(/\[name=[^\]]*\]/g, '[name=…]');
      for (const secret of secrets) expect(path, `${v.id} shows ${secret}`).not.toContain(secret);
    }
  });
});

// The failure paths set the precise object and field (pod names differ between recordings: matched by pattern).
const precise: [string, string, string, string, RegExp, string | undefined][] = [
  ['crashloop-exit1-broken', 'api-rolled-out', 'crashloop-exit1', 'Deployment', /^api$/, 'status.availableReplicas'],
  ['crashloop-exit1-broken', 'api-pods-healthy', 'crashloop-exit1', 'Pod', /^api-[a-z0-9]+-[a-z0-9]+$/, 'status.containerStatuses[name=api].lastState.terminated'],
  ['crashloop-exit1-broken', 'api-stable', 'crashloop-exit1', 'Pod', /^api-/, 'status.containerStatuses[name=api].lastState.terminated'],
  ['crashloop-exit1-shortcut-bare-pods', 'api-rolled-out', 'crashloop-exit1', 'Deployment', /^api$/, 'spec.replicas'],
  ['crashloop-exit1-shortcut-recreate', 'api-pods-healthy', 'crashloop-exit1', 'Deployment', /^api$/, 'metadata.uid'],
  ['crashloop-exit1-shortcut-skip-the-check', 'api-uses-redis', 'crashloop-exit1', 'Pod', /^api-/, 'spec.containers[name=api].env[name=REDIS_HOST]'],
  ['crashloop-exit1-shortcut-skip-the-check', 'api-spec-unchanged', 'crashloop-exit1', 'Deployment', /^api$/, 'spec.template.spec.containers[name=api].command'],
  ['bad-image-tag-broken', 'frontend-pods-healthy', 'bad-image-tag', 'Pod', /^frontend-/, 'status.containerStatuses[name=frontend].state.waiting'],
  ['bad-image-tag-broken', 'pods-on-working-image', 'bad-image-tag', 'Pod', /^frontend-/, 'spec.containers[name=frontend].image'],
  ['bad-image-tag-shortcut-pause-rollout', 'frontend-rolled-out', 'bad-image-tag', 'Deployment', /^frontend$/, 'spec.paused'],
  ['egress-networkpolicy-broken', 'app-reaches-db', 'egress-networkpolicy', 'Pod', /^app-/, 'status.containerStatuses[name=app].ready'],
  ['egress-networkpolicy-shortcut-allow-all-egress', 'app-blocked-from-metrics', 'egress-networkpolicy', 'Pod', /^app-/, 'egress to metrics:9100'],
  ['egress-networkpolicy-shortcut-allow-all-egress', 'egress-within-intent', 'egress-networkpolicy', 'NetworkPolicy', /^app-egress$/, 'spec.egress[0]'],
  ['egress-networkpolicy-shortcut-db-by-host-alias', 'app-blocked-from-metrics', 'egress-networkpolicy', 'Pod', /^app-/, 'egress to cluster DNS (lookup of metrics)'],
  ['missing-configmap-broken', 'configmap-exists', 'missing-configmap', 'ConfigMap', /^web-settings$/, undefined],
  ['missing-configmap-broken', 'web-pods-healthy', 'missing-configmap', 'Pod', /^web-/, 'status.containerStatuses[name=web].state.waiting'],
  ['missing-configmap-shortcut-optional-volume', 'mounts-web-settings', 'missing-configmap', 'Deployment', /^web$/, 'spec.template.spec.volumes[name=settings]'],
  ['oom-stress-broken', 'limit-has-headroom', 'oom-stress', 'Deployment', /^worker$/, 'spec.template.spec.containers[name=worker].resources.limits.memory'],
  ['oom-stress-broken', 'no-oomkilled', 'oom-stress', 'Pod', /^worker-/, 'status.containerStatuses[name=worker].state.terminated'],
  ['priority-preemption-broken', 'payments-outranks-nightly', 'priority-preemption', 'Deployment', /^payments$/, 'spec.template.spec.priorityClassName'],
  ['priority-preemption-broken', 'payments-pods-healthy', 'priority-preemption', 'Pod', /^payments-/, 'status.conditions[type=PodScheduled]'],
  ['priority-preemption-shortcut-scale-nightly-to-zero', 'nightly-one-replica', 'priority-preemption', 'Deployment', /^nightly-report$/, 'spec.replicas'],
];

describe('failures point at the object and field found wrong', () => {
  it.each(precise)('%s %s', async (name, id, scenarioId, kind, podName, path) => {
    const spec = scenarios.get(scenarioId)!.checks.find((c) => c.id === id)!;
    const [verdict] = await grade([spec], fixtureContext(await loadFixture(`recorded/${name}`)));
    expect(verdict?.passed).toBe(false);
    expect(verdict?.where).toMatchObject({ kind, name: expect.stringMatching(podName) });
    expect(verdict?.where.path).toBe(path);
  });
});

describe('problemPath: where an unhealthy pod shows it', () => {
  const crash = waiting('api', 'CrashLoopBackOff', { restarts: 3, last: { reason: 'Error', exitCode: 1 } });
  it.each<[string, PodOptions, string | undefined]>([
    ['healthy', {}, undefined],
    ['crash loop: the last termination', { ready: false, containers: [crash] }, 'status.containerStatuses[name=api].lastState.terminated'],
    ['image pull', { phase: 'Pending', ready: false, containers: [waiting('api', 'ErrImagePull')] }, 'status.containerStatuses[name=api].state.waiting'],
    ['terminated now', { ready: false, containers: [terminated('api', 'OOMKilled', 137)] }, 'status.containerStatuses[name=api].state.terminated'],
    ['running, not ready', { ready: false, containers: [running('api', { ready: false })] }, 'status.containerStatuses[name=api].ready'],
    ['containers ready, pod not', { ready: false, containers: [running('api')] }, 'status.conditions[type=Ready]'],
    ['unschedulable', { phase: 'Pending', ready: false, unschedulable: { reason: 'Unschedulable', message: '0/1 nodes' } }, 'status.conditions[type=PodScheduled]'],
  ])('%s', (_name, options, path) => {
    const [owner] = workload('api').replicaSets ?? [];
    expect(problemPath(pod(owner, options))).toBe(path);
  });
});
