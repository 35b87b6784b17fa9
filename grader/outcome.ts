import type { CheckSpec, Observation } from '../src/scenario/schema.ts';
import type { Where } from './types.ts';

/** A check's result before `grade` stamps the check id (and, when missing, a default `where`) on it. */
export interface Outcome {
  passed: boolean;
  /** One line naming the object, the field, what was expected and what was seen. */
  reason: string;
  /** The object and field the outcome is about; `grade` falls back to the check's own object. */
  where?: Where;
  /**
   * A failure that nothing but a learner's change can undo (docs/decisions/0080):
   * the tracked object is gone, or a field no controller writes is wrong.
   * Never set on a failure a controller or the kubelet may still turn.
   */
  final?: true;
  /**
   * A failure only a learner's change can undo, but one the API server
   * answers from caches that follow the objects a moment late (the
   * authorizer's): final once the learner has been done this many seconds.
   */
  finalAfterS?: number;
}

/** The params of one check kind, e.g. CheckOf<'rolloutComplete'>. */
export type CheckOf<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;

/** The params of one symptom observation kind, e.g. ObservationOf<'podWaiting'>. */
export type ObservationOf<K extends Observation['kind']> = Extract<Observation, { kind: K }>;

/** A passing outcome: the reason says what held; `where` defaults to the check's object. */
export function pass(reason: string, where?: Where): Outcome {
  return where ? { passed: true, reason, where } : { passed: true, reason };
}

/** A failing outcome: the reason says what was expected and what was seen, `where` which object and field were wrong. */
export function fail(reason: string, where: Where): Outcome {
  return { passed: false, reason, where };
}

/**
 * A failure only the learner can undo — the injected object is gone or
 * replaced, a kept object's spec differs, a learner-owned field (a spec, a
 * ConfigMap's data, a PriorityClass) is wrong. Once the learner (a verify
 * script) is done, it is the outcome at any later time: verify may end the
 * case here. Never for what a controller or the kubelet may still change.
 */
export function finalFail(reason: string, where: Where): Outcome {
  return { passed: false, reason, where, final: true };
}

/**
 * A failure only the learner can undo, read through a cache that settles
 * within seconds (what RBAC allows: the authorizer's informers, the
 * ClusterRole aggregation controller): final `seconds` after the learner (a
 * verify script) is done, never sooner.
 */
export function settledFail(reason: string, where: Where, seconds: number): Outcome {
  return { passed: false, reason, where, finalAfterS: seconds };
}
