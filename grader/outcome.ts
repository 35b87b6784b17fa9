import type { CheckSpec, Observation } from '../src/scenario/schema.ts';
import type { Where } from './types.ts';

/** A check's result before `grade` stamps the check id (and, when missing, a default `where`) on it. */
export interface Outcome {
  passed: boolean;
  /** One line naming the object, the field, what was expected and what was seen. */
  reason: string;
  /** The object and field the outcome is about; `grade` falls back to the check's own object. */
  where?: Where;
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
