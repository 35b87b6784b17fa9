import type { V1PriorityClass } from '@kubernetes/client-node';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { CheckContext, Snapshot } from '../types.ts';
import { resolveWorkload } from '../workload.ts';
import type { Workload } from '../workload.ts';

/** One priority a workload runs at: a pod's resolved spec.priority, or what its template would get. */
interface Rank {
  source: string;
  value: number;
  preemptionPolicy: string;
}

/**
 * priorityOrder: every priority `higher` runs at (its pods' spec.priority and
 * what its pod template resolves to) is above every priority of `lower`, or
 * equal with all of `lower` at preemptionPolicy Never — so `lower` can no
 * longer preempt `higher`, now or after the next rollout.
 */
export function priorityOrder(check: CheckOf<'priorityOrder'>, ctx: CheckContext): Outcome {
  const ranks: Rank[][] = [];
  for (const name of [check.higher, check.lower]) {
    const found = resolveWorkload({ snapshot: ctx.snapshot, name, fingerprint: ctx.fingerprint, injected: ctx.injected });
    if (!found.ok) return fail(found.reason);
    const template = templateRank(found.workload, ctx.snapshot);
    if (typeof template === 'string') return fail(template);
    ranks.push([template, ...podRanks(found.workload)]);
  }
  const [higher = [], lower = []] = ranks;
  const low = higher.reduce((a, b) => (b.value < a.value ? b : a));
  const high = lower.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = `lowest ${check.higher} priority ${low.value} (${low.source})`;
  const highest = `highest ${check.lower} priority ${high.value} (${high.source})`;
  if (low.value > high.value) return pass(`${check.higher} outranks ${check.lower}: ${lowest} > ${highest}`);
  const preempting = lower.find((r) => r.preemptionPolicy !== 'Never');
  if (low.value === high.value && !preempting) {
    return pass(`${check.higher} cannot be preempted by ${check.lower}: ${lowest} = ${highest}, and every ${check.lower} preemptionPolicy is Never`);
  }
  const tie = low.value === high.value && preempting ? `; on a tie every ${check.lower} preemptionPolicy must be Never, saw ${preempting.preemptionPolicy} (${preempting.source})` : '';
  return fail(`${check.higher} priority: expected above every ${check.lower} priority (or equal with preemptionPolicy Never), saw ${lowest} vs ${highest}${tie}`);
}

function podRanks(w: Workload): Rank[] {
  return w.pods.map((p) => ({
    source: `pod ${podName(p)}`,
    value: p.spec?.priority ?? 0,
    preemptionPolicy: p.spec?.preemptionPolicy ?? 'PreemptLowerPriority',
  }));
}

// What a new pod from the template would get from the Priority admission plugin.
function templateRank(w: Workload, snapshot: Snapshot): Rank | string {
  const className = w.deployment.spec?.template.spec?.priorityClassName;
  let pc: V1PriorityClass | undefined;
  let source: string;
  if (className) {
    pc = snapshot.priorityClasses.find((c) => c.metadata?.name === className);
    if (!pc) return `Deployment ${w.name} spec.template.spec.priorityClassName: expected an existing PriorityClass, saw ${className} which does not exist`;
    source = `template, class ${className}`;
  } else {
    pc = snapshot.priorityClasses.find((c) => c.globalDefault === true);
    source = pc ? `template, no class: global default ${pc.metadata?.name}` : 'template, no class';
  }
  return { source, value: pc?.value ?? 0, preemptionPolicy: pc?.preemptionPolicy ?? 'PreemptLowerPriority' };
}
