import type { V1Pod, V1StatefulSet } from '@kubernetes/client-node';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload } from '../workload.ts';

/**
 * admitted: a pod made from the workload's template passes admission in its
 * namespace now — a server-side dry-run create, so Pod Security, quotas,
 * LimitRanges and webhooks judge the template exactly as they would the next
 * pod the controller makes. Running pods prove nothing here: admission saw
 * them once, maybe while a namespace label was relaxed and put back. A
 * StatefulSet's claim templates become the claims its pod 0 would mount.
 * Never final: a quota or a label may still change.
 */
export async function admitted(check: CheckOf<'admitted'>, ctx: CheckContext): Promise<Outcome> {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const template = w.template;
  if (!template?.spec) return fail(`internal: ${w.kind} ${w.name} has no pod template`, workloadAt(w));
  const spec = structuredClone(template.spec);
  if (w.kind === 'StatefulSet') {
    for (const claim of (w.object as V1StatefulSet).spec?.volumeClaimTemplates ?? []) {
      const name = claim.metadata?.name ?? '';
      spec.volumes = [...(spec.volumes ?? []).filter((v) => v.name !== name), { name, persistentVolumeClaim: { claimName: `${name}-${w.name}-0` } }];
    }
  }
  const pod: V1Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: `${w.name}-admission-`, labels: { ...(template.metadata?.labels ?? {}) } }, spec };
  const answer = await ctx.probe.admit(pod);
  const ns = ctx.snapshot.namespace;
  if (!answer.allowed) return fail(`a new pod of ${w.kind} ${w.name} in namespace ${ns}: expected admitted, saw refused (${answer.reason})`, workloadAt(w, w.kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template'));
  return pass(`a new pod of ${w.kind} ${w.name} is admitted in namespace ${ns} (server-side dry run)`);
}
