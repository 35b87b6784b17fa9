import type { V1Node, V1NodeSelectorRequirement, V1NodeSelectorTerm, V1PodSpec } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';
import { workloadAt } from '../where.ts';
import { resolveWorkload, workloadLabel } from '../workload.ts';

type Node = { name: string; labels: Record<string, string> };

// A value no constraint names: a node labelled with it must be refused (NotIn or Exists admit it).
const OTHER_VALUE = 'kubedrill-other-value';

// One requirement against a node's labels (or, for matchFields, its name), as the scheduler reads it.
function requirementHolds(r: V1NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value) || values.length !== 1 || !/^-?\d+$/.test(values[0]!)) return false;
      return r.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

// A term with no requirement selects no node; its requirements are ANDed.
function termHolds(term: V1NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  return expressions.every((r) => requirementHolds(r, node.labels[r.key])) && fields.every((r) => requirementHolds(r, r.key === 'metadata.name' ? node.name : undefined));
}

/**
 * Whether a pod with `spec` may be placed on `node` by its required
 * constraints: every nodeSelector pair, and one of the required node
 * affinity's terms (they are ORed). Preferences, taints and resources aside.
 */
export function admitsNode(spec: V1PodSpec | undefined, node: Node): boolean {
  const selector = spec?.nodeSelector ?? {};
  if (!Object.entries(selector).every(([k, v]) => node.labels[k] === v)) return false;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms === undefined || terms.some((t) => termHolds(t, node));
}

const plain = (n: V1Node): Node => ({ name: n.metadata?.name ?? '', labels: { ...(n.metadata?.labels ?? {}) } });

/**
 * nodeTargeted: the workload's pods are placed by label `key`=`value`. The
 * label is still on a node (the learner did not move it or change its value
 * to match a typo), the pod template's required constraints (nodeSelector
 * and required node affinity, in any spelling) admit that node, and they
 * refuse the same node without the label or with another value: pinning by
 * hostname, by `nodeName` or by another label the node happens to carry
 * fails, as do `Exists`, `NotIn` and no constraint at all. Failures are final: the template and the node's
 * labels are the learner's.
 */
export function nodeTargeted(check: CheckOf<'nodeTargeted'>, ctx: CheckContext): Outcome {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const label = workloadLabel(check.workload);
  const pair = `${check.key}=${check.value}`;
  const spec = found.workload.template?.spec;
  const at = workloadAt(check.workload, 'spec.template.spec');
  if (spec?.nodeName) return finalFail(`${label} spec.template.spec.nodeName: expected the scheduler to place the pods by label ${pair}, saw them bound to node ${show(spec.nodeName)}`, workloadAt(check.workload, 'spec.template.spec.nodeName'));
  const labelled = ctx.snapshot.nodes.filter((n) => n.metadata?.labels?.[check.key] === check.value).map(plain);
  if (labelled.length === 0) {
    const seen = ctx.snapshot.nodes.map(plain).filter((n) => n.labels[check.key] !== undefined).map((n) => `${n.name}: ${check.key}=${n.labels[check.key]}`);
    return finalFail(`expected a node labelled ${pair} (the node keeps the label the brief names), saw ${seen.length ? seen.join(', ') : `no node with label ${check.key}`}`, { kind: 'Node', name: ctx.snapshot.nodes[0]?.metadata?.name ?? '?', path: `metadata.labels[${check.key}]` });
  }
  const admitted = labelled.find((n) => admitsNode(spec, n));
  if (!admitted) return finalFail(`${label} pod template: expected its node constraints to admit node ${labelled[0]!.name} (labelled ${pair}), saw nodeSelector ${show(spec?.nodeSelector ?? {})}${spec?.affinity?.nodeAffinity ? ' and a node affinity' : ''} that refuse it`, at);
  // The same node, its label gone or holding another value: the constraints must refuse both.
  const others = Object.fromEntries(Object.entries(admitted.labels).filter(([k]) => k !== check.key));
  const variants: Array<[string, Node]> = [
    ['without that label', { name: admitted.name, labels: others }],
    [`with ${check.key}=${OTHER_VALUE}`, { name: admitted.name, labels: { ...others, [check.key]: OTHER_VALUE } }],
  ];
  const loose = variants.find(([, node]) => admitsNode(spec, node));
  if (loose) return finalFail(`${label} pod template: expected its node constraints to require ${pair}, saw them admit node ${admitted.name} ${loose[0]} too (nodeSelector ${show(spec?.nodeSelector ?? {})}${spec?.affinity?.nodeAffinity ? ', a node affinity' : ''})`, at);
  return pass(`${label} pods are placed by label ${pair}: node ${admitted.name} is admitted with it and would be refused without it or with another value`);
}
