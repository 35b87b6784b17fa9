import type { V1EndpointSlice, V1Pod, V1PodTemplateSpec, V1Service, V1ServicePort } from '@kubernetes/client-node';
import { count, listSome } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName, runningReady } from '../pod-state.ts';
import { describeSelector, selectorMatches } from '../selector.ts';
import type { CheckContext, Where } from '../types.ts';
import { podAt } from '../where.ts';
import { controllerOf, live, resolveWorkload, templateOf, workloadLabel, workloadObjects } from '../workload.ts';
import type { Workload } from '../workload.ts';

/** The label the EndpointSlice controller puts on the slices it writes for a Service with a selector. */
export const controllerManaged = 'endpointslice-controller.k8s.io';

/**
 * serviceRoutes: Service `service` sends `port` to the pods of `workload` and
 * to nothing else, the way Kubernetes decides it — not as the spec is spelled.
 * Its selector (any labels) must match the workload's pod template, so the
 * next rollout's pods are selected too (a pod-template-hash or a relabelled
 * pod fails), and no other workload's template nor any pod the workload does
 * not own; its targetPort, a name resolved against the template's container
 * ports, must come to `targetPort`; and the EndpointSlices of the Service
 * must be the controller's, listing every Ready pod of the workload with
 * that port and no other address. A hand-made EndpointSlice or Endpoints (a
 * selectorless Service), an ExternalName alias, a broad selector that
 * catches a neighbour, a port name no container has: each fails, naming it.
 * Spec faults are final (only a learner writes a Service); what the
 * controller has not caught up with yet is not.
 */
export function serviceRoutes(check: CheckOf<'serviceRoutes'>, ctx: CheckContext): Outcome {
  const at = (path?: string): Where => ({ kind: 'Service', name: check.service, ...(path ? { path } : {}) });
  const subject = `Service ${check.service}`;
  const service = ctx.snapshot.services.find((s) => s.metadata?.name === check.service);
  if (!service) return finalFail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected it to route port ${check.port} to ${workloadLabel(check.workload)}`, at());
  if (service.spec?.type === 'ExternalName') return finalFail(`${subject} spec.type: expected a Service that selects pods, saw ExternalName (a DNS alias for ${service.spec.externalName ?? 'nothing'}, which routes nothing itself)`, at('spec.type'));
  const selector = service.spec?.selector ?? {};
  const selectorText = describeSelector({ matchLabels: selector });
  if (Object.keys(selector).length === 0) return finalFail(`${subject} spec.selector: expected labels that select the pods of ${workloadLabel(check.workload)}, saw none (the Service routes to whatever addresses are written into its endpoints by hand)`, at('spec.selector'));
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(`${subject}: ${found.reason}`, found.where);
  const w = found.workload;
  const selects = (labels: Record<string, string> | undefined): boolean => selectorMatches({ matchLabels: selector }, labels);
  const labelsText = (t: V1PodTemplateSpec | undefined): string => describeSelector({ matchLabels: t?.metadata?.labels ?? {} });
  if (!selects(w.template?.metadata?.labels)) {
    return finalFail(`${subject} spec.selector: expected it to match the pod template of ${w.kind} ${w.name} (labels ${labelsText(w.template)}), saw ${selectorText}: its pods, today's and the next rollout's, are not selected`, at('spec.selector'));
  }
  const neighbour = otherTemplates(ctx, w).find((o) => selects(o.template?.metadata?.labels));
  if (neighbour) return finalFail(`${subject} spec.selector ${selectorText} also matches the pod template of ${neighbour.label} (labels ${labelsText(neighbour.template)}): expected only the pods of ${w.kind} ${w.name}`, at('spec.selector'));
  const owned = new Set(w.pods.map((p) => p.metadata?.uid));
  const stray = ctx.snapshot.pods.filter((p) => live(p) && !terminal(p) && !owned.has(p.metadata?.uid) && selects(p.metadata?.labels));
  if (stray.length > 0) return fail(`${subject} spec.selector ${selectorText} also selects ${listSome(stray.map((p) => `pod ${podName(p)} (${ownerText(p)})`))}: expected only the pods of ${w.kind} ${w.name}`, podAt(stray[0]!, 'metadata.labels'));

  const servicePort = service.spec?.ports?.find((p) => p.port === check.port);
  if (!servicePort) return finalFail(`${subject} spec.ports: expected port ${check.port}, saw ${(service.spec?.ports ?? []).map((p) => p.port).join(', ') || 'none'}`, at('spec.ports'));
  const target = servicePort.targetPort ?? check.port;
  const resolved = resolveNamed(target, w.template);
  if (resolved !== check.targetPort) {
    const saw = typeof target === 'number' || /^\d+$/.test(target)
      ? `${target}`
      : `${JSON.stringify(target)}, ${resolved === undefined ? `a name no container of ${w.kind} ${w.name}'s pod template gives a port (its ports: ${portsText(w.template)})` : `the name of its port ${resolved}`}`;
    return finalFail(`${subject} port ${check.port} targetPort: expected the port ${w.kind} ${w.name} serves on, ${check.targetPort} (by number or by its name), saw ${saw}`, at(`spec.ports[${service.spec?.ports?.indexOf(servicePort) ?? 0}].targetPort`));
  }
  return endpointsProblem(check, ctx, service, servicePort, w) ?? pass(`${subject} (selector ${selectorText}) routes port ${check.port} to ${check.targetPort} on ${count(w.pods.filter(runningReady).length, 'Ready pod')} of ${w.kind} ${w.name} and nothing else; its EndpointSlices are the controller's`);
}

/** What the EndpointSlices of the Service hold against what they should: hand-made ones, other addresses, Ready pods missing or without the port. */
function endpointsProblem(check: CheckOf<'serviceRoutes'>, ctx: CheckContext, service: V1Service, servicePort: V1ServicePort, w: Workload): Outcome | undefined {
  const subject = `Service ${check.service}`;
  const slices = (ctx.snapshot.endpointSlices ?? []).filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === check.service && live(s));
  const at = (slice: V1EndpointSlice, path: string): Where => ({ kind: 'EndpointSlice', name: slice.metadata?.name ?? '<unnamed>', path });
  const handMade = slices.find((s) => s.metadata?.labels?.['endpointslice.kubernetes.io/managed-by'] !== controllerManaged);
  if (handMade) {
    return finalFail(`EndpointSlice ${handMade.metadata?.name} of ${subject} is not the EndpointSlice controller's (managed-by ${JSON.stringify(handMade.metadata?.labels?.['endpointslice.kubernetes.io/managed-by'] ?? '')}): expected the Service's endpoints to come from its selector, not addresses written by hand`, at(handMade, 'metadata.labels'));
  }
  const owners = slices.filter((s) => s.metadata?.ownerReferences?.some((r) => r.uid === service.metadata?.uid));
  // A pod of the workload on its way out (a rollout) is still the workload's.
  const mine = new Set([w.uid, ...w.replicaSets.map((rs) => rs.metadata?.uid)]);
  const byIP = new Set(ctx.snapshot.pods.filter((p) => mine.has(controllerOf(p.metadata)?.uid)).flatMap((p) => (p.status?.podIP ? [p.status.podIP] : [])));
  for (const slice of slices) {
    if (!owners.includes(slice)) return fail(`EndpointSlice ${slice.metadata?.name} of ${subject} is not owned by the Service (the controller removes such slices)`, at(slice, 'metadata.ownerReferences'));
    for (const endpoint of slice.endpoints ?? []) {
      const other = endpoint.addresses.find((a) => !byIP.has(a));
      if (other !== undefined) return fail(`EndpointSlice ${slice.metadata?.name} of ${subject} lists ${other} (${endpoint.targetRef?.name ? `${endpoint.targetRef.kind ?? 'object'} ${endpoint.targetRef.name}` : 'no pod'}): expected only pods of ${w.kind} ${w.name}`, at(slice, 'endpoints'));
    }
  }
  const portName = servicePort.name ?? '';
  for (const pod of w.pods.filter(runningReady).sort((a, b) => podName(a).localeCompare(podName(b)))) {
    const listed = slices.filter((s) => (s.endpoints ?? []).some((e) => e.addresses.includes(pod.status?.podIP ?? '') && e.conditions?.ready !== false));
    if (listed.length === 0) return fail(`${subject}'s EndpointSlices: expected Ready pod ${podName(pod)} (${pod.status?.podIP ?? 'no IP'}) of ${w.kind} ${w.name} as a ready endpoint, saw ${slices.length === 0 ? 'no EndpointSlice' : 'it missing'}`, { kind: 'Service', name: check.service, path: 'endpoints' });
    const withPort = listed.some((s) => (s.ports ?? []).some((p) => (p.name ?? '') === portName && p.port === check.targetPort));
    if (!withPort) {
      const ports = [...new Set(listed.flatMap((s) => (s.ports ?? []).map((p) => `${p.name ? `${p.name}=` : ''}${p.port ?? '?'}`)))].join(', ') || 'none';
      return fail(`EndpointSlice ${listed[0]!.metadata?.name} of ${subject} lists pod ${podName(pod)} with no port ${check.targetPort}${portName ? ` named ${portName}` : ''} (its ports: ${ports}): the Service's targetPort does not resolve on the pod`, at(listed[0]!, 'ports'));
    }
  }
  return undefined;
}

interface Other {
  label: string;
  template: V1PodTemplateSpec | undefined;
}

/** The pod templates of every other live workload of the namespace (bare pods are judged as pods). */
function otherTemplates(ctx: CheckContext, w: Workload): Other[] {
  return (['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'] as const).flatMap((kind) =>
    workloadObjects(ctx.snapshot, kind)
      .filter((o) => o.metadata?.uid !== w.uid && live(o) && !(kind === 'Job' && controllerOf(o.metadata)?.kind === 'CronJob'))
      .map((o) => ({ label: `${kind} ${o.metadata?.name}`, template: templateOf(kind, o) })),
  );
}

/** A targetPort as the EndpointSlice controller resolves it: a number as is, a name through the containers' ports. */
function resolveNamed(target: number | string, template: V1PodTemplateSpec | undefined): number | undefined {
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of template?.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target);
    if (found) return found.containerPort;
  }
  return undefined;
}

function portsText(template: V1PodTemplateSpec | undefined): string {
  return (template?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => `${p.name ? `${p.name}=` : ''}${p.containerPort}`)).join(', ') || 'none declared';
}

function ownerText(pod: V1Pod): string {
  const ref = controllerOf(pod.metadata);
  return ref ? `owned by ${ref.kind} ${ref.name}` : 'a bare pod';
}

function terminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
