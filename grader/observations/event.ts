import { show, truncate } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { ObservationOf, Outcome } from '../outcome.ts';
import type { Snapshot } from '../types.ts';

/** event: an event in the namespace with `reason` about an object of kind `objectKind`. */
export function eventSeen(o: ObservationOf<'event'>, snapshot: Snapshot): Outcome {
  const hit = snapshot.events.find((e) => e.reason === o.reason && e.involvedObject?.kind === o.objectKind);
  if (hit) {
    const message = hit.message ? `: ${truncate(hit.message, 80)}` : '';
    return pass(`event ${o.reason} on ${o.objectKind} ${hit.involvedObject.name ?? ''}${message}`);
  }
  const reasons = [...new Set(snapshot.events.map((e) => `${e.reason}/${e.involvedObject?.kind}`))];
  return fail(`events in namespace ${snapshot.namespace}: expected reason ${o.reason} on a ${o.objectKind}, saw ${reasons.length ? show(reasons.slice(0, 6)) : 'no events'}`, { kind: 'Namespace', name: snapshot.namespace, path: 'events' });
}
