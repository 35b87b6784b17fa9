import type { V1LabelSelector } from '@kubernetes/client-node';

/** Labels as they appear in metadata.labels. */
export type Labels = Record<string, string> | undefined;

/**
 * Whether a label selector (matchLabels and matchExpressions with In, NotIn,
 * Exists, DoesNotExist) matches `labels`. An empty selector matches everything;
 * a missing one (undefined) matches nothing, as for Deployments.
 */
export function selectorMatches(selector: V1LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (have[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const present = Object.hasOwn(have, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!present || !values.includes(have[req.key] ?? '')) return false;
        break;
      case 'NotIn':
        if (present && values.includes(have[req.key] ?? '')) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A selector as kubectl prints it: "app=api,tier in (web,db),!legacy"; "{}" for everything. */
export function describeSelector(selector: V1LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions ?? []) {
    const values = (req.values ?? []).join(',');
    if (req.operator === 'In') parts.push(`${req.key} in (${values})`);
    else if (req.operator === 'NotIn') parts.push(`${req.key} notin (${values})`);
    else if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
    else parts.push(`${req.key} ${req.operator} (${values})`);
  }
  return parts.length ? parts.join(',') : '{} (every pod)';
}
