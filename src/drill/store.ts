import type { Kube } from '../kube/client.ts';
import { signingKey } from '../home.ts';
import { DRILL_LABEL, MANAGED_BY } from '../attempt/record.ts';
import { decodeDrill, DRILL_ROLE_LABEL, DrillTamperedError, drillNamespace, encodeDrill, type DrillRecord } from './record.ts';

/** Create the namespace that holds a new drill's record. */
export async function createDrill(kube: Kube, record: DrillRecord): Promise<void> {
  const labels = { [MANAGED_BY]: 'kubedrill', [DRILL_ROLE_LABEL]: 'drill', [DRILL_LABEL]: record.id };
  await kube.createNamespace(drillNamespace(record.id), labels, encodeDrill(record, await signingKey()));
}

/** Store `record` again, re-signed. */
export async function writeDrill(kube: Kube, record: DrillRecord): Promise<void> {
  await kube.annotateNamespace(drillNamespace(record.id), encodeDrill(record, await signingKey()));
}

/** Drill `id`, or undefined when it is not (or no longer) in the cluster. */
export async function readDrill(kube: Kube, id: string): Promise<DrillRecord | undefined> {
  const ns = await kube.readNamespace(drillNamespace(id));
  if (!ns || ns.status?.phase === 'Terminating') return undefined;
  return decodeDrill(ns, await signingKey());
}

/**
 * Every drill in the cluster, oldest first (a namespace being deleted is
 * already over). Records that fail their signature — edited, or another
 * machine's drill on a shared cluster — are not returned but named in `unverified`.
 */
export async function listDrills(kube: Kube): Promise<{ drills: DrillRecord[]; unverified: string[] }> {
  const key = await signingKey();
  const namespaces = await kube.listNamespaces(`${DRILL_ROLE_LABEL}=drill`);
  const drills: DrillRecord[] = [];
  const unverified: string[] = [];
  for (const ns of namespaces) {
    if (ns.status?.phase === 'Terminating') continue;
    try {
      const record = decodeDrill(ns, key);
      if (record) drills.push(record);
    } catch (error) {
      if (!(error instanceof DrillTamperedError)) throw error;
      unverified.push(ns.metadata?.name ?? '?');
    }
  }
  return { drills: drills.sort((a, b) => a.createdAt.localeCompare(b.createdAt)), unverified };
}

/** Remove the drill record (its namespace). */
export async function deleteDrill(kube: Kube, id: string): Promise<void> {
  await kube.deleteNamespace(drillNamespace(id));
}
