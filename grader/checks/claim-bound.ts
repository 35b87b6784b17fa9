import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';

/**
 * claimBound: PersistentVolumeClaim `name` is Bound, and the volume it names
 * exists and is Bound back to it (claimRef uid) — the binding both sides
 * agree on, not a claim that only says so. Followed by name: recreating a
 * claim (its spec is immutable) is an honest fix. Only a missing claim is
 * final; binding is the controller's to finish.
 */
export function claimBound(check: CheckOf<'claimBound'>, ctx: CheckContext): Outcome {
  const subject = `PersistentVolumeClaim ${check.name}`;
  const where = (path?: string) => ({ kind: 'PersistentVolumeClaim', name: check.name, ...(path ? { path } : {}) });
  const claim = (ctx.snapshot.persistentVolumeClaims ?? []).find((c) => c.metadata?.name === check.name);
  if (!claim) return finalFail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected it to exist and be Bound`, where());
  const phase = claim.status?.phase ?? 'Pending';
  const volumeName = claim.spec?.volumeName;
  if (phase !== 'Bound' || !volumeName) {
    const wanted = `${claim.spec?.storageClassName === undefined ? 'the default class' : `storageClassName ${JSON.stringify(claim.spec.storageClassName)}`}${volumeName ? `, volumeName ${volumeName}` : ''}`;
    return fail(`${subject} status.phase: expected Bound, saw ${phase} (asks for ${wanted}, ${claim.spec?.resources?.requests?.storage ?? 'no size'})`, where('status.phase'));
  }
  if (check.volume && volumeName !== check.volume) {
    return fail(`${subject} spec.volumeName: expected PersistentVolume ${check.volume} (the volume with the data), saw ${volumeName}`, where('spec.volumeName'));
  }
  const volume = (ctx.snapshot.persistentVolumes ?? []).find((v) => v.metadata?.name === volumeName);
  if (!volume) return fail(`${subject} spec.volumeName: names PersistentVolume ${volumeName}, which does not exist`, where('spec.volumeName'));
  const ref = volume.spec?.claimRef;
  if (ref?.uid !== claim.metadata?.uid || ref?.namespace !== ctx.snapshot.namespace) {
    return fail(`PersistentVolume ${volumeName} spec.claimRef: expected this claim (uid ${claim.metadata?.uid}), saw ${ref ? `${ref.namespace}/${ref.name} uid ${ref.uid ?? 'unset'}` : 'none'}`, { kind: 'PersistentVolume', name: volumeName, path: 'spec.claimRef' });
  }
  if (volume.status?.phase !== 'Bound') return fail(`PersistentVolume ${volumeName} status.phase: expected Bound, saw ${volume.status?.phase ?? 'unset'}`, { kind: 'PersistentVolume', name: volumeName, path: 'status.phase' });
  return pass(`${subject} Bound to PersistentVolume ${volumeName} (${volume.spec?.capacity?.storage ?? '?'}, class ${JSON.stringify(volume.spec?.storageClassName ?? '')}), which is bound back to it`);
}
