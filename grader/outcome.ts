import type { CheckSpec, Observation } from '../src/scenario/schema.ts';

/** A check's result before `grade` stamps the check id on it. */
export interface Outcome {
  passed: boolean;
  /** One line naming the object, the field, what was expected and what was seen. */
  reason: string;
}

/** The params of one check kind, e.g. CheckOf<'rolloutComplete'>. */
export type CheckOf<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;

/** The params of one symptom observation kind, e.g. ObservationOf<'podWaiting'>. */
export type ObservationOf<K extends Observation['kind']> = Extract<Observation, { kind: K }>;

/** A passing outcome: the reason says what held. */
export function pass(reason: string): Outcome {
  return { passed: true, reason };
}

/** A failing outcome: the reason says what was expected and what was seen. */
export function fail(reason: string): Outcome {
  return { passed: false, reason };
}
