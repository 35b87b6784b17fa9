import { fieldPathOf, showValue, type ScenarioProblem } from './errors.ts';
import type { LoadedObject } from './manifests.ts';
import { containersOf, podLabels, podSpecPath } from './pod-spec.ts';
import { isRecord, valueAt } from './values.ts';

interface ContainerPort {
  number: number;
  name?: string;
  protocol: string;
}

/**
 * Every Service's port equals its targetPort and a containerPort of the pods
 * it selects, so a NetworkPolicy port (which matches the pod port after
 * kube-proxy's rewrite) means the same number everywhere in a scenario.
 * `broken` names Services whose selector or targetPort is the injected break.
 */
export function servicePortProblems(objects: readonly LoadedObject[], broken: readonly string[] = []): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const workloads = objects.filter((o) => o.object.kind !== 'Service' && podSpecPath(o.object.kind) !== undefined);
  for (const service of objects.filter((o) => o.object.kind === 'Service' && !broken.includes(o.object.metadata.name))) {
    const report = (at: PropertyKey[], detail: string): void => {
      const line = service.lineOf(at);
      problems.push({ file: service.file, fieldPath: `${service.label} ${fieldPathOf(at)}`, detail, ...(line ? { line } : {}) });
    };
    const selector = valueAt(service.object, ['spec', 'selector']);
    if (!isRecord(selector) || Object.keys(selector).length === 0) continue; // nothing selected on purpose
    const selected = workloads.filter((w) => {
      const labels = podLabels(w.object, w.object.kind);
      return Object.entries(selector).every(([key, value]) => labels[key] === value);
    });
    if (selected.length === 0) {
      report(['spec', 'selector'], `selects no pods of the manifests (no workload's pods are labelled ${labelText(selector)})`);
      continue;
    }
    const ports = valueAt(service.object, ['spec', 'ports']);
    if (!Array.isArray(ports)) continue;
    ports.forEach((entry: unknown, index) => {
      if (!isRecord(entry) || typeof entry.port !== 'number') return;
      const port = entry.port;
      const protocol = typeof entry.protocol === 'string' ? entry.protocol : 'TCP';
      for (const workload of selected) {
        const declared = containerPorts(workload);
        const target = entry.targetPort ?? port;
        const resolved = typeof target === 'string' ? declared.find((p) => p.name === target)?.number : target;
        if (resolved !== port) {
          const seen = typeof target === 'string' ? `${showValue(target)} (${resolved === undefined ? `no such port name in ${workload.label}` : `containerPort ${String(resolved)} in ${workload.label}`})` : showValue(target);
          report(['spec', 'ports', index, 'targetPort'], `expected ${port} (equal to port), saw ${seen}`);
        } else if (!declared.some((p) => p.number === port && p.protocol === protocol)) {
          const list = declared.map((p) => `${p.number}/${p.protocol}`).join(', ') || 'none';
          report(['spec', 'ports', index, 'port'], `${workload.label} declares no containerPort ${port}/${protocol} (its ports: ${list})`);
        }
      }
    });
  }
  return dedupe(problems);
}

function containerPorts(workload: LoadedObject): ContainerPort[] {
  return containersOf(workload.object, workload.object.kind).flatMap(({ container }) =>
    (Array.isArray(container.ports) ? container.ports : []).filter(isRecord).flatMap((p): ContainerPort[] =>
      typeof p.containerPort === 'number'
        ? [{ number: p.containerPort, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP', ...(typeof p.name === 'string' ? { name: p.name } : {}) }]
        : [],
    ),
  );
}

function labelText(selector: Record<string, unknown>): string {
  return Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`).join(',');
}

function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.fieldPath}\0${p.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
