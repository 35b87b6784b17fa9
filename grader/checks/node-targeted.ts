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

/** The fingerprint key of a node label as it was when the attempt began. */
export const nodeLabelKey = (node: string, key: string): string => `NodeLabel/${node}/${key}`;

/**
 * The first way one alternative of the constraints (the nodeSelector ANDed
 * with one required affinity term, or the nodeSelector alone) admits a node
 * whose `key` label is not `value`: absent, another value the constraints
 * name, one they do not, or a number next to a Gt/Lt bound. Requirements on
 * other labels are taken as some node's: they cannot stand in for `key`.
 */
function looseAlternative(spec: V1PodSpec | undefined, key: string, value: string): string | undefined {
  const selector: V1NodeSelectorRequirement[] = Object.entries(spec?.nodeSelector ?? {}).map(([k, v]) => ({ key: k, operator: 'In', values: [v] }));
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  // A term with no requirement selects no node.
  const alternatives = terms === undefined ? [{ at: 'nodeSelector', reqs: selector }] : terms.flatMap((t, i) => ((t.matchExpressions ?? []).length + (t.matchFields ?? []).length === 0 ? [] : [{ at: `node affinity term ${i + 1}`, reqs: [...selector, ...(t.matchExpressions ?? [])] }]));
  for (const { at, reqs } of alternatives) {
    const onKey = reqs.filter((r) => r.key === key);
    const bounds = onKey.filter((r) => r.operator === 'Gt' || r.operator === 'Lt').flatMap((r) => (r.values ?? []).filter((v) => /^-?\d+$/.test(v)).flatMap((v) => [String(Number(v) + 1), String(Number(v) - 1)]));
    const candidates = [undefined, OTHER_VALUE, ...onKey.flatMap((r) => r.values ?? []), ...bounds].filter((c) => c !== value);
    const i = candidates.findIndex((c) => onKey.every((r) => requirementHolds(r, c)));
    if (i >= 0) return `${at} admits a node ${candidates[i] === undefined ? `without label ${key}` : `with ${key}=${candidates[i]}`}`;
  }
  return undefined;
}

/** Every label key the template's required node constraints name. */
export function constrainedKeys(spec: V1PodSpec | undefined): Set<string> {
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return new Set([...Object.keys(spec?.nodeSelector ?? {}), ...terms.flatMap((t) => (t.matchExpressions ?? []).map((r) => r.key))]);
}

/**
 * nodeTargeted: the workload's pods are placed by label `key`=`value`. The
 * label is still on a node (the learner did not move it or change its value
 * to match a typo), the pod template's required constraints (nodeSelector
 * and required node affinity, in any spelling) admit that node, and every
 * alternative they allow (each required affinity term, ANDed with the
 * nodeSelector) refuses any node without `key`=`value`: pinning by
 * hostname, by `nodeName` or by another label fails, as do `Exists`,
 * `NotIn`, `In [value, typo]`, a second term that admits other nodes and no
 * constraint at all. No label the constraints name may differ from what the
 * nodes carried when the attempt began (the fingerprint): a label added to
 * the node to be selected on is a changed node. Failures are final: the
 * template and the node's labels are the learner's.
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
  for (const node of ctx.snapshot.nodes.map(plain)) {
    if (!Object.keys(ctx.fingerprint).some((k) => k.startsWith(nodeLabelKey(node.name, '')))) continue;
    for (const key of constrainedKeys(spec)) {
      const was = ctx.fingerprint[nodeLabelKey(node.name, key)];
      if (was !== node.labels[key]) return finalFail(`node ${node.name} label ${key}: expected it as it was when the task began (${was === undefined ? 'absent' : show(was)}) — ${label}'s node constraints name it — saw ${node.labels[key] === undefined ? 'it removed' : show(node.labels[key])}`, { kind: 'Node', name: node.name, path: `metadata.labels[${key}]` });
    }
  }
  const admitted = labelled.find((n) => admitsNode(spec, n));
  if (!admitted) return finalFail(`${label} pod template: expected its node constraints to admit node ${labelled[0]!.name} (labelled ${pair}), saw nodeSelector ${show(spec?.nodeSelector ?? {})}${spec?.affinity?.nodeAffinity ? ' and a node affinity' : ''} that refuse it`, at);
  const loose = looseAlternative(spec, check.key, check.value);
  if (loose) return finalFail(`${label} pod template: expected its node constraints to require ${pair}, saw: its ${loose} (nodeSelector ${show(spec?.nodeSelector ?? {})}${spec?.affinity?.nodeAffinity ? ', a node affinity' : ''})`, at);
  return pass(`${label} pods are placed by label ${pair}: node ${admitted.name} is admitted with it, and every alternative of the constraints refuses a node without it`);
}
