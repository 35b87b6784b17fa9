import type { KubeObject } from '../../grader/types.ts';
import { MANAGED_BY, SCENARIO_LABEL } from '../attempt/record.ts';

/** Label on cluster-scoped objects naming the attempt namespace that created them. */
export const ATTEMPT_NS_LABEL = 'kubedrill.io/attempt-namespace';

/** `object` with kubedrill's labels added to its metadata (never to pod templates: learners' selectors stay theirs). */
export function withAttemptLabels(object: KubeObject, scenario: string, namespace: string): KubeObject {
  const copy = structuredClone(object);
  const labels = (copy.metadata.labels ?? {}) as Record<string, string>;
  copy.metadata.labels = { ...labels, [MANAGED_BY]: 'kubedrill', [SCENARIO_LABEL]: scenario, [ATTEMPT_NS_LABEL]: namespace };
  return copy;
}
