import { isRecord, valueAt } from './values.ts';

/** Where each workload kind keeps its pod spec. */
const podSpecPaths: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The path of an object's pod spec, or undefined for kinds that run no pods. */
export function podSpecPath(kind: string): readonly string[] | undefined {
  return podSpecPaths[kind];
}

/** A container of a pod spec and where it sits in the object. */
export interface ContainerAt {
  path: PropertyKey[];
  container: Record<string, unknown>;
}

/** Every container and init container of an object's pod spec. */
export function containersOf(object: unknown, kind: string): ContainerAt[] {
  const specPath = podSpecPath(kind);
  if (!specPath) return [];
  const found: ContainerAt[] = [];
  for (const list of ['initContainers', 'containers']) {
    const containers = valueAt(object, [...specPath, list]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: unknown, index) => {
      if (isRecord(container)) found.push({ path: [...specPath, list, index], container });
    });
  }
  return found;
}

/** The labels pods of a workload get (its template's, or a Pod's own). */
export function podLabels(object: unknown, kind: string): Record<string, unknown> {
  const specPath = podSpecPath(kind);
  if (!specPath) return {};
  const labels = valueAt(object, [...specPath.slice(0, -1), 'metadata', 'labels']);
  return isRecord(labels) ? labels : {};
}
