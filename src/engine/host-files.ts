import { createHash } from 'node:crypto';
import type { V1Pod } from '@kubernetes/client-node';
import type { Kube } from '../kube/client.ts';
import { MANAGED_BY } from '../attempt/record.ts';

/** How long a host task's pod may take (an image already pulled starts in seconds; a loaded node needs more). */
const TASK_TIMEOUT_MS = 120_000;

/**
 * Where the removing pod runs: the attempt's namespaces are gone by then (a
 * pod of theirs starting after the removal would have the container runtime
 * create the directory again), and default always exists.
 */
export const HOST_TASK_NAMESPACE = 'default';

/** A directory on a node that an attempt seeded: removed on stop. */
export interface HostPath {
  node: string;
  path: string;
}

/**
 * The pod that writes (files) or removes (no files) the directory `path` on
 * `node`: busybox with the directory's parent mounted at /host, pinned by
 * nodeName. A pod rather than the host's file system, so it works wherever
 * the node is (this host for the local provider, a container for kind). File
 * contents travel in the environment, never in the script.
 */
export function hostTaskPod(options: { name: string; node: string; path: string; files?: Record<string, string> }): V1Pod {
  const { parent, base } = splitPath(options.path);
  const dir = `/host/${base}`;
  const files = Object.entries(options.files ?? {});
  const script = options.files
    ? [`mkdir -p ${dir}`, ...files.map(([file], i) => `printf '%s' "$KD_FILE_${i}" > ${dir}/${file}`), `chmod 0755 ${dir}`, ...files.map(([file]) => `chmod 0644 ${dir}/${file}`)]
    : [`rm -rf ${dir}`, `[ ! -e ${dir} ]`];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: options.name, labels: { [MANAGED_BY]: 'kubedrill' } },
    spec: {
      nodeName: options.node,
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      automountServiceAccountToken: false,
      containers: [
        {
          name: 'task',
          image: 'busybox:1.36',
          imagePullPolicy: 'IfNotPresent',
          command: ['sh', '-ec', script.join('\n')],
          env: files.map(([, text], i) => ({ name: `KD_FILE_${i}`, value: text })),
          resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '32Mi' } },
          volumeMounts: [{ name: 'host', mountPath: '/host' }],
        },
      ],
      volumes: [{ name: 'host', hostPath: { path: parent, type: 'Directory' } }],
    },
  };
}

/** "/tmp/kubedrill-x" → parent "/tmp", base "kubedrill-x" (the schema allows only such plain absolute paths). */
export function splitPath(path: string): { parent: string; base: string } {
  const at = path.lastIndexOf('/');
  return { parent: path.slice(0, at) || '/', base: path.slice(at + 1) };
}

/** Write `files` into the directory `path` on `node` (created, or added to); throws with the pod's log when it fails. */
export async function seedHostPath(kube: Pick<Kube, 'runPod'>, namespace: string, target: HostPath, files: Record<string, string>): Promise<void> {
  const ran = await kube.runPod(namespace, hostTaskPod({ name: 'kubedrill-host-files', ...target, files }), TASK_TIMEOUT_MS);
  if (ran.phase !== 'Succeeded') throw new Error(`writing ${target.path} on node ${target.node}: pod ended ${ran.phase}${ran.log ? `: ${ran.log.trim()}` : ''}`);
}

/** Remove the directory `path` on `node`; the reason when it could not be proven gone, else undefined. */
export async function removeHostPath(kube: Pick<Kube, 'runPod'>, namespace: string, target: HostPath): Promise<string | undefined> {
  try {
    // Named per directory: removals of several attempts can share the namespace.
    const name = `kubedrill-host-clean-${createHash('sha256').update(`${target.node}:${target.path}`).digest('hex').slice(0, 10)}`;
    const ran = await kube.runPod(namespace, hostTaskPod({ name, ...target }), TASK_TIMEOUT_MS);
    return ran.phase === 'Succeeded' ? undefined : `the removing pod ended ${ran.phase}${ran.log ? `: ${ran.log.trim()}` : ''}`;
  } catch (error) {
    return (error as Error).message;
  }
}
