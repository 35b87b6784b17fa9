import type { V1Node, V1Pod } from '@kubernetes/client-node';
import type { Kube } from '../kube/client.ts';
import { sleep } from '../kube/client.ts';
import { seatNodes } from './seat-limits.ts';

/**
 * What `workshop create` proves on the cluster before any seat's task is
 * injected, each by doing it rather than by asking the cluster what it
 * claims: every image the tasks run can be started on every node that takes
 * seats' pods, and NetworkPolicies are enforced when a task depends on them.
 * The pods run in a namespace of their own, deleted afterwards. Each problem
 * says what to change.
 */

/** How long one image may take to reach a node (a pull from a registry, or the node's cache). */
const IMAGE_TIMEOUT_MS = 90_000;

/** A pod that needs nothing but its image, restricted-compliant so any namespace admits it. */
function probePod(name: string, image: string, command: string[], extra: Partial<V1Pod['spec']> = {}, labels: Record<string, string> = {}): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'kubedrill', ...labels } },
    spec: {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'probe', image, imagePullPolicy: 'IfNotPresent', command, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
      ...extra,
    },
  };
}

/**
 * Which of `images` cannot be started on which seat node: one pod per image
 * and node, placed there directly, whose command does not exist — it fails
 * at once (phase Failed) once the image is on the node, and stays Pending
 * while the node cannot get it.
 */
export async function imagesProblem(kube: Kube, namespace: string, images: string[], nodes: V1Node[]): Promise<string | undefined> {
  const targets = seatNodes(nodes).flatMap((node) => images.map((image) => ({ node: node.metadata?.name ?? '', image })));
  const missing: string[] = [];
  await Promise.all(
    targets.map(async ({ node, image }, i) => {
      const pod = probePod(`image-${i}`, image, ['/kubedrill-image-check'], { nodeName: node });
      const { phase } = await kube.runPod(namespace, pod, IMAGE_TIMEOUT_MS);
      if (phase !== 'Failed' && phase !== 'Succeeded') missing.push(`${image} on node ${node}`);
    }),
  );
  if (missing.length === 0) return undefined;
  return `the tasks' images cannot be started within ${IMAGE_TIMEOUT_MS / 1000}s: ${missing.sort().join(', ')} — load them into every node first (kind: kubedrill up --preload; local: kubedrill up puts them in its registry; another cluster: pull them on each node or let the nodes reach their registry)`;
}

/**
 * Whether the cluster enforces NetworkPolicies: a server pod, a client that
 * connects to it (the control: it must connect), then a policy that denies
 * the server every ingress, and the client again (it must not connect,
 * within `timeoutMs`, the time a policy engine may take). Needs an image
 * with busybox's httpd and nc; `image` undefined says the proof was skipped.
 */
export async function networkPolicyProblem(kube: Kube, namespace: string, image: string | undefined, timeoutMs = 30_000): Promise<string | undefined> {
  if (!image) return undefined;
  const server = probePod('policy-server', image, ['httpd', '-f', '-p', '8080'], { restartPolicy: 'Always' }, { 'kubedrill.io/preflight': 'policy-server' });
  await kube.apply([server as never], namespace);
  const ip = await podIp(kube, namespace, 'policy-server', IMAGE_TIMEOUT_MS);
  if (!ip) return `the NetworkPolicy check's server pod (image ${image}) did not start within ${IMAGE_TIMEOUT_MS / 1000}s in namespace ${namespace}`;
  const connects = async (attempt: number): Promise<boolean> => {
    const client = probePod(`policy-client-${attempt}`, image, ['sh', '-c', `nc -w 2 ${ip} 8080 </dev/null && echo open || echo closed`]);
    const { log } = await kube.runPod(namespace, client, 60_000);
    return log.includes('open');
  };
  let attempt = 0;
  if (!(await connects(attempt++))) return `the NetworkPolicy check's client could not reach its server (${ip}:8080) even before any policy: pod networking is not working in namespace ${namespace}`;
  await kube.apply(
    [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-policy-server' }, spec: { podSelector: { matchLabels: { 'kubedrill.io/preflight': 'policy-server' } }, policyTypes: ['Ingress'] } } as never],
    namespace,
  );
  const deadline = Date.now() + timeoutMs;
  while (await connects(attempt++)) {
    if (Date.now() >= deadline) {
      return `this cluster does not enforce NetworkPolicies: a pod denied every ingress still answered ${timeoutMs / 1000}s after the policy was made, so a task's broken policy would break nothing — use a network plugin that enforces them (the local provider's kube-router, kind's kindnet ≥ v0.24, Calico, Cilium), or leave out the tasks with NetworkPolicies`;
    }
    await sleep(1000);
  }
  return undefined;
}

async function podIp(kube: Kube, namespace: string, name: string, timeoutMs: number): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { pods } = await kube.snapshot(namespace, ['pods']);
    const pod = pods.find((p) => p.metadata?.name === name);
    if (pod?.status?.podIP && pod.status.containerStatuses?.[0]?.ready) return pod.status.podIP;
    await sleep(500);
  }
  return undefined;
}
