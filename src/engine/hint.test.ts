import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { grade } from '../../grader/index.ts';
import { fixtureContext, loadFixture, replayProbe } from '../../grader/fixtures/replay.ts';
import type { Verdict, Where } from '../../grader/types.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { Kube } from '../kube/client.ts';
import { loadAll } from '../scenario/load.ts';
import { asRecorded } from './record.ts';
import { allPassLine, gradeForHint, lookCommand, lookLine, lookNow, quickChecks } from './hint.ts';

const scenarios = new Map((await loadAll()).map((s) => [s.id, asRecorded(s).scenario]));
const recorded = (await readdir(new URL('../../grader/fixtures/recorded/', import.meta.url))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const scenarioOf = (fixture: string): string => [...scenarios.keys()].find((id) => fixture.startsWith(`${id}-`)) ?? '';

/** The look-line on a recorded state, graded as the hint grades (no restartsStable, no window). */
async function lookAt(name: string): Promise<string> {
  const scenario = scenarios.get(scenarioOf(name))!;
  const fixture = await loadFixture(`recorded/${name}`);
  const verdicts = await grade(quickChecks(scenario.checks), fixtureContext(fixture));
  return lookLine({ checks: scenario.checks, verdicts, namespace: fixture.snapshot.namespace });
}

const pod = (prefix: string): string => `${prefix}-[a-z0-9]+-[a-z0-9]+`;

// Scenario → its broken state's look-line, and what it must never show (expected values of its checks and manifests).
const broken: [string, RegExp, string[]][] = [
  ['crashloop-exit1', /^Look at Deployment api: status\.availableReplicas — kubectl -n crashloop-rec describe deployment api$/, ['redis', 'api-config']],
  ['bad-image-tag', /^Look at Deployment frontend: status\.updatedReplicas — kubectl -n imagepull-rec describe deployment frontend$/, ['busybox', '1.36']],
  ['egress-networkpolicy', new RegExp(`^Look at Pod ${pod('app')}: status\\.containerStatuses\\[name=app\\]\\.ready — kubectl -n netpol-rec describe pod ${pod('app')}$`), ['5432', 'db']],
  ['missing-configmap', /^Look at ConfigMap web-settings — kubectl -n configmap-rec get configmap web-settings -o yaml$/, ['production']],
  ['oom-stress', /^Look at Deployment worker: spec\.template\.spec\.containers\[name=worker\]\.resources\.limits\.memory — kubectl -n oom-rec describe deployment worker$/, ['160Mi', '1Gi']],
  ['priority-preemption', /^Look at Deployment payments: spec\.template\.spec\.priorityClassName — kubectl -n preemption-rec describe deployment payments$/, ['1000', 'critical']],
  ['secret-missing', /^Look at Secret db-creds — kubectl -n secret-rec describe secret db-creds$/, ['s3cr3t-pw', 'password']],
  ['configmap-missing-key', /^Look at Deployment app: status\.availableReplicas — kubectl -n cmkey-rec describe deployment app$/, ['database_host', 'db_host']],
  // The recording may catch a web container between its exit and the restart, or running for its instant.
  ['daemonizing-command', new RegExp(`^Look at Pod ${pod('web')}: (status\\.containerStatuses\\[name=web\\]\\.lastState\\.terminated — kubectl -n command-rec logs ${pod('web')} -c web --previous|PID 1 of container web — kubectl -n command-rec describe pod ${pod('web')})$`), ['httpd', '-f']],
  ['config-wrong-path', /^Look at Deployment app: spec\.template\.spec\.containers\[name=app\]\.volumeMounts — kubectl -n mountpath-rec describe deployment app$/, ['/etc/app', 'app.conf']],
  ['readonly-rootfs', new RegExp(`^Look at Pod ${pod('web')}: status\\.containerStatuses\\[name=web\\]\\.lastState\\.terminated — kubectl -n readonly-rec logs ${pod('web')} -c web --previous$`), ['/var/run', 'emptyDir']],
  ['job-backoff', /^Look at Job report: status\.conditions\[type=Failed\] — kubectl -n jobs-rec describe job report$/, ['numbers.txt', '63']],
  ['readiness-no-endpoints', new RegExp(`^Look at Pod ${pod('web')}: status\\.containerStatuses\\[name=web\\]\\.ready — kubectl -n readiness-rec describe pod ${pod('web')}$`), ['/healthz', '/index.html']],
  ['startup-too-short', new RegExp(`^Look at Pod ${pod('app')}: status\\.containerStatuses\\[name=app\\]\\.ready — kubectl -n startup-rec describe pod ${pod('app')}$`), ['failureThreshold', '25']],
  ['liveness-wrong-port', new RegExp(`^Look at Pod ${pod('web')}: status\\.containerStatuses\\[name=web\\]\\.ready — kubectl -n liveness-rec describe pod ${pod('web')}$`), ['8081', 'healthz']],
  ['init-waits-forever', new RegExp(`^Look at Pod ${pod('app')}: logs of container wait-for-db — kubectl -n init-rec describe pod ${pod('app')}$`), ['database', '5432']],
  ['sidecar-log-shipper', new RegExp(`^Look at Pod ${pod('app')}: logs of container shipper — kubectl -n logs-rec describe pod ${pod('app')}$`), ['/var/log/app/app.log', 'app.log']],
  ['rollout-to-revision', /^Look at Deployment api: spec\.template — kubectl -n rollout-rec describe deployment api$/, ['busybox:1.36', 'stable']],
  ['pending-node-selector', /^Look at Deployment app: spec\.template\.spec — kubectl -n selector-rec describe deployment app$/, ['ssd', 'sdd']],
  ['podsecurity-restricted', /^Look at Deployment web: spec\.template — kubectl -n psa-rec describe deployment web$/, ['runAsNonRoot', 'RuntimeDefault']],
  ['pending-requests', new RegExp(`^Look at Pod ${pod('api')}: status\\.conditions\\[type=PodScheduled\\] — kubectl -n requests-rec describe pod ${pod('api')}$`), ['20m', '100m']],
  ['quota-exceeded', /^Look at Deployment api: status\.updatedReplicas — kubectl -n quota-rec describe deployment api$/, ['32Mi', '90Mi']],
  ['statefulset-stuck', /^Look at Pod db-2: spec\.containers\[name=db\]\.env\[name=CACHE_MB\]\.value — kubectl -n sts-rec describe pod db-2$/, ['"16"', 'CACHE_MB=16']],
  ['service-selector', /^Look at Service web: spec\.selector — kubectl -n svcsel-rec describe service web$/, ['webapp', 'tier']],
  ['service-targetport', /^Look at Service web: spec\.ports\[0\]\.targetPort — kubectl -n targetport-rec describe service web$/, ['8080', 'http']],
  ['ingress-policy', new RegExp(`^Look at Pod ${pod('frontend')}: egress to backend:8080 — kubectl -n ingress-rec describe networkpolicy$`), ['role=frontend', 'app=frontend']],
  ['dns-other-namespace', new RegExp(`^Look at Pod ${pod('client')}: status\\.containerStatuses\\[name=client\\]\\.ready — kubectl -n dns-client-rec describe pod ${pod('client')}$`), ['backend.dns-server', 'svc.cluster.local']],
  ['rbac-forbidden', /^Look at ServiceAccount pod-watcher: may get\/list\/watch pods — kubectl -n rbac-rec auth can-i --list --as=system:serviceaccount:rbac-rec:pod-watcher$/, ['RoleBinding', 'pod-reader']],
  ['pvc-unbound', /^Look at PersistentVolumeClaim data: status\.phase — kubectl -n storage-rec describe persistentvolumeclaim data$/, ['manual', '1Gi']],
];

describe('look-line on the recorded broken states', () => {
  it('covers every scenario', () => {
    expect(broken.map(([id]) => id).sort()).toEqual([...scenarios.keys()].sort());
  });

  it.each(broken)('%s', async (id, line, never) => {
    const look = await lookAt(`${id}-broken`);
    expect(look).toMatch(line);
    for (const value of never) expect(look).not.toContain(value);
  });
});

describe('look-line on the recorded solution and fix states', () => {
  it.each(recorded.filter((n) => /-(fixed|fix-.*)$/.test(n)))('%s: every check passes', async (name) => {
    expect(await lookAt(name)).toBe(allPassLine);
  });
});

// Each recorded shortcut: the line points at the first failing task check's object.
const shortcuts: [string, RegExp][] = [
  ['crashloop-exit1-shortcut-bare-pods', /^Look at Deployment api: spec\.replicas — kubectl -n crashloop-rec describe deployment api$/],
  ['crashloop-exit1-shortcut-recreate', /^Look at Deployment api: metadata\.uid — kubectl -n crashloop-rec describe deployment api$/],
  ['crashloop-exit1-shortcut-skip-the-check', new RegExp(`^Look at Pod ${pod('api')}: spec\\.containers\\[name=api\\]\\.env\\[name=REDIS_HOST\\] — kubectl -n crashloop-rec describe pod ${pod('api')}$`)],
  ['crashloop-exit1-shortcut-fake-cache-sidecar', new RegExp(`^Look at Pod ${pod('api')}: spec\\.containers\\[name=api\\]\\.env\\[name=REDIS_HOST\\] — `)],
  ['crashloop-exit1-shortcut-generic-sleep-api', /^Look at Deployment api: status\.updatedReplicas — /],
  ['crashloop-exit1-shortcut-host-alias-stand-in', new RegExp(`^Look at Pod ${pod('api')}: egress to \\$REDIS_HOST:6379 — kubectl -n crashloop-rec describe pod ${pod('api')}$`)],
  ['egress-networkpolicy-shortcut-second-app-pod-differs', new RegExp(`^Look at Pod ${pod('app')}: egress to metrics:9100 — kubectl -n netpol-rec describe networkpolicy$`)],
  ['egress-networkpolicy-shortcut-stand-in-db', new RegExp(`^Look at Pod ${pod('app')}: egress to db:5432 — kubectl -n netpol-rec describe networkpolicy$`)],
  ['bad-image-tag-shortcut-pause-rollout', /^Look at Deployment frontend: spec\.paused — kubectl -n imagepull-rec describe deployment frontend$/],
  ['egress-networkpolicy-shortcut-allow-all-egress', new RegExp(`^Look at Pod ${pod('app')}: egress to metrics:9100 — kubectl -n netpol-rec describe networkpolicy$`)],
  ['egress-networkpolicy-shortcut-db-by-host-alias', new RegExp(`^Look at Pod ${pod('app')}: egress to cluster DNS \\(lookup of metrics\\) — kubectl -n netpol-rec describe networkpolicy$`)],
  ['egress-networkpolicy-shortcut-pin-decoys-to-loopback', new RegExp(`^Look at Pod ${pod('app')}: egress to Service metrics ClusterIP:9100 — kubectl -n netpol-rec describe networkpolicy$`)],
  ['missing-configmap-shortcut-optional-volume', /^Look at ConfigMap web-settings — kubectl -n configmap-rec get configmap web-settings -o yaml$/],
  ['oom-stress-shortcut-remove-limit', /^Look at Deployment worker: spec\.template\.spec\.containers\[name=worker\]\.resources\.limits\.memory — /],
  ['priority-preemption-shortcut-scale-nightly-to-zero', /^Look at Deployment payments: spec\.template\.spec\.priorityClassName — /],
  ['priority-preemption-shortcut-never-but-higher', /^Look at Deployment payments: spec\.template\.spec\.priorityClassName — /],
  ['crashloop-exit1-shortcut-generic-modify-redis', /^Look at Deployment redis: spec\.template\.spec\.containers \(the brief asks to keep it\) — /],
  ['egress-networkpolicy-shortcut-drop-egress-type', /^Look at /],
  ['configmap-missing-key-shortcut-literal-env', /^Look at Deployment app: spec\.template\.spec\.containers\[name=app\]\.env\[0\] — kubectl -n cmkey-rec describe deployment app$/],
  ['configmap-missing-key-shortcut-placeholder-then-literal', /^Look at Deployment app: spec\.template\.spec\.containers\[name=app\]\.env\[1\] — /],
  ['configmap-missing-key-shortcut-second-configmap', /^Look at Deployment app: spec\.template\.spec\.containers\[name=app\]\.env\[0\]\.valueFrom\.configMapKeyRef — /],
];

describe('look-line on the recorded shortcut states', () => {
  it('covers every recorded shortcut', () => {
    // -early states (a shortcut right after its script) prove the final-failure rule: grader/fixtures/scenarios.test.ts.
    expect(shortcuts.map(([n]) => n).sort()).toEqual(recorded.filter((n) => n.includes('-shortcut-') && !n.endsWith('-early')));
  });

  it.each(shortcuts)('%s', async (name, line) => {
    expect(await lookAt(name)).toMatch(line);
  });
});

describe('lookLine', () => {
  const at = (kind: string, name: string, path?: string): Where => ({ kind, name, namespace: 'drill', ...(path ? { path } : {}) });
  const v = (id: string, passed: boolean, where: Where): Verdict => ({ id, passed, reason: 'expected 42, saw 7', where });
  const checks = [
    { id: 'rolled-out', gate: false },
    { id: 'healthy', gate: false },
    { id: 'stable', gate: false },
    { id: 'keep-command', gate: true },
  ];

  it.each<[string, Verdict[], string]>([
    ['the first failing task check in the scenario order, not the verdicts order', [v('healthy', false, at('Pod', 'api-1', 'status.conditions[type=Ready]')), v('rolled-out', false, at('Deployment', 'api', 'spec.replicas')), v('keep-command', false, at('Deployment', 'api'))], 'Look at Deployment api: spec.replicas — kubectl -n drill describe deployment api'],
    ['a gate when every task check passes', [v('rolled-out', true, at('Deployment', 'api')), v('healthy', true, at('Deployment', 'api')), v('keep-command', false, at('Deployment', 'api', 'spec.template.spec.containers[name=api].command'))], 'Look at Deployment api: spec.template.spec.containers[name=api].command (the brief asks to keep it) — kubectl -n drill describe deployment api'],
    ['a check with no verdict (skipped) is passed over', [v('rolled-out', true, at('Deployment', 'api')), v('healthy', true, at('Deployment', 'api')), v('keep-command', true, at('Deployment', 'api'))], allPassLine],
    ['nothing graded', [], allPassLine],
  ])('%s', (_name, verdicts, line) => {
    const look = lookLine({ checks, verdicts, namespace: 'drill' });
    expect(look).toBe(line);
    expect(look).not.toMatch(/42|saw 7/);
  });
});

describe('lookCommand', () => {
  it.each<[Where, string]>([
    [{ kind: 'Pod', name: 'api-1', path: 'status.containerStatuses[name=api].lastState.terminated' }, 'kubectl -n ns logs api-1 -c api --previous'],
    [{ kind: 'Pod', name: 'api-1', path: 'status.initContainerStatuses[name=wait].state.terminated' }, 'kubectl -n ns logs api-1 -c wait'],
    [{ kind: 'Pod', name: 'api-1', path: 'status.containerStatuses[name=api].state.waiting' }, 'kubectl -n ns describe pod api-1'],
    [{ kind: 'Pod', name: 'web-1', path: '/etc/web/settings.conf' }, 'kubectl -n ns exec web-1 -- cat /etc/web/settings.conf'],
    [{ kind: 'Pod', name: 'app-1', path: 'egress to db:5432' }, 'kubectl -n ns describe networkpolicy'],
    [{ kind: 'Deployment', name: 'api', namespace: 'other', path: 'spec.replicas' }, 'kubectl -n other describe deployment api'],
    [{ kind: 'Service', name: 'redis', path: 'spec.selector' }, 'kubectl -n ns describe service redis'],
    [{ kind: 'ConfigMap', name: 'web-settings' }, 'kubectl -n ns get configmap web-settings -o yaml'],
    [{ kind: 'NetworkPolicy', name: 'app-egress', path: 'spec.egress[0]' }, 'kubectl -n ns get networkpolicy app-egress -o yaml'],
    [{ kind: 'PriorityClass', name: 'batch-high', path: 'globalDefault' }, 'kubectl get priorityclass batch-high -o yaml'],
    [{ kind: 'Node', name: 'kind-control-plane' }, 'kubectl describe node kind-control-plane'],
    [{ kind: 'ServiceAccount', name: 'pod-watcher', path: 'may list pods' }, 'kubectl -n ns auth can-i --list --as=system:serviceaccount:ns:pod-watcher'],
    [{ kind: 'ServiceAccount', name: 'pod-watcher', namespace: 'rbac' }, 'kubectl -n rbac describe serviceaccount pod-watcher'],
    [{ kind: 'Namespace', name: 'ns', path: 'events' }, 'kubectl -n ns get events --sort-by=.lastTimestamp'],
  ])('%j', (where, command) => {
    expect(lookCommand(where, 'ns')).toBe(command);
  });
});

describe('gradeForHint and lookNow', () => {
  it('take one snapshot, wait no window, skip restartsStable and run the probes', async () => {
    const scenario = scenarios.get('crashloop-exit1')!;
    const fixture = await loadFixture('recorded/crashloop-exit1-shortcut-skip-the-check');
    const probe = replayProbe(fixture.exec);
    let snapshots = 0;
    const kube = {
      snapshot: async () => {
        snapshots++;
        return fixture.snapshot;
      },
      exec: (_ns: string, pod: string, container: string | undefined, command: string[]) => probe.exec({ pod, container }, command),
    } as unknown as Kube;
    const record = { scenario: scenario.id, namespace: fixture.snapshot.namespace, fingerprint: fixture.fingerprint } as AttemptRecord;
    const started = Date.now();
    const verdicts = await gradeForHint({ kube, scenario, record });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(snapshots).toBe(1);
    expect(verdicts.map((v) => v.id)).toEqual(scenario.checks.filter((c) => c.kind !== 'restartsStable').map((c) => c.id));
    expect(probe.calls.length).toBeGreaterThan(0);
    expect(await lookNow({ kube, scenario, record })).toMatch(/^Look at Pod api-[a-z0-9-]+: spec\.containers\[name=api\]\.env\[name=REDIS_HOST\] — kubectl -n crashloop-rec describe pod api-/);
  });
});
