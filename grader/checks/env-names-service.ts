import type { V1Pod } from '@kubernetes/client-node';
import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { count, show } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName, runningReady } from '../pod-state.ts';
import { identityCommand, probeShell, readIdentity } from '../probe-identity.ts';
import type { Answer } from '../probe-identity.ts';
import { resolveTarget } from '../probe-target.ts';
import type { CheckContext, ExecResult } from '../types.ts';
import { workloadAt, podAt, unreadyWhere } from '../where.ts';
import { targetContext } from '../role-context.ts';
import { resolveWorkload, strayNote, workloadLabel } from '../workload.ts';

/** The probe: print the variable as the container's processes see it (exec gets the container's env). */
export function printEnvCommand(variable: string): string[] {
  return ['/bin/sh', '-c', `printf '%s' "\${${variable}-}"`];
}

/**
 * Ask cluster DNS for a name as the pod's resolver would expand it — each
 * search domain of /etc/resolv.conf first, then the name itself (an absolute
 * name, with its trailing dot, alone) — with busybox nslookup, which skips
 * /etc/hosts; prints the first answer that names an address. `name` must be a
 * DNS name (it is put in the shell as is).
 */
export function resolverLookupCommand(name: string): string[] {
  return probeShell(
    `n='${name}'; case "$n" in *.) set -- "$n" ;; *) set -- $(sed -n 's/^search[[:space:]]*//p' /etc/resolv.conf | tr -s ' \\t' '\\n' | sed "s/\$/./; s/^/$n./") "$n." ;; esac; ` +
      `for c in "$@"; do out=$(nslookup "$c" 2>&1); case "$out" in *"Name:"*) echo "$out"; exit 0 ;; esac; done; echo "$out"; exit 1`,
  );
}

/** The addresses an nslookup answered for the name (those after its first `Name:` line; the server's come before). */
export function dnsAddresses(stdout: string): string[] {
  const at = stdout.search(/^Name:/m);
  return at < 0 ? [] : [...stdout.slice(at).matchAll(/^Address(?: \d+)?:\s*(\S+)/gm)].map((m) => m[1] ?? '');
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
 * With `targetNamespace` the Service lives in that namespace of the attempt
 * (a short name no longer names it); with `byDns` a ClusterIP literal fails,
 * and cluster DNS (nslookup, which skips /etc/hosts) must resolve the name to
 * the address the fetch reached: a hostAliases pin to the genuine pod or
 * ClusterIP fails too.
 */
export async function envNamesService(check: CheckOf<'envNamesService'>, ctx: CheckContext): Promise<Outcome> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(check.variable)) return fail(`internal: ${JSON.stringify(check.variable)} is not an environment variable name`, workloadAt(check.workload));
  const home = targetContext(ctx, check.targetNamespace);
  if (!home.ok) return fail(home.reason, workloadAt(check.workload));
  const there = home.ctx;
  const service = there.snapshot.services.find((s) => s.metadata?.name === check.service);
  if (!service) return fail(`Service ${check.service} not found in namespace ${there.snapshot.namespace}: expected ${check.variable} to name it`, { kind: 'Service', name: check.service });
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const note = strayNote(found.workload);
  const pods = found.workload.pods.filter(runningReady).sort((a, b) => podName(a).localeCompare(podName(b)));
  if (pods.length === 0) {
    return fail(`${check.variable} in ${workloadLabel(check.workload)}: expected a Running and Ready pod to read it in, saw none of ${count(found.workload.pods.length, 'pod')}${note}`, unreadyWhere(found.workload));
  }
  const target = resolveTarget(there, check.service);
  if (!target.ok) return fail(target.reason, target.where);
  const clusterIP = service.spec?.clusterIP;
  const names = (value: string): boolean => {
    const v = value.trim().replace(/\.$/, '');
    if (!check.byDns && clusterIP && clusterIP !== 'None' && v === clusterIP) return true;
    const [first, ns, svc, ...domain] = v.split('.');
    if (first !== check.service) return false;
    if (ns === undefined) return there.snapshot.namespace === ctx.snapshot.namespace;
    if (ns !== there.snapshot.namespace) return false;
    return svc === undefined || (svc === 'svc' && domain.every((d) => d.length > 0));
  };
  const { port } = target.target;
  const probe = async (pod: V1Pod): Promise<{ pod: V1Pod; container: string; env: ExecResult; answer?: Answer; fetched?: ExecResult; lookup?: ExecResult }> => {
    const container = check.container ?? pod.spec?.containers[0]?.name ?? '';
    const exec = (command: string[]): Promise<ExecResult> => ctx.probe.exec({ pod: podName(pod), container }, command, { timeoutMs: execTimeoutMs });
    const env = await exec(printEnvCommand(check.variable));
    if (env.exitCode !== 0 || !names(env.stdout)) return { pod, container, env };
    const fetch = identityCommand({ variable: check.variable }, port);
    let fetched = await exec(fetch);
    let answer = readIdentity(fetched, target.target, there.snapshot);
    if (!answer.genuine && !couldNotRun(fetched)) {
      fetched = await exec(fetch);
      answer = readIdentity(fetched, target.target, there.snapshot);
    }
    // names() admitted only a DNS-name shape, so the value is safe to pass to the shell.
    const lookup = check.byDns && answer.genuine ? await exec(resolverLookupCommand(env.stdout.trim())) : undefined;
    return { pod, container, env, answer, fetched, ...(lookup ? { lookup } : {}) };
  };
  const results = await Promise.all(pods.map(probe));
  for (const { pod, container, env, answer, fetched, lookup } of results) {
    const where = `pod ${podName(pod)} ${check.variable}`;
    const at = { kind: 'Pod', name: podName(pod), path: `spec.containers[name=${container}].env[name=${check.variable}]` };
    if (couldNotRun(env) || env.exitCode !== 0) return fail(`${where}: could not read it (${describeExec('sh', env)})`, at);
    if (!names(env.stdout)) {
      const ip = !check.byDns && clusterIP && clusterIP !== 'None' ? ` or its ClusterIP ${clusterIP}` : '';
      const short = there.snapshot.namespace === ctx.snapshot.namespace ? `${check.service}, ` : `${check.service}.${there.snapshot.namespace}, `;
      const dnsOnly = check.byDns ? ' by its DNS name' : '';
      const of = there.snapshot.namespace === ctx.snapshot.namespace ? '' : ` of namespace ${there.snapshot.namespace}`;
      return fail(`${where}: expected it to name Service ${check.service}${of}${dnsOnly} (${short}${check.service}.${there.snapshot.namespace}.svc.cluster.local${ip}), saw ${env.stdout === '' ? 'it unset or empty' : show(env.stdout)}${note}`, at);
    }
    // The where names the variable, never its value (a hint must not give the answer away).
    const egress = podAt(pod, `egress to $${check.variable}:${port}`);
    if (fetched && couldNotRun(fetched)) return fail(`${where}=${show(env.stdout)}: wget could not run (${describeExec('sh', fetched)})`, egress);
    if (answer && !answer.genuine) {
      return fail(`${where}=${show(env.stdout)}: expected the genuine ${check.service} to answer on ${env.stdout.trim()}:${port} (a pod of Deployment ${target.target.workload.name}, serving its own uid), saw ${answer.saw} (tried twice)${note}`, egress);
    }
    if (lookup && answer?.genuine) {
      const reached = answer.address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
      const dns = dnsAddresses(lookup.stdout);
      if (!dns.includes(reached)) {
        const saw = dns.length ? `cluster DNS answers ${dns.join(', ')}` : `cluster DNS does not resolve it (nslookup exit ${lookup.exitCode})`;
        return fail(`${where}=${show(env.stdout)}: expected cluster DNS to resolve the name to the address the pod reached (${reached}), saw ${saw}: is the name pinned in /etc/hosts (hostAliases) or sent to another nameserver?`, podAt(pod, 'spec.hostAliases'));
      }
    }
  }
  const answered = [...new Set(results.map((r) => (r.answer?.genuine ? podName(r.answer.pod) : '')))].join(', ');
  return pass(`${check.variable} names Service ${check.service} in ${count(pods.length, 'Running and Ready pod')} of ${workloadLabel(check.workload)}: ${show(results[0]?.env.stdout)}, answered by pod ${answered} of Deployment ${target.target.workload.name}${note}`);
}
