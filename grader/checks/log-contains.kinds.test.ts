import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/**
 * logContains on logs read through the real API (grader/fixtures/kinds/,
 * recorded by test/real/record-kinds.ts: the fixture keeps each read's text).
 * Pod names change with each recording: matched by pattern.
 */
const names = ['job', 'cronjob', 'pod', 'logs', 'logs-previous'] as const;
const fixtures = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await loadFixture(`kinds/${n}`)] as const)));
const job = (name: string) => ({ kind: 'Job', name });

async function logContains(fixture: (typeof names)[number], params: Record<string, unknown>) {
  const [verdict] = await grade([check('logContains', params)], fixtureContext(fixtures[fixture]!));
  return verdict!;
}

describe('logContains on recorded logs', () => {
  it.each<[string, (typeof names)[number], Record<string, unknown>, boolean, RegExp]>([
    ['Job: its Succeeded pod printed the line', 'job', { workload: job('migrate'), matches: 'migration done' }, true, /^Job migrate log of the first container: 1 pod with a line matching \/migration done\/: "migration done: 3 tables"$/],
    ['Job: no such line', 'job', { workload: job('migrate'), matches: 'rollback' }, false, /^Job migrate log of the first container: expected a line matching \/rollback\/ in a Succeeded pod, saw pod migrate-\w+: last line "migration done: 3 tables"$/],
    ['Job: the line is before the last `tail` lines', 'job', { workload: job('migrate'), matches: 'migrating', tail: 1 }, false, /^Job migrate log of the first container \(last 1 lines\): expected .* saw pod migrate-\w+: last line "migration done: 3 tables"$/],
    ['Job Failed: no Succeeded pod to read', 'job', { workload: job('broken'), matches: 'migration done' }, false, /saw no Succeeded pod to read \(0 active pods, 1 finished pod, none Succeeded\)$/],
    ['Job still running: no Succeeded pod yet', 'job', { workload: job('slow'), matches: 'working' }, false, /saw no Succeeded pod to read \(1 active pod, 0 finished pods, none Succeeded\)$/],
    ['Job suspended: no pod at all', 'job', { workload: job('paused'), matches: 'never' }, false, /saw no Succeeded pod to read \(0 active pods, 0 finished pods, none Succeeded\)$/],
    ['CronJob: its Job made by kubectl create job --from', 'cronjob', { workload: { kind: 'CronJob', name: 'nightly' }, matches: 'report written' }, true, /^CronJob nightly log of the first container: 1 pod with a line matching \/report written\/: "report written to \/tmp\/report\.txt"$/],
    ['CronJob that has run nothing', 'cronjob', { workload: { kind: 'CronJob', name: 'idle' }, matches: 'report written' }, false, /^CronJob idle log .*saw no Succeeded pod to read/],
    ['bare Pod: previous instance (waiting CrashLoopBackOff)', 'pod', { workload: { kind: 'Pod', name: 'crashy' }, previous: true, matches: 'config missing' }, true, /^Pod crashy log of the first container \(previous instance\): 1 pod with a line matching \/config missing\/: "config missing"$/],
    ['bare Pod: current instance not started (back-off)', 'pod', { workload: { kind: 'Pod', name: 'crashy' }, matches: 'config missing' }, false, /^Pod crashy log of the first container: expected .*, saw no running container to read \(1 pod, none with the first container started\)$/],
    ['Deployment sidecar printed the line in every pod', 'logs', { workload: 'web', container: 'tailer', matches: 'sidecar ready' }, true, /^Deployment web log of container tailer: 2 pods with a line matching \/sidecar ready\/: "sidecar ready: tailing \/var\/log\/app"$/],
    ['Deployment sidecar: last line only', 'logs', { workload: 'web', container: 'tailer', tail: 1, matches: 'sidecar ready' }, true, /^Deployment web log of container tailer \(last 1 lines\): 2 pods/],
    ['Deployment sidecar: no such line', 'logs', { workload: 'web', container: 'tailer', matches: 'shipped' }, false, /^Deployment web log of container tailer: expected a line matching \/shipped\/ in every running pod, saw pod web-\S+: last line "sidecar ready: tailing \/var\/log\/app"; pod web-\S+: last line "sidecar ready/],
    ['Deployment, no container named: the first (app), not the sidecar', 'logs', { workload: 'web', matches: 'app started' }, true, /^Deployment web log of the first container: 2 pods with a line matching \/app started\/: "app started on :8080"$/],
    ['Deployment, no container named: the sidecar line is not read', 'logs', { workload: 'web', matches: 'sidecar ready' }, false, /saw pod web-\S+: last line "app started on :8080"/],
    ['Deployment, app container named', 'logs', { workload: 'web', container: 'app', matches: 'app started' }, true, /^Deployment web log of container app: 2 pods/],
    ['Deployment sidecar that never logs', 'logs', { workload: 'quiet', container: 'shipper', matches: 'shipped' }, false, /^Deployment quiet log of container shipper: expected a line matching \/shipped\/ in every running pod, saw pod quiet-\S+: empty log$/],
    ['Deployment crash-looping: previous instance (waiting CrashLoopBackOff)', 'logs', { workload: 'flaky', previous: true, matches: 'config missing' }, true, /^Deployment flaky log of the first container \(previous instance\): 1 pod with a line matching \/config missing\/: "boot attempt: config missing"$/],
    ['Deployment crash-looping: current instance waiting, nothing to read', 'logs', { workload: 'flaky', matches: 'config missing' }, false, /saw no running container to read \(1 pod, none with the first container started\)$/],
    ['Deployment crash-looping, current instance terminated: its log read', 'logs-previous', { workload: 'flaky', matches: 'config missing' }, true, /^Deployment flaky log of the first container: 1 pod with a line matching \/config missing\/: "boot attempt: config missing"$/],
  ])('%s', async (_name, fixture, params, passed, reason) => {
    const verdict = await logContains(fixture, params);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(verdict.final).toBeUndefined();
  });

  it('a failure points at the pod whose log did not match', async () => {
    const verdict = await logContains('logs', { workload: 'quiet', container: 'shipper', matches: 'shipped' });
    expect(verdict.where).toMatchObject({ kind: 'Pod', name: expect.stringMatching(/^quiet-/), path: 'logs of container shipper', namespace: 'kd-kinds-logs' });
  });

  // WRONG VERDICT on a real read (kinds/logs-previous.json): the container's
  // current instance has terminated and the kubelet has already removed the
  // one before it, so GET .../log?previous=true answers 200 with the text
  // "unable to retrieve container logs for containerd://<lastState id>".
  // The check takes that text for the log and fails, although every instance
  // printed the line. Expected: pass (or at least "log unreadable", not a
  // "last line"). Remove `.fails` when the grader handles it.
  it('previous instance already removed by the kubelet: the kubelet error is not read as the log, the read is unreadable (a plain failure)', async () => {
    const verdict = await logContains('logs-previous', { workload: 'flaky', previous: true, matches: 'config missing' });
    expect(verdict.reason).not.toMatch(/last line "unable to retrieve/);
    expect(verdict.reason).toMatch(/log unreadable \(the kubelet no longer holds that instance's log/);
    expect(verdict.passed).toBe(false);
    expect(verdict.final).toBeUndefined();
  });

  it('the kubelet answer behind that verdict is recorded as it came (HTTP 200, an error text as body)', () => {
    const read = fixtures['logs-previous']!.logs?.find((l) => l.previous);
    expect(read?.text).toMatch(/^unable to retrieve container logs for containerd:\/\/[0-9a-f]{64}$/);
  });
});
