import { createHmac, timingSafeEqual } from 'node:crypto';
import type { V1Namespace } from '@kubernetes/client-node';
import type { HistoryEntry } from '../history.ts';
import type { ScoringRules } from './score.ts';

/** A graded drill: the same shape in the cluster record, in history and in `drill submit --json`. */
export type DrillResult = Extract<HistoryEntry, { type: 'drill' }>;

/** One task of a drill: a scenario injected in its own namespace. */
export interface DrillTask {
  scenario: string;
  namespace: string;
  weight: number;
}

/**
 * A drill as stored in the cluster, signed like attempt records: on a
 * namespace of its own (`kubedrill-drill-<id>`), so `drill status` and
 * `drill submit` work from any terminal and the detached timer finds it.
 * Editing it (a later deadline, a better score) breaks the signature.
 */
export interface DrillRecord {
  id: string;
  seed: string;
  createdAt: string;
  /** When every symptom was seen and the clock started. */
  startedAt?: string;
  deadline?: string;
  timeLimitSeconds: number;
  rules: ScoringRules;
  tasks: DrillTask[];
  /** "injecting" until every task shows its symptom; "graded" once submitted or expired. */
  state: 'injecting' | 'active' | 'graded';
  result?: DrillResult;
  /** The `drill` process injecting the tasks: a drill left injecting by a dead one was abandoned. */
  injectorPid?: number;
  /** The detached process that grades at the deadline (a submit after the deadline waits for it). */
  timerPid?: number;
}

/** Label on the namespace that holds a drill record. */
export const DRILL_ROLE_LABEL = 'kubedrill.io/role';
const RECORD = 'kubedrill.io/drill-record';
const SIGNATURE = 'kubedrill.io/drill-signature';

/** The namespace that holds drill `id`'s record. */
export function drillNamespace(id: string): string {
  return `kubedrill-drill-${id}`;
}

/** A new drill id: the start time in base 36 (short, sortable, a valid label value). */
export function newDrillId(now = Date.now()): string {
  return now.toString(36);
}

/** The drill record was edited or signed by another key (exit 2, like a tampered attempt). */
export class DrillTamperedError extends Error {
  readonly exitCode = 2;
  constructor(namespace: string) {
    super(`the drill record on namespace ${namespace} was edited or signed by another key; its result cannot be trusted`);
    this.name = 'DrillTamperedError';
  }
}

/** Annotations that store `record`, signed with `key`. */
export function encodeDrill(record: DrillRecord, key: Buffer): Record<string, string> {
  const json = JSON.stringify(record);
  return { [RECORD]: json, [SIGNATURE]: sign(json, key) };
}

/** The drill record on a namespace (undefined: none); throws DrillTamperedError on a bad signature. */
export function decodeDrill(namespace: V1Namespace, key: Buffer): DrillRecord | undefined {
  const annotations = namespace.metadata?.annotations ?? {};
  const json = annotations[RECORD];
  if (json === undefined) return undefined;
  const expected = Buffer.from(sign(json, key), 'hex');
  const seen = Buffer.from(annotations[SIGNATURE] ?? '', 'hex');
  if (seen.length !== expected.length || !timingSafeEqual(seen, expected)) throw new DrillTamperedError(namespace.metadata?.name ?? '?');
  return JSON.parse(json) as DrillRecord;
}

function sign(json: string, key: Buffer): string {
  return createHmac('sha256', key).update(`drill:${json}`).digest('hex');
}
