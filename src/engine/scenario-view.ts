import type { Scenario } from '../scenario/types.ts';

/**
 * What the engine needs from a loaded scenario: the spec fields plus the
 * parsed manifests. Narrower than Scenario so tests can build one without files.
 */
export type ScenarioView = Pick<Scenario, 'id' | 'exclusive' | 'inject' | 'symptom' | 'checks' | 'preconditions' | 'namespace' | 'manifests' | 'injected'> & Partial<Pick<Scenario, 'keep' | 'namespaces' | 'namespaceLabels'>>;
