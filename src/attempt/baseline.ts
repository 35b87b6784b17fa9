import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { V1Namespace } from '@kubernetes/client-node';
import type { StoredObject } from '../../grader/stored/content.ts';
import { AttemptTamperedError } from './record.ts';

/** The namespace annotation holding the objects as stored at injection (gzip, base64). */
export const BASELINE = 'kubedrill.io/baseline';

// Namespace annotations share one 256 KiB budget with the attempt record.
const MAX_BYTES = 128 * 1024;

/**
 * The objects of an attempt as the API server stored them once the symptom
 * was seen: what a learner's changes are measured against (debrief, and the
 * keep-lists of "do not modify X"). Stored beside the signed record, which
 * carries its digest, so an edit of either one is detected.
 */
export function encodeBaseline(objects: StoredObject[]): { annotation: string; digest: string } {
  const annotation = gzipSync(JSON.stringify(objects)).toString('base64');
  if (annotation.length > MAX_BYTES) {
    throw new Error(`the injected objects take ${annotation.length} bytes compressed, more than the ${MAX_BYTES} a namespace annotation may hold here`);
  }
  return { annotation, digest: baselineDigest(annotation) };
}

/** The digest the attempt record keeps of the baseline annotation. */
export function baselineDigest(annotation: string): string {
  return createHash('sha256').update(annotation).digest('hex');
}

/**
 * The baseline on `namespace`, or undefined when the attempt has none (started
 * by an older kubedrill). Throws when it does not match the recorded digest.
 */
export function decodeBaseline(namespace: V1Namespace, digest: string | undefined): StoredObject[] | undefined {
  if (digest === undefined) return undefined;
  const annotation = namespace.metadata?.annotations?.[BASELINE];
  // Edited or removed: the signed record no longer matches, as with an edited record.
  if (annotation === undefined || baselineDigest(annotation) !== digest) throw new AttemptTamperedError(namespace.metadata?.name ?? '?');
  return JSON.parse(gunzipSync(Buffer.from(annotation, 'base64')).toString('utf8')) as StoredObject[];
}
