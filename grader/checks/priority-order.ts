import type { V1PriorityClass } from '@kubernetes/client-node';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { CheckContext, Snapshot, Where } from '../types.ts';
import { workloadAt, podAt } from '../where.ts';
import { resolveWorkload, workloadId } from '../workload.ts';
import type { Workload } from '../workload.ts';

/** One priority a workload runs at: a pod's resolved spec.priority, or what its template would get. */
interface Rank {
  source: string;
  value: number;
  /** The field it comes from. */
  where: Where;
}

/**
 * priorityOrder: every priority `higher` runs at (its pods' spec.priority and
 * what its pod template resolves to) is strictly above every priority of
 * `lower` — so `lower` can no longer preempt `higher`, now or after the next
 * rollout. A tie does not count, even with preemptionPolicy Never: the task
 * asks for a higher priority, and at a tie neither side gets the free slots
 * first. A globalDefault PriorityClass fails the check: it would change the
 * priority of every new pod in the cluster, not of these workloads. Final
 * failures: a globalDefault class, a template naming no class, templates
 * out of order (classes and templates are the learner's); pods alone are not.
 */
export function priorityOrder(check: CheckOf<'priorityOrder'>, ctx: CheckContext): Outcome {
  const globalDefault = ctx.snapshot.priorityClasses.find((c) => c.globalDefault === true);
  if (globalDefault) {
    return finalFail(`PriorityClass ${globalDefault.metadata?.name} is globalDefault (value ${globalDefault.value}): expected no globalDefault class — it changes the priority of every new pod in the cluster`, {
      kind: 'PriorityClass',
      name: globalDefault.metadata?.name ?? '',
      path: 'globalDefault',
    });
  }
  const ranks: Rank[][] = [];
  const templates: Rank[] = [];
  for (const name of [check.higher, check.lower]) {
    const found = resolveWorkload({ snapshot: ctx.snapshot, name, fingerprint: ctx.fingerprint, injected: ctx.injected });
    if (!found.ok) return finalFail(found.reason, found.where);
    const template = templateRank(found.workload, ctx.snapshot);
    if (typeof template === 'string') return finalFail(template, workloadAt(name, 'spec.template.spec.priorityClassName'));
    templates.push(template);
    ranks.push([template, ...podRanks(found.workload)]);
  }
  const [higher = [], lower = []] = ranks;
  const low = higher.reduce((a, b) => (b.value < a.value ? b : a));
  const high = lower.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = `lowest ${workloadId(check.higher).name} priority ${low.value} (${low.source})`;
  const highest = `highest ${workloadId(check.lower).name} priority ${high.value} (${high.source})`;
  if (low.value > high.value) return pass(`${workloadId(check.higher).name} outranks ${workloadId(check.lower).name}: ${lowest} > ${highest}`);
  const reason = `${workloadId(check.higher).name} priority: expected above every ${workloadId(check.lower).name} priority, saw ${lowest} vs ${highest}`;
  // Templates out of order: every future pod is too, whatever the pods do now.
  const [higherTemplate, lowerTemplate] = templates;
  return higherTemplate && lowerTemplate && higherTemplate.value <= lowerTemplate.value ? finalFail(reason, low.where) : fail(reason, low.where);
}

function podRanks(w: Workload): Rank[] {
  return w.pods.map((p) => ({
    source: `pod ${podName(p)}`,
    value: p.spec?.priority ?? 0,
    where: podAt(p, 'spec.priority'),
  }));
}

// What a new pod from the template would get from the Priority admission plugin.
function templateRank(w: Workload, snapshot: Snapshot): Rank | string {
  const className = w.template?.spec?.priorityClassName;
  let pc: V1PriorityClass | undefined;
  let source: string;
  if (className) {
    pc = snapshot.priorityClasses.find((c) => c.metadata?.name === className);
    if (!pc) return `${w.kind} ${w.name} spec.template.spec.priorityClassName: expected an existing PriorityClass, saw ${className} which does not exist`;
    source = `template, class ${className}`;
  } else {
    pc = snapshot.priorityClasses.find((c) => c.globalDefault === true);
    source = pc ? `template, no class: global default ${pc.metadata?.name}` : 'template, no class';
  }
  return { source, value: pc?.value ?? 0, where: workloadAt(w, 'spec.template.spec.priorityClassName') };
}
