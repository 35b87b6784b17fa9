import type { ComponentStatus } from '../provider.ts';
import type { CommandRunner } from './run.ts';
import { mustRun, tail } from './run.ts';

/** Where kubectl should point: a kubeconfig file and a context in it. */
export interface KubectlTarget {
  kubeconfig: string;
  context: string;
}

/** `kubectl --kubeconfig K --context C` followed by `args`. */
export function kubectl(target: KubectlTarget, args: string[]): string[] {
  return ['kubectl', '--kubeconfig', target.kubeconfig, '--context', target.context, ...args];
}

/** Wait until every node reports Ready (after create, or after restarting a stopped node). */
export async function waitNodesReady(runner: CommandRunner, target: KubectlTarget, timeoutSeconds = 120): Promise<void> {
  await mustRun(runner, kubectl(target, ['wait', '--for=condition=Ready', 'node', '--all', `--timeout=${timeoutSeconds}s`]), {
    what: 'waiting for the node to be Ready',
    timeoutMs: (timeoutSeconds + 15) * 1000,
    fix: `Look at the node: \`kubectl --context ${target.context} describe nodes\`; recreate with \`kubedrill down && kubedrill up\`.`,
  });
}

interface NodeList {
  items?: {
    metadata?: { name?: string };
    status?: {
      conditions?: { type?: string; status?: string; reason?: string; message?: string }[];
      nodeInfo?: { kubeletVersion?: string };
    };
  }[];
}

/** One status line per node: Ready or not, with the kubelet version or the reason it is not Ready. */
export async function nodeStatuses(runner: CommandRunner, target: KubectlTarget): Promise<ComponentStatus[]> {
  const result = await runner(kubectl(target, ['get', 'nodes', '-o', 'json', '--request-timeout=10s']), { timeoutMs: 20_000 });
  if (result.exitCode !== 0) {
    return [{ name: 'kube-apiserver', healthy: false, detail: tail(result, 1) || `kubectl exit ${result.exitCode}` }];
  }
  const list = JSON.parse(result.stdout) as NodeList;
  const statuses = (list.items ?? []).map((node): ComponentStatus => {
    const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
    const healthy = ready?.status === 'True';
    const version = node.status?.nodeInfo?.kubeletVersion ?? 'unknown version';
    const detail = healthy ? `Ready, kubelet ${version}` : `not Ready: ${ready?.reason ?? 'no Ready condition'} ${ready?.message ?? ''}`.trim();
    return { name: `node ${node.metadata?.name ?? '?'}`, healthy, detail };
  });
  return [{ name: 'kube-apiserver', healthy: true, detail: 'answers' }, ...statuses];
}
