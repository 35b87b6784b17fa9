import type { V1Job } from '@kubernetes/client-node';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload } from '../workload.ts';

/**
 * jobComplete: a Job ran to completion — condition Complete True, none of
 * Failed, status.succeeded at least spec.completions (1 when unset) — or, for
 * a CronJob, the newest Job it owns did. A suspended Job is a final failure
 * (spec, the learner's); a Job that hit its backoff limit is final too when
 * it is the injected Job (nothing restarts it), not when a CronJob will
 * start another. Counts name active, succeeded and failed pods, and the
 * backoff limit, as `kubectl describe job` does.
 */
export function jobComplete(check: CheckOf<'jobComplete'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  if (w.kind !== 'Job' && w.kind !== 'CronJob') return fail(`internal: jobComplete judges Jobs and CronJobs, not a ${w.kind}`, workloadAt(w));
  const job = w.kind === 'Job' ? (w.object as V1Job) : w.jobs[0];
  const owner = w.kind === 'CronJob' ? `CronJob ${w.name}'s newest Job` : 'Job';
  if (!job) return fail(`CronJob ${w.name}: expected a completed Job, saw no Job it owns yet`, workloadAt(w, 'status.lastScheduleTime'));
  const name = job.metadata?.name ?? '?';
  const subject = w.kind === 'CronJob' ? `${owner} ${name}` : `Job ${name}`;
  const at = (path: string) => (w.kind === 'CronJob' ? { kind: 'Job', name, path } : workloadAt(w, path));
  const final = w.kind === 'Job' ? finalFail : fail;
  if (job.spec?.suspend) return final(`${subject} spec.suspend: expected false, saw true (a suspended Job starts no pods)`, at('spec.suspend'));
  const status = job.status ?? {};
  const counts = `active ${status.active ?? 0}, succeeded ${status.succeeded ?? 0}, failed ${status.failed ?? 0} of backoffLimit ${job.spec?.backoffLimit ?? 6}`;
  const failed = status.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
  if (failed) return final(`${subject}: expected to complete, saw condition Failed (${failed.reason ?? 'no reason'}${failed.message ? `: ${failed.message}` : ''}; ${counts})`, at('status.conditions[type=Failed]'));
  const completions = job.spec?.completions ?? 1;
  const succeeded = status.succeeded ?? 0;
  const complete = status.conditions?.some((c) => c.type === 'Complete' && c.status === 'True');
  if (!complete || succeeded < completions) {
    return fail(`${subject}: expected condition Complete and ${completions} succeeded ${completions === 1 ? 'pod' : 'pods'}, saw ${complete ? 'Complete' : 'no Complete condition'} (${counts})`, at(complete ? 'status.succeeded' : 'status.conditions'));
  }
  return pass(`${subject} complete: ${succeeded}/${completions} succeeded (${counts})`);
}
