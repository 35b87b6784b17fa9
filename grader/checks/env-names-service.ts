import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { count, show } from '../format.ts';
import { fail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName, runningReady } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { deployment, unreadyWhere } from '../where.ts';
import { resolveWorkload, strayNote } from '../workload.ts';

/** The probe: print the variable as the container's processes see it (exec gets the container's env). */
export function printEnvCommand(variable: string): string[] {
  return ['sh', '-c', `printf '%s' "\${${variable}-}"`];
}

/**
 * envNamesService: in every Running and Ready pod of the workload, the
 * variable names Service `service` of the namespace — its short name, a
 * namespace-qualified name (`redis.ns`, `redis.ns.svc`, `redis.ns.svc.<domain>`,
 * a trailing dot allowed) or its ClusterIP. A look-alike the learner stood
 * up (a sidecar on localhost, another Service) answers on the port too: this
 * is what tells it from the dependency the task names.
 */
export async function envNamesService(check: CheckOf<'envNamesService'>, ctx: CheckContext): Promise<Outcome> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(check.variable)) return fail(`internal: ${JSON.stringify(check.variable)} is not an environment variable name`, deployment(check.workload));
  const service = ctx.snapshot.services.find((s) => s.metadata?.name === check.service);
  if (!service) return fail(`Service ${check.service} not found in namespace ${ctx.snapshot.namespace}: expected ${check.variable} to name it`, { kind: 'Service', name: check.service });
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return fail(found.reason, found.where);
  const note = strayNote(found.workload);
  const pods = found.workload.pods.filter(runningReady).sort((a, b) => podName(a).localeCompare(podName(b)));
  if (pods.length === 0) {
    return fail(`${check.variable} in Deployment ${check.workload}: expected a Running and Ready pod to read it in, saw none of ${count(found.workload.pods.length, 'pod')}${note}`, unreadyWhere(found.workload));
  }
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
  let seen = '';
  for (const pod of pods) {
    const container = check.container ?? pod.spec?.containers[0]?.name;
    const result = await ctx.probe.exec({ pod: podName(pod), container }, printEnvCommand(check.variable), { timeoutMs: execTimeoutMs });
    const where = `pod ${podName(pod)} ${check.variable}`;
    const at = { kind: 'Pod', name: podName(pod), path: `spec.containers[name=${container}].env[name=${check.variable}]` };
    if (couldNotRun(result) || result.exitCode !== 0) return fail(`${where}: could not read it (${describeExec('sh', result)})`, at);
    if (!names(result.stdout)) {
      const ip = clusterIP && clusterIP !== 'None' ? ` or its ClusterIP ${clusterIP}` : '';
      return fail(`${where}: expected it to name Service ${check.service} (${check.service}, ${check.service}.${ctx.snapshot.namespace}.svc.cluster.local${ip}), saw ${result.stdout === '' ? 'it unset or empty' : show(result.stdout)}${note}`, at);
    }
    seen = result.stdout;
  }
  return pass(`${check.variable} names Service ${check.service} in ${count(pods.length, 'Running and Ready pod')} of Deployment ${check.workload}: ${show(seen)}${note}`);
}
