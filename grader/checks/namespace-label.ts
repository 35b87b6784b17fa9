import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';

/** namespaceLabel: the check's namespace carries `label` = `value` (a PodSecurity level, a team label a policy selects). Final: labels are the learner's. */
export function namespaceLabel(check: CheckOf<'namespaceLabel'>, ctx: CheckContext): Outcome {
  const ns = ctx.snapshot.namespace;
  const where = { kind: 'Namespace', name: ns, path: `metadata.labels[${check.label}]` };
  const seen = ctx.snapshot.namespaceObject?.metadata?.labels?.[check.label];
  if (seen === undefined && check.orAbsent) return pass(`Namespace ${ns} has no label ${check.label} (which means ${check.value})`, where);
  if (seen !== check.value) return finalFail(`Namespace ${ns} label ${check.label}: expected ${JSON.stringify(check.value)}, saw ${seen === undefined ? 'no such label' : JSON.stringify(seen)}`, where);
  return pass(`Namespace ${ns} label ${check.label}=${seen}`, where);
}
