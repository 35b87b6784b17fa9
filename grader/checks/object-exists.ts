import { findObject } from '../objects.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { identityProblem, live, shortUid } from '../workload.ts';

/**
 * objectExists (its failures are final: nothing but the learner brings a deleted object back): the object is there (and not being deleted); with `injected`
 * (the default) and a uid in the fingerprint, it must be the very object
 * injected — deleting and recreating it under the same name fails.
 */
export function objectExists(check: CheckOf<'objectExists'>, ctx: CheckContext): Outcome {
  const { kind, name } = check.object;
  const obj = findObject(ctx.snapshot, kind, name);
  if (!obj) return finalFail(`${kind} ${name} not found in namespace ${ctx.snapshot.namespace}: expected it to exist`, { kind, name });
  if (!live(obj)) return finalFail(`${kind} ${name} metadata.deletionTimestamp: expected none, saw the object being deleted`, { kind, name, path: 'metadata.deletionTimestamp' });
  const uid = obj.metadata?.uid ?? '';
  if (check.injected) {
    const problem = identityProblem(kind, name, uid, ctx.fingerprint);
    if (problem) return finalFail(problem, { kind, name, path: 'metadata.uid' });
    if (ctx.fingerprint[`${kind}/${name}`] !== undefined) return pass(`${kind} ${name} exists, the injected object (uid ${shortUid(uid)})`);
  }
  return pass(`${kind} ${name} exists (uid ${shortUid(uid)})`);
}
