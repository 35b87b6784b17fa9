import { findObject } from '../objects.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { live, shortUid } from '../workload.ts';

/** objectAbsent: no object of that kind and name, or only one already being deleted. */
export function objectAbsent(check: CheckOf<'objectAbsent'>, ctx: CheckContext): Outcome {
  const { kind, name } = check.object;
  const obj = findObject(ctx.snapshot, kind, name);
  if (!obj) return pass(`${kind} ${name} is absent, as expected`);
  if (!live(obj)) return pass(`${kind} ${name} is being deleted (metadata.deletionTimestamp set), counted as absent`);
  return fail(`${kind} ${name}: expected it to be absent, saw it exists (uid ${shortUid(obj.metadata?.uid ?? '')})`, { kind, name });
}
