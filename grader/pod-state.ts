import type { V1ContainerState, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { truncate } from './format.ts';
import { showTime } from './time.ts';

/** Whether the pod's Ready condition is True. */
export function podReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Phase Running and Ready: a pod a probe may exec into and trust. */
export function runningReady(pod: V1Pod): boolean {
  return pod.status?.phase === 'Running' && podReady(pod);
}

/** The pod's name, for reasons. */
export function podName(pod: V1Pod): string {
  return pod.metadata?.name ?? '<unnamed>';
}

/** Statuses of init and regular containers, init first. */
export function allStatuses(pod: V1Pod): V1ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

/** A container state in a few words: "running since …", "waiting CrashLoopBackOff", "terminated OOMKilled (exit 137)". */
export function describeState(state: V1ContainerState | undefined): string {
  if (state?.running) return `running since ${showTime(state.running.startedAt)}`;
  if (state?.waiting) {
    const message = state.waiting.message ? `: ${truncate(state.waiting.message, 60)}` : '';
    return `waiting ${state.waiting.reason ?? '(no reason)'}${message}`;
  }
  if (state?.terminated) return `terminated ${state.terminated.reason ?? '(no reason)'} (exit ${state.terminated.exitCode})`;
  return 'no state reported';
}

/**
 * Everything that keeps a pod from being healthy, each as a short phrase;
 * empty when the pod is Running, Ready and every container is running and ready.
 */
export function podProblems(pod: V1Pod): string[] {
  const problems: string[] = [];
  const phase = pod.status?.phase ?? 'Unknown';
  if (phase !== 'Running') {
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status !== 'True');
    const why = scheduled ? ` (${scheduled.reason ?? 'not scheduled'}${scheduled.message ? `: ${truncate(scheduled.message, 60)}` : ''})` : '';
    problems.push(`phase ${phase}${why}`);
  }
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  for (const init of pod.status?.initContainerStatuses ?? []) {
    if (init.state?.waiting || (init.state?.terminated && init.state.terminated.exitCode !== 0)) {
      problems.push(`init container ${init.name} ${describeState(init.state)}`);
    }
  }
  for (const container of pod.spec?.containers ?? []) {
    const status = statuses.get(container.name);
    if (!status) problems.push(`container ${container.name} has no status yet`);
    else if (!status.state?.running) problems.push(`container ${container.name} ${describeState(status.state)}`);
    else if (!status.ready) problems.push(`container ${container.name} running but not ready`);
  }
  if (!podReady(pod) && problems.length === 0) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    problems.push(`Ready condition ${ready?.status ?? 'missing'}${ready?.reason ? ` (${ready.reason})` : ''}`);
  }
  return problems;
}

/**
 * The field where the pod's first problem shows, in the order worth looking:
 * an unscheduled pod's PodScheduled condition; a crashed container's last
 * termination (its logs live there); a waiting or terminated state; a running
 * container that is not ready; the Ready condition. Undefined when healthy.
 */
export function problemPath(pod: V1Pod): string | undefined {
  if (pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status !== 'True')) return 'status.conditions[type=PodScheduled]';
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const broken = (pod.status?.initContainerStatuses ?? []).find((s) => s.state?.waiting || (s.state?.terminated && s.state.terminated.exitCode !== 0));
  if (broken) return `status.initContainerStatuses[name=${broken.name}].${stateField(broken)}`;
  for (const container of pod.spec?.containers ?? []) {
    const status = statuses.get(container.name);
    if (!status) return 'status.containerStatuses';
    if (!status.state?.running) return `status.containerStatuses[name=${container.name}].${stateField(status)}`;
    if (!status.ready) return `status.containerStatuses[name=${container.name}].ready`;
  }
  if (!podReady(pod)) return 'status.conditions[type=Ready]';
  return pod.status?.phase === 'Running' ? undefined : 'status.phase';
}

/** The state field worth reading: `lastState.terminated` for a container waiting after a crash (what ended it), else its state. */
export function stateField(status: V1ContainerStatus): string {
  if (status.state?.waiting && status.lastState?.terminated) return 'lastState.terminated';
  return status.state?.terminated ? 'state.terminated' : 'state.waiting';
}
