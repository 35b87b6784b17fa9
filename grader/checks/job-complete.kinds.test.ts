import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/**
 * jobComplete on Jobs and CronJobs as a real cluster reports them
 * (grader/fixtures/kinds/{job,cronjob}.json, recorded by
 * test/real/record-kinds.ts). The CronJob's Job was made by
 * `kubectl create job nightly-manual --from=cronjob/nightly`.
 */
const fixtures = { job: await loadFixture('kinds/job'), cronjob: await loadFixture('kinds/cronjob') };

describe('jobComplete on recorded Jobs and CronJobs', () => {
  it.each<[string, keyof typeof fixtures, { kind: string; name: string }, boolean, boolean, RegExp, { kind: string; name: string; path?: string }]>([
    ['Job Complete', 'job', { kind: 'Job', name: 'migrate' }, true, false, /^Job migrate complete: 1\/1 succeeded \(active 0, succeeded 1, failed 0 of backoffLimit 6\)$/, { kind: 'Job', name: 'migrate' }],
    [
      'Job Failed (exit 1, backoffLimit 0)',
      'job',
      { kind: 'Job', name: 'broken' },
      false,
      true,
      /^Job broken: expected to complete, saw condition Failed \(BackoffLimitExceeded: Job has reached the specified backoff limit; active 0, succeeded 0, failed 1 of backoffLimit 0\)$/,
      { kind: 'Job', name: 'broken', path: 'status.conditions[type=Failed]' },
    ],
    ['Job suspended', 'job', { kind: 'Job', name: 'paused' }, false, true, /^Job paused spec\.suspend: expected false, saw true \(a suspended Job starts no pods\)$/, { kind: 'Job', name: 'paused', path: 'spec.suspend' }],
    ['Job still running', 'job', { kind: 'Job', name: 'slow' }, false, false, /^Job slow: expected condition Complete and 1 succeeded pod, saw no Complete condition \(active 1, succeeded 0, failed 0 of backoffLimit 6\)$/, { kind: 'Job', name: 'slow', path: 'status.conditions' }],
    ['Job deleted', 'job', { kind: 'Job', name: 'gone' }, false, true, /^Job gone not found in namespace kd-kinds-job: expected the injected Job to exist$/, { kind: 'Job', name: 'gone' }],
    ['CronJob whose Job (kubectl create job --from) completed', 'cronjob', { kind: 'CronJob', name: 'nightly' }, true, false, /^CronJob nightly's newest Job nightly-manual complete: 1\/1 succeeded \(active 0, succeeded 1, failed 0 of backoffLimit 0\)$/, { kind: 'CronJob', name: 'nightly' }],
    ['CronJob that has run no Job yet', 'cronjob', { kind: 'CronJob', name: 'idle' }, false, false, /^CronJob idle: expected a completed Job, saw no Job it owns yet$/, { kind: 'CronJob', name: 'idle', path: 'status.lastScheduleTime' }],
    ['the Job made from the CronJob, judged itself', 'cronjob', { kind: 'Job', name: 'nightly-manual' }, true, false, /^Job nightly-manual complete: 1\/1 succeeded/, { kind: 'Job', name: 'nightly-manual' }],
  ])('%s', async (_name, fixture, workload, passed, final, reason, where) => {
    const [verdict] = await grade([check('jobComplete', { workload })], fixtureContext(fixtures[fixture]));
    expect(verdict!.reason).toMatch(reason);
    expect(verdict!.passed).toBe(passed);
    expect(verdict!.final ?? false).toBe(final);
    expect(verdict!.where).toMatchObject(where);
  });

  it('kubectl create job --from=cronjob makes the CronJob its controller (what the CronJob rule follows)', () => {
    const job = fixtures.cronjob.snapshot.jobs?.find((j) => j.metadata?.name === 'nightly-manual');
    const cron = fixtures.cronjob.snapshot.cronJobs?.find((c) => c.metadata?.name === 'nightly');
    expect(job?.metadata?.ownerReferences).toEqual([expect.objectContaining({ kind: 'CronJob', name: 'nightly', uid: cron?.metadata?.uid, controller: true })]);
  });

  it('a failed Job as recorded carries FailureTarget beside Failed: only Failed decides', () => {
    const broken = fixtures.job.snapshot.jobs?.find((j) => j.metadata?.name === 'broken');
    expect(broken?.status?.conditions?.map((c) => c.type)).toEqual(expect.arrayContaining(['FailureTarget', 'Failed']));
  });
});
