import { findObject } from '../objects.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { storedContent } from '../stored/content.ts';
import { fieldChanges } from '../stored/diff.ts';
import type { CheckContext } from '../types.ts';
import { live, shortUid } from '../workload.ts';

/**
 * objectUnchanged: a kept object ("do not delete or modify X") is the very
 * object injected and equal AS A WHOLE to what the API server stored at
 * injection — labels, annotations and the whole spec (a Deployment's pod
 * template with init containers and pod-level fields, replicas, strategy; a
 * Service's selector, ports and type) or data. Both sides carry the server's
 * defaults, so defaulting never reads as a change; `kubectl rollout restart`
 * is not a modification. The reason names the first differing field.
 * Failures are final: no controller writes what it compares.
 */
export function objectUnchanged(check: CheckOf<'objectUnchanged'>, ctx: CheckContext): Outcome {
  const { kind, name } = check.object;
  const where = { kind, name };
  const stored = ctx.baseline?.find((o) => o.kind === kind && o.name === name);
  if (!ctx.baseline) return fail(`${kind} ${name}: this attempt has no record of the objects as injected (started by an older kubedrill): run \`kubedrill reset\``, where);
  if (!stored) return fail(`internal: ${kind} ${name} was not among the objects recorded at injection`, where);
  const object = findObject(ctx.snapshot, kind, name);
  if (!object) return finalFail(`${kind} ${name} not found in namespace ${ctx.snapshot.namespace}: expected the injected object, unchanged`, where);
  if (!live(object)) return finalFail(`${kind} ${name} metadata.deletionTimestamp: expected none, saw the object being deleted`, { ...where, path: 'metadata.deletionTimestamp' });
  const uid = object.metadata?.uid ?? '';
  if (stored.uid && uid !== stored.uid) {
    return finalFail(`${kind} ${name} was deleted and recreated (uid ${shortUid(uid)}, injected as ${shortUid(stored.uid)}): expected the injected object, unchanged`, { ...where, path: 'metadata.uid' });
  }
  const changes = fieldChanges(stored, storedContent(kind, object as Parameters<typeof storedContent>[1]), { ignoreRestart: true });
  if (changes.length > 0) {
    const more = changes.length > 1 ? ` (and ${changes.length - 1} more)` : '';
    return finalFail(`${kind} ${name} ${changes[0]!.text}${more}: expected it unchanged as injected`, { ...where, path: changes[0]!.path });
  }
  return pass(`${kind} ${name} is the injected object (uid ${shortUid(uid)}), unchanged as stored at injection`);
}
