import type { Kube } from '../kube/client.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import type { Progress } from '../../cluster/progress.ts';
import { EXCLUSIVE_LOCK } from '../attempt/record.ts';

const SYSTEM_CLASSES = new Set(['system-cluster-critical', 'system-node-critical']);

/**
 * Undo an attempt: restore node resources, delete the cluster-scoped objects
 * its manifests created and the PriorityClasses the learner created for it
 * (referenced from the namespace, created after the attempt started, used by
 * no pod elsewhere), then delete the namespace and wait until it is gone.
 * A globalDefault class created during an attempt that changed cluster-wide
 * state goes too, though other namespaces' pods name it (admission writes its
 * name into every new pod): only one such attempt runs at a time (the
 * exclusive lock), so it is that attempt's; any other attempt leaves it.
 */
export async function cleanupAttempt(
  kube: Kube,
  record: AttemptRecord,
  progress: Progress,
  options: { wait?: boolean } = {},
): Promise<void> {
  const namespace = record.namespace;
  // Waiting matters when the name is reused (start, reset) or node resources
  // must be free again; a verify case's unique namespace (and its own copy of
  // every cluster-scoped name) can go in the background.
  const wait = options.wait ?? true;
  await progress.step(`clean up namespace ${namespace}`, async () => {
    const learnerClasses = await learnerPriorityClasses(kube, record);
    // The namespace goes first: its pods must not keep using resources we restore.
    await kube.deleteNamespace(namespace, wait ? undefined : 0);
    for (const { node, resource } of record.nodeResources) await kube.setNodeResource(node, resource, null);
    for (const object of record.clusterObjects) {
      if (object.kind === 'PriorityClass') await kube.deletePriorityClass(object.name);
    }
    for (const name of learnerClasses) await kube.deletePriorityClass(name);
    await kube.releaseLock(EXCLUSIVE_LOCK, namespace);
  });
}

async function learnerPriorityClasses(kube: Kube, record: AttemptRecord): Promise<string[]> {
  const snapshot = await kube.snapshot(record.namespace).catch(() => undefined);
  if (!snapshot) return [];
  const referenced = new Set<string>();
  for (const d of snapshot.deployments) {
    const name = d.spec?.template?.spec?.priorityClassName;
    if (name) referenced.add(name);
  }
  for (const p of snapshot.pods) if (p.spec?.priorityClassName) referenced.add(p.spec.priorityClassName);
  const injected = new Set(record.clusterObjects.filter((o) => o.kind === 'PriorityClass').map((o) => o.name));
  const started = Date.parse(record.startedAt);
  const classes = snapshot.priorityClasses.filter(
    (c) =>
      referenced.has(c.metadata?.name ?? '') &&
      !injected.has(c.metadata?.name ?? '') &&
      !SYSTEM_CLASSES.has(c.metadata?.name ?? '') &&
      Date.parse(String(c.metadata?.creationTimestamp ?? 0)) >= started - 1000,
  );
  if (classes.length === 0) return [];
  const clusterWide = record.nodeResources.length > 0 || record.clusterObjects.length > 0;
  // A class some other namespace's pods use is not ours to delete.
  const usedElsewhere = new Set<string>();
  for (const p of await kube.listAllPods()) {
    if (p.metadata?.namespace !== record.namespace && p.spec?.priorityClassName) usedElsewhere.add(p.spec.priorityClassName);
  }
  return classes
    .filter((c) => (c.globalDefault === true && clusterWide) || !usedElsewhere.has(c.metadata?.name ?? ''))
    .map((c) => c.metadata?.name ?? '')
    .filter(Boolean);
}
