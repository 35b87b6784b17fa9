import type { Kube } from '../kube/client.ts';
import { signingKey } from '../home.ts';
import { decodeRecord, encodeRecord, isForeignRecord, MANAGED_BY, type AttemptRecord } from './record.ts';

/** Read the attempt stored on `namespace` (undefined: no namespace or no record). */
export async function readAttempt(kube: Kube, namespace: string): Promise<AttemptRecord | undefined> {
  const ns = await kube.readNamespace(namespace);
  return ns ? decodeRecord(ns, await signingKey()) : undefined;
}

/** Store `record` on its namespace, re-signed. */
export async function writeAttempt(kube: Kube, record: AttemptRecord): Promise<void> {
  await kube.annotateNamespace(record.namespace, encodeRecord(record, await signingKey()));
}

/**
 * Every attempt of this kubedrill home in the cluster, oldest first. Attempts
 * signed with another key (other learners on a shared cluster) are skipped;
 * an edited record of ours still throws AttemptTamperedError.
 */
export async function listAttempts(kube: Kube): Promise<AttemptRecord[]> {
  const key = await signingKey();
  const namespaces = await kube.listNamespaces(`${MANAGED_BY}=kubedrill`);
  const records: AttemptRecord[] = [];
  for (const ns of namespaces) {
    if (ns.status?.phase === 'Terminating' || isForeignRecord(ns, key)) continue;
    const record = decodeRecord(ns, key);
    if (record) records.push(record);
  }
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
