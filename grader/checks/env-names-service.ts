import type { V1Pod } from '@kubernetes/client-node';
import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { count, show } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName, runningReady } from '../pod-state.ts';
import { identityCommand, readIdentity } from '../probe-identity.ts';
import type { Answer } from '../probe-identity.ts';
import { resolveTarget } from '../probe-target.ts';
import type { CheckContext, ExecResult } from '../types.ts';
import { workloadAt, podAt, unreadyWhere } from '../where.ts';
import { resolveWorkload, strayNote, workloadLabel } from '../workload.ts';

/** The probe: print the variable as the container's processes see it (exec gets the container's env). */
export function printEnvCommand(variable: string): string[] {
  return ['/bin/sh', '-c', `printf '%s' "\${${variable}-}"`];
}

/**
 * envNamesService: in every Running and Ready pod of the workload (probed at
 * once), the variable names Service `service` of the namespace — its short
 * name, a namespace-qualified name (`redis.ns`, `redis.ns.svc`,
 * `redis.ns.svc.<domain>`, a trailing dot allowed) or its ClusterIP — AND the
 * address as that pod resolves it (its env, its /etc/hosts, cluster DNS) is
 * the genuine dependency: fetched on the Service's first port, it serves the
 * uid of a live pod of the Deployment the scenario's Service selects
 * (probe-identity.ts). A sidecar on localhost, another Service, or the name
 * pinned to a stand-in in hostAliases all fail, naming what answered.
 */
export async function envNamesService(check: CheckOf<'envNamesService'>, ctx: CheckContext): Promise<Outcome> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(check.variable)) return fail(`internal: ${JSON.stringify(check.variable)} is not an environment variable name`, workloadAt(check.workload));
  const service = ctx.snapshot.services.find((s) => s.metadata?.name === check.service);
  if (!service) return fail(`Service ${check.service} not found in namespace ${ctx.snapshot.namespace}: expected ${check.variable} to name it`, { kind: 'Service', name: check.service });
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const note = strayNote(found.workload);
  const pods = found.workload.pods.filter(runningReady).sort((a, b) => podName(a).localeCompare(podName(b)));
  if (pods.length === 0) {
    return fail(`${check.variable} in ${workloadLabel(check.workload)}: expected a Running and Ready pod to read it in, saw none of ${count(found.workload.pods.length, 'pod')}${note}`, unreadyWhere(found.workload));
  }
  const target = resolveTarget(ctx, check.service);
  if (!target.ok) return fail(target.reason, target.where);
  const clusterIP = service.spec?.clusterIP;
  const names = (value: string): boolean => {
    const v = value.trim().replace(/\.$/, '');
    if (clusterIP && clusterIP !== 'None' && v === clusterIP) return true;
    const [first, ns, svc, ...domain] = v.split('.');
    if (first !== check.service) return false;
    if (ns === undefined) return true;
    if (ns !== ctx.snapshot.namespace) return false;
    return svc === undefined || (svc === 'svc' && domain.every((d) => d.length > 0));
  };
  const { port } = target.target;
  const probe = async (pod: V1Pod): Promise<{ pod: V1Pod; container: string; env: ExecResult; answer?: Answer; fetched?: ExecResult }> => {
    const container = check.container ?? pod.spec?.containers[0]?.name ?? '';
    const exec = (command: string[]): Promise<ExecResult> => ctx.probe.exec({ pod: podName(pod), container }, command, { timeoutMs: execTimeoutMs });
    const env = await exec(printEnvCommand(check.variable));
    if (env.exitCode !== 0 || !names(env.stdout)) return { pod, container, env };
    const fetch = identityCommand({ variable: check.variable }, port);
    let fetched = await exec(fetch);
    let answer = readIdentity(fetched, target.target, ctx.snapshot);
    if (!answer.genuine && !couldNotRun(fetched)) {
      fetched = await exec(fetch);
      answer = readIdentity(fetched, target.target, ctx.snapshot);
    }
    return { pod, container, env, answer, fetched };
  };
  const results = await Promise.all(pods.map(probe));
  for (const { pod, container, env, answer, fetched } of results) {
    const where = `pod ${podName(pod)} ${check.variable}`;
    const at = { kind: 'Pod', name: podName(pod), path: `spec.containers[name=${container}].env[name=${check.variable}]` };
    if (couldNotRun(env) || env.exitCode !== 0) return fail(`${where}: could not read it (${describeExec('sh', env)})`, at);
    if (!names(env.stdout)) {
      const ip = clusterIP && clusterIP !== 'None' ? ` or its ClusterIP ${clusterIP}` : '';
      return fail(`${where}: expected it to name Service ${check.service} (${check.service}, ${check.service}.${ctx.snapshot.namespace}.svc.cluster.local${ip}), saw ${env.stdout === '' ? 'it unset or empty' : show(env.stdout)}${note}`, at);
    }
    // The where names the variable, never its value (a hint must not give the answer away).
    const egress = podAt(pod, `egress to $${check.variable}:${port}`);
    if (fetched && couldNotRun(fetched)) return fail(`${where}=${show(env.stdout)}: wget could not run (${describeExec('sh', fetched)})`, egress);
    if (answer && !answer.genuine) {
      return fail(`${where}=${show(env.stdout)}: expected the genuine ${check.service} to answer on ${env.stdout.trim()}:${port} (a pod of Deployment ${target.target.workload.name}, serving its own uid), saw ${answer.saw} (tried twice)${note}`, egress);
    }
  }
  const answered = [...new Set(results.map((r) => (r.answer?.genuine ? podName(r.answer.pod) : '')))].join(', ');
  return pass(`${check.variable} names Service ${check.service} in ${count(pods.length, 'Running and Ready pod')} of ${workloadLabel(check.workload)}: ${show(results[0]?.env.stdout)}, answered by pod ${answered} of Deployment ${target.target.workload.name}${note}`);
}
