import { describe, expect, it } from 'vitest';
import { genericShortcuts, portsExcept } from './generic-shortcuts.ts';
import { parseDuration } from './wait.ts';
import { Gate, Semaphore } from './semaphore.ts';
import { audited, expectedLength, totalsOf, type CaseResult, type PHASES } from './verify.ts';
import type { CaseScript } from './generic-shortcuts.ts';
import { withAttemptLabels } from './labels.ts';
import type { CheckSpec } from '../scenario/schema.ts';
import type { KubeObject } from '../../grader/types.ts';

const deployment = (name: string, container: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { template: { spec: { containers: [{ name: container, image: 'busybox:1.36' }] } } },
});
const rollout = (workload: string, gate: boolean): CheckSpec => ({ id: `${workload}-rollout`, description: 'x', kind: 'rolloutComplete', workload, replicas: 1, points: 1, gate });

describe('genericShortcuts', () => {
  it('covers every workload whose rollout earns points, not bystander gates', () => {
    const cases = genericShortcuts({ checks: [rollout('api', false), rollout('redis', true)], injected: [deployment('api', 'main'), deployment('redis', 'redis')], keep: [], solution: '/s/solution.sh' });
    expect(cases.map((c) => c.name)).toEqual(['generic-delete-api', 'generic-scale0-api', 'generic-sleep-api', 'generic-image-api']);
    expect(cases.every((c) => c.kind === 'shortcut')).toBe(true);
  });

  it('patches the container by its manifest name and swaps to the decoy tag', () => {
    const [, , sleep, image] = genericShortcuts({ checks: [rollout('api', false)], injected: [deployment('api', 'main')], keep: [], solution: '/s/solution.sh' });
    expect(sleep!.inline).toContain('"name":"main","command":["sh","-c","sleep 3600"],"args":null');
    expect(image!.inline).toBe(`kubectl -n "$NS" set image deployment/api '*=busybox:1.37'`);
  });
});

describe('genericShortcuts for kept objects', () => {
  const cases = genericShortcuts({
    checks: [],
    injected: [],
    keep: [{ kind: 'Deployment', name: 'redis' }, { kind: 'Service', name: 'redis' }, { kind: 'ConfigMap', name: 'cfg' }, { kind: 'PriorityClass', name: 'p' }],
    solution: "/s/it's/solution.sh",
  });

  it('one per kept Deployment, Service and ConfigMap: solve first, then change it', () => {
    expect(cases.map((c) => c.name)).toEqual(['generic-modify-redis', 'generic-repoint-redis', 'generic-modify-cfg']);
    for (const c of cases) expect(c.inline!.split('\n').slice(0, 2)).toEqual(['set -eu', `sh '/s/it'\\''s/solution.sh'`]);
  });

  it('the changes: an extra container, a selector elsewhere, another key', () => {
    expect(cases[0]!.inline).toContain(`kubectl -n "$NS" patch deployment redis --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/-"`);
    expect(cases[1]!.inline).toContain(`patch service redis --type=json -p '[{"op":"replace","path":"/spec/selector","value":{"kubedrill.io/elsewhere":"true"}}]'`);
    expect(cases[2]!.inline).toContain(`patch configmap cfg --type=merge -p '{"data":{"kubedrill-extra":"x"}}'`);
  });
});

describe('genericShortcuts for a policy the brief keeps restricting', () => {
  const policy: CheckSpec = { id: 'p', description: 'x', kind: 'policyApplies', policy: 'app-egress', workload: 'app', policyType: 'Egress', points: 0, gate: true };
  const probe = (port: number): CheckSpec => ({ id: `r${port}`, description: 'x', kind: 'networkReachable', from: 'app', host: 'h', port, expect: 'blocked', points: 1, gate: false } as CheckSpec);
  const cases = genericShortcuts({ checks: [policy, probe(9100), probe(5432)], injected: [], keep: [], solution: '/s/solution.sh' });

  it('opens every port but the probed ones, and a whole protocol', () => {
    expect(cases.map((c) => c.name)).toEqual(['generic-open-but-probed-app-egress', 'generic-open-protocol-app-egress']);
    expect(cases[0]!.inline).toContain('"value":{"ports":[{"protocol":"TCP","port":1,"endPort":5431},{"protocol":"TCP","port":5433,"endPort":9099},{"protocol":"TCP","port":9101,"endPort":65535}]}');
    expect(cases[1]!.inline).toContain('"path":"/spec/egress/-","value":{"ports":[{"protocol":"UDP"}]}');
  });

  it.each([
    [[], [{ protocol: 'TCP', port: 1, endPort: 65535 }]],
    [[1, 65535], [{ protocol: 'TCP', port: 2, endPort: 65534 }]],
    [[5, 7], [{ protocol: 'TCP', port: 1, endPort: 4 }, { protocol: 'TCP', port: 6 }, { protocol: 'TCP', port: 8, endPort: 65535 }]],
  ])('portsExcept(%j)', (ports, ranges) => {
    expect(portsExcept(ports)).toEqual(ranges);
  });
});

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
  ])('%s → %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '10', '1x', '5 m'])('rejects %j', (text) => expect(() => parseDuration(text)).toThrow(/not a duration/));
});

describe('Semaphore', () => {
  it('never runs more than its size at once', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        gate.run(async () => {
          peak = Math.max(peak, ++running);
          await new Promise((r) => setTimeout(r, 10));
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});

describe('withAttemptLabels', () => {
  it('labels the object, not its pod template, and leaves the input alone', () => {
    const input = deployment('api', 'api');
    const labelled = withAttemptLabels(input, 'crashloop-exit1', 'crashloop');
    expect(labelled.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'kubedrill', 'kubedrill.io/scenario': 'crashloop-exit1' });
    expect(JSON.stringify((labelled.spec as object))).not.toContain('kubedrill');
    expect(input.metadata.labels).toBeUndefined();
  });
});

describe('Gate', () => {
  it('runs shared tasks together and an exclusive one with nothing beside it, in queue order', async () => {
    const gate = new Gate();
    const log: string[] = [];
    let running = 0;
    let maxBesideAlone = 0;
    const task = (name: string, alone: boolean) => async (): Promise<void> => {
      running++;
      log.push(`+${name}`);
      if (alone) maxBesideAlone = Math.max(maxBesideAlone, running - 1);
      await new Promise((r) => setTimeout(r, 5));
      if (alone) maxBesideAlone = Math.max(maxBesideAlone, running - 1);
      log.push(`-${name}`);
      running--;
    };
    await Promise.all([gate.shared(task('a', false)), gate.shared(task('b', false)), gate.exclusive(task('X', true)), gate.shared(task('c', false))]);
    expect(maxBesideAlone).toBe(0);
    // a and b start together; X waits for both; c (queued after X) waits for X.
    expect(log.slice(0, 2).sort()).toEqual(['+a', '+b']);
    expect(log.indexOf('+X')).toBeGreaterThan(Math.max(log.indexOf('-a'), log.indexOf('-b')));
    expect(log.indexOf('+c')).toBeGreaterThan(log.indexOf('-X'));
  });
});

describe('verify bookkeeping', () => {
  const phases = (settle: number): Record<(typeof PHASES)[number], number> => ({ inject: 10, symptom: 5, broken: 0, script: 1, settle, window: 2, cleanup: 0.5 });
  it('sums phases into totals and names the slowest', () => {
    const cases: CaseResult[] = [
      { name: 'solution', kind: 'solution', expected: 'pass', actual: 'pass', reason: '', seconds: 28, startedAfter: 0, phases: phases(10), ended: 'pass' },
      { name: 'shortcut/x', kind: 'shortcut', expected: 'fail', actual: 'fail', reason: '', seconds: 90, startedAfter: 0, phases: phases(70), ended: 'deadline' },
      { name: 'shortcut/y', kind: 'shortcut', expected: 'fail', actual: 'fail', reason: '', seconds: 19, startedAfter: 5, phases: phases(0), ended: 'final', audited: true },
    ];
    const totals = totalsOf([{ id: 's', proven: true, cases }], 120);
    expect(totals).toMatchObject({ cases: 3, seconds: 120, casesPerMinute: 1.5, slowest: 'settle', endedEarly: 1, audited: 1 });
    expect(totals.phases).toEqual({ inject: 30, symptom: 15, broken: 0, script: 3, settle: 80, window: 6, cleanup: 1.5 });
  });

  it('audits a share of cases picked by seed and name: the same seed the same cases, another seed others', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `shortcut/s${i}`);
    const pick = (seed: string) => names.filter((n) => audited('scn', n, { share: 0.1, seed }));
    expect(pick('2026-12-03').length).toBeGreaterThan(60);
    expect(pick('2026-12-03').length).toBeLessThan(140);
    expect(pick('2026-12-03')).toEqual(pick('2026-12-03'));
    const overlap = pick('2026-12-04').filter((n) => pick('2026-12-03').includes(n)).length;
    expect(overlap).toBeLessThan(30);
    // Over 30 daily seeds at 10 %, nearly every case has been audited at least once.
    const seen = new Set(Array.from({ length: 30 }, (_, d) => pick(`day-${d}`)).flat());
    expect(seen.size).toBeGreaterThan(900);
    expect(audited('scn', 'shortcut/a', { share: 0, seed: 'x' })).toBe(false);
    expect(audited('scn', 'shortcut/a', { share: 1, seed: 'x' })).toBe(true);
  });
});

describe('expectedLength', () => {
  const c = (name: string, clusterWide?: string): CaseScript => ({ name, kind: name === 'solution' ? 'solution' : 'shortcut', description: '', ...(clusterWide ? { clusterWide } : {}) });

  it('starts a cluster-wide case first, generic shortcuts last, longer deadlines earlier', () => {
    const cases = [
      { scenario: { id: 's', settle: '60s' }, script: c('shortcut/generic-delete-a') },
      { scenario: { id: 's', settle: '60s' }, script: c('solution') },
      { scenario: { id: 's', settle: '105s' }, script: c('shortcut/written') },
      { scenario: { id: 's', settle: '60s' }, script: c('shortcut/global-default', 'only one globalDefault') },
    ];
    expect([...cases].sort((a, b) => expectedLength(b) - expectedLength(a)).map((x) => x.script.name)).toEqual(['shortcut/global-default', 'shortcut/written', 'solution', 'shortcut/generic-delete-a']);
  });

  it('starts a generic shortcut picked for the audit with the long cases: it runs to its deadline', () => {
    const scenario = { id: 's', settle: '60s' };
    const generic = ['shortcut/generic-a', 'shortcut/generic-b', 'shortcut/generic-c', 'shortcut/generic-d', 'shortcut/generic-e', 'shortcut/generic-f'];
    const audit = { share: 0.5, seed: 'x' };
    const picked = generic.filter((name) => audited('s', name, audit));
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.length).toBeLessThan(generic.length);
    for (const name of generic) {
      expect(expectedLength({ scenario, script: c(name) }, audit)).toBe(picked.includes(name) ? expectedLength({ scenario, script: c('solution') }) : 60_000);
    }
  });
});
