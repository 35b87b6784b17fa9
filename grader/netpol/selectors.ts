import type { V1LabelSelector } from '@kubernetes/client-node';

/** The label every namespace carries with its own name (Kubernetes ≥ 1.21). */
export const nameLabel = 'kubernetes.io/metadata.name';

interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

// matchLabels k=v is the requirement "k In (v)".
function requirements(selector: V1LabelSelector): Requirement[] {
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  const fromExpressions = (selector.matchExpressions ?? []).map((e) => ({ key: e.key, operator: e.operator, values: e.values ?? [] }));
  return [...fromLabels, ...fromExpressions];
}

// Whether every label set meeting `s` meets `r` (both on the same key).
function requirementImplies(s: Requirement, r: Requirement): boolean {
  if (s.key !== r.key) return false;
  const nonEmptyIn = s.operator === 'In' && s.values.length > 0;
  switch (r.operator) {
    case 'In':
      return nonEmptyIn && s.values.every((v) => r.values.includes(v));
    case 'NotIn':
      return (nonEmptyIn && s.values.every((v) => !r.values.includes(v))) || (s.operator === 'NotIn' && r.values.every((v) => s.values.includes(v))) || s.operator === 'DoesNotExist';
    case 'Exists':
      return nonEmptyIn || s.operator === 'Exists';
    case 'DoesNotExist':
      return s.operator === 'DoesNotExist';
    default:
      return false;
  }
}

/**
 * Whether every label set `narrow` matches is surely matched by `wide`:
 * each requirement of `wide` follows from one requirement of `narrow`.
 * Sound, not complete — when in doubt the answer is no, so a policy is
 * never judged "inside the intent" on a guess.
 */
export function implies(narrow: V1LabelSelector, wide: V1LabelSelector): boolean {
  const have = requirements(narrow);
  return requirements(wide).every((r) => have.some((s) => requirementImplies(s, r)));
}

/**
 * The namespace names a namespaceSelector pins through
 * kubernetes.io/metadata.name (matchLabels or `In`), or undefined when it
 * pins none and may match namespaces we cannot name.
 */
export function pinnedNames(selector: V1LabelSelector): string[] | undefined {
  let names: string[] | undefined;
  for (const r of requirements(selector)) {
    if (r.key !== nameLabel || r.operator !== 'In') continue;
    names = names === undefined ? [...r.values] : names.filter((n) => r.values.includes(n));
  }
  return names;
}

/** `selector` narrowed to the one namespace `name` (its other requirements kept). */
export function forName(selector: V1LabelSelector, name: string): V1LabelSelector {
  const matchExpressions = (selector.matchExpressions ?? []).filter((e) => !(e.key === nameLabel && e.operator === 'In'));
  return { matchLabels: { ...selector.matchLabels, [nameLabel]: name }, ...(matchExpressions.length ? { matchExpressions } : {}) };
}

/** Whether a selector has no requirement at all (`{}`: everything). */
export function isEmptySelector(selector: V1LabelSelector): boolean {
  return requirements(selector).length === 0;
}
