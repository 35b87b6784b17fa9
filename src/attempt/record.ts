import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { V1Namespace } from '@kubernetes/client-node';
import type { Fingerprint } from '../../grader/types.ts';

/** Label on every namespace kubedrill creates. */
export const MANAGED_BY = 'app.kubernetes.io/managed-by';
/** Label naming the scenario an attempt namespace holds. */
export const SCENARIO_LABEL = 'kubedrill.io/scenario';
/** Label naming the workshop a namespace belongs to (its seats' attempts are the instructor's to grade, not `status`'s to list). */
export const WORKSHOP_LABEL = 'kubedrill.io/workshop';
/** Label naming the drill an attempt belongs to. */
export const DRILL_LABEL = 'kubedrill.io/drill';
/** The cluster-wide lock exclusive scenarios hold (they change nodes and cluster-scoped objects). */
export const EXCLUSIVE_LOCK = 'kubedrill-exclusive';
const RECORD = 'kubedrill.io/attempt';
const SIGNATURE = 'kubedrill.io/signature';
const KEY_ID = 'kubedrill.io/key-id';

/**
 * An attempt as stored on its namespace ("no external state"): any terminal
 * can find it. Signed with the key under $KUBEDRILL_HOME so an edit is detected.
 */
export interface AttemptRecord {
  scenario: string;
  namespace: string;
  /** When the learner got the task (after the symptom was seen). */
  startedAt: string;
  hintsUsed: number;
  revealed: boolean;
  /** The attempt's other namespaces by role (the scenario's `namespaces`), as created: deleted on stop. */
  namespaces?: Record<string, string>;
  /** "Deployment/api" -> uid at injection: checks follow these objects. */
  fingerprint: Fingerprint;
  /** Extended resources added to nodes: restored on stop. */
  nodeResources: Array<{ node: string; resource: string }>;
  /** Labels set on nodes: removed on stop (absent on older attempts). */
  nodeLabels?: Array<{ node: string; key: string }>;
  /** Directories written on nodes (the hostFiles inject step): removed on stop. */
  hostPaths?: Array<{ node: string; path: string }>;
  /** Cluster-scoped objects the manifests created (kind/name): deleted on stop (PriorityClass, PersistentVolume, StorageClass, ClusterRole, ClusterRoleBinding). */
  clusterObjects: Array<{ kind: string; name: string }>;
  drill?: string;
  /** Made by `verify` or the fixture recorder, not by a learner: status, check and the shell prompt leave it out. */
  proof?: true;
  /** When a check first passed (the attempt's time). */
  passedAt?: string;
  /** sha256 of the baseline annotation (the objects as stored at injection); absent on older attempts. */
  baselineDigest?: string;
  /** "injecting" until the symptom is seen; an attempt left injecting was abandoned. */
  state: 'injecting' | 'active';
}

/** The record tampered with or not signed by this machine's key. */
export class AttemptTamperedError extends Error {
  constructor(namespace: string) {
    super(`the attempt record on namespace ${namespace} was edited or signed by another key; run \`kubedrill reset\` to start over`);
    this.name = 'AttemptTamperedError';
  }
}

/** Annotations that store `record`, signed with `key`. */
export function encodeRecord(record: AttemptRecord, key: Buffer): Record<string, string> {
  const json = JSON.stringify(record);
  return { [RECORD]: json, [SIGNATURE]: sign(json, key), [KEY_ID]: keyId(key) };
}

/**
 * Whether the record on `namespace` was written with another key (another
 * learner's or machine's attempt on a shared cluster): not ours to list. An
 * edit of our own record keeps our key id and fails the signature instead.
 */
export function isForeignRecord(namespace: V1Namespace, key: Buffer): boolean {
  const id = namespace.metadata?.annotations?.[KEY_ID];
  return id !== undefined && id !== keyId(key);
}

/** A short public id of a signing key (not the key). */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The record on a namespace, or undefined when it has none; throws AttemptTamperedError on a bad signature. */
export function decodeRecord(namespace: V1Namespace, key: Buffer): AttemptRecord | undefined {
  const annotations = namespace.metadata?.annotations ?? {};
  const json = annotations[RECORD];
  if (json === undefined) return undefined;
  const expected = Buffer.from(sign(json, key), 'hex');
  const seen = Buffer.from(annotations[SIGNATURE] ?? '', 'hex');
  if (seen.length !== expected.length || !timingSafeEqual(seen, expected)) {
    throw new AttemptTamperedError(namespace.metadata?.name ?? '?');
  }
  return JSON.parse(json) as AttemptRecord;
}

function sign(json: string, key: Buffer): string {
  return createHmac('sha256', key).update(json).digest('hex');
}

/**
 * The record without checking its signature: only for cleaning up (a tampered
 * record still names the node resources and objects to remove).
 */
export function decodeRecordUnverified(namespace: V1Namespace): AttemptRecord | undefined {
  const json = namespace.metadata?.annotations?.[RECORD];
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as AttemptRecord;
  } catch {
    return undefined;
  }
}
