import type { V1Pod } from '@kubernetes/client-node';
import { truncate } from './format.ts';
import { podName } from './pod-state.ts';
import { addressOwner } from './probe-target.ts';
import type { Target } from './probe-target.ts';
import type { ExecResult, Snapshot } from './types.ts';
import { shortUid } from './workload.ts';

/**
 * Where every injected target serves its identity: busybox httpd on the
 * target's own port serves this file, which the container writes at start
 * from the downward API (`POD_UID` ← `metadata.uid`). A stand-in does not
 * know a live pod's uid unless someone copies it there by hand.
 */
export const identityPath = '/kubedrill-id';

/**
 * A probe as shell: `/bin/sh` by path, a fixed PATH and no proxy variables —
 * the pod's env may re-point neither the tools nor the route, while the pod's
 * /etc/hosts and DNS (what the app itself resolves names with) still apply.
 */
export function probeShell(script: string): string[] {
  return ['/bin/sh', '-c', `unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY no_proxy NO_PROXY; PATH=/bin:/usr/bin:/sbin:/usr/sbin; ${script}`];
}

/** Where to fetch from: a literal host, or the value of an environment variable as the container sees it. */
export type ProbeHost = { host: string } | { variable: string };

/**
 * Fetch http://<host>:<port>/kubedrill-id with busybox wget: without -q, so
 * stderr names the address it connected to; bounded by `timeout 3` (busybox
 * 1.35 and 1.36 both have it; Debian's wget has no -T).
 */
export function identityCommand(to: ProbeHost, port: number): string[] {
  const host = 'variable' in to ? `\${${to.variable}}` : to.host;
  return probeShell(`timeout 3 wget -O - "http://${host}:${port}${identityPath}"`);
}

/** What answered a fetch: the genuine target (the pod whose uid came back), or what was seen instead. */
export type Answer = { genuine: true; pod: V1Pod; address: string } | { genuine: false; saw: string };

/**
 * Read a fetch back: genuine only when the uid served is that of a live pod
 * owned by the target Deployment and the connection went to one of its pods
 * or to its Service's ClusterIP.
 */
export function readIdentity(result: ExecResult, target: Target, snapshot: Snapshot): Answer {
  const address = /^Connecting to \S+ \((.+)\)\s*$/m.exec(result.stderr)?.[1] ?? '';
  const ip = address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  const owner = ip ? addressOwner(snapshot, ip) : '';
  const from = address ? `${address}${owner ? ` (${owner})` : ''}` : '';
  if (result.exitCode !== 0) return { genuine: false, saw: `${from || 'wget'} ${failure(result)}` };
  const uid = result.stdout.trim();
  const pod = target.workload.pods.find((p) => p.metadata?.uid === uid);
  const other = snapshot.pods.find((p) => p.metadata?.uid === uid);
  const who = from || 'an unknown address';
  if (!pod) {
    const as = other ? `as pod ${podName(other)} (uid ${shortUid(uid)}), not a pod of Deployment ${target.workload.name}` : `with ${uid ? `uid ${truncate(JSON.stringify(uid), 50)}, no live pod's` : 'an empty identity'}`;
    return { genuine: false, saw: `${who} answer ${as}` };
  }
  const service = snapshot.services.find((s) => s.metadata?.name === target.service)?.spec?.clusterIP;
  const genuineAddress = target.workload.pods.some((p) => p.status?.podIP === ip) || (service !== undefined && service === ip);
  if (!genuineAddress) return { genuine: false, saw: `${who} answer with pod ${podName(pod)}'s uid, from an address that is neither a pod of Deployment ${target.workload.name} nor Service ${target.service}` };
  return { genuine: true, pod, address };
}

/** A failed fetch in words: "answer HTTP 404 Not Found", "no answer within 3 s", "refuse the connection". */
function failure(result: ExecResult): string {
  const text = `${result.stderr}\n${result.stdout}`;
  const http = /server returned error: HTTP\/[\d.]+ (.+)$/m.exec(text)?.[1];
  if (http) return `answer HTTP ${http.trim()}`;
  if (result.exitCode === 143 || /^Terminated$/m.test(text)) return 'give no answer within 3 s (timeout)';
  const bad = /bad address '([^']*)'/.exec(text)?.[1];
  if (bad !== undefined) return `fail: the name in ${JSON.stringify(bad)} does not resolve`;
  if (/Connection refused/.test(text)) return 'refuse the connection';
  const last = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Connecting to|writing to|written to|-\s)/.test(l)).at(-1) ?? '';
  return `fail (wget exit ${result.exitCode}${last ? `: ${truncate(last, 60)}` : ''})`;
}
