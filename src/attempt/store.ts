import type { Kube } from '../kube/client.ts';
import { signingKey } from '../home.ts';
import type { StoredObject } from '../../grader/stored/content.ts';
import type { Snapshot } from '../../grader/types.ts';
import { decodeBaseline } from './baseline.ts';
import { decodeRecord, encodeRecord, isForeignRecord, MANAGED_BY, WORKSHOP_LABEL, type AttemptRecord } from './record.ts';

/** Read the attempt stored on `namespace` (undefined: no namespace or no record). */
export async function readAttempt(kube: Kube, namespace: string): Promise<AttemptRecord | undefined> {
  const ns = await kube.readNamespace(namespace);
  return ns ? decodeRecord(ns, await signingKey()) : undefined;
}

/** Store `record` on its namespace, re-signed (with other annotations written in the same patch). */
export async function writeAttempt(kube: Kube, record: AttemptRecord, also: Record<string, string> = {}): Promise<void> {
  await kube.annotateNamespace(record.namespace, { ...also, ...encodeRecord(record, await signingKey()) });
}

/**
 * The objects of an attempt as stored at injection, from the namespace a
 * snapshot already read (no call of its own); undefined for attempts started
 * before baselines existed, or when the namespace is gone.
 */
export function baselineOf(snapshot: Snapshot, record: AttemptRecord): StoredObject[] | undefined {
  if (record.baselineDigest === undefined || !snapshot.namespaceObject) return undefined;
  return decodeBaseline(snapshot.namespaceObject, record.baselineDigest);
}

/**
 * Every learner attempt of this kubedrill home in the cluster, oldest first.
 * Attempts signed with another key (other learners on a shared cluster) are
 * skipped, and so are proof runs (verify) unless `proofs` is set, and a
 * workshop's seats (`kubedrill workshop status` grades those); an edited
 * record of ours still throws AttemptTamperedError.
 */
export async function listAttempts(kube: Kube, options: { proofs?: boolean } = {}): Promise<AttemptRecord[]> {
  const key = await signingKey();
  const namespaces = await kube.listNamespaces(`${MANAGED_BY}=kubedrill`);
  const records: AttemptRecord[] = [];
  for (const ns of namespaces) {
    if (ns.status?.phase === 'Terminating' || ns.metadata?.labels?.[WORKSHOP_LABEL] || isForeignRecord(ns, key)) continue;
    const record = decodeRecord(ns, key);
    if (record && (!record.proof || options.proofs)) records.push(record);
  }
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
