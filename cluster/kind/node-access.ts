import type { NodeAccess } from '../node-access.ts';
import type { Engine } from './engine.ts';
import { requireEngine } from './engine.ts';
import { clusterName } from './pins.ts';
import type { CommandRunner } from './run.ts';
import { zxRunner } from './run.ts';

/** Options for {@link kindNodeAccess}; everything defaults to the real system. */
export interface KindNodeAccessOptions {
  runner?: CommandRunner;
  engine?: Engine;
}

/**
 * A kind node is a container named after it: a command runs there with
 * `docker exec` (or `podman exec`), as root, in the node's own namespaces,
 * which is what `ssh node01` gives on the exam's machines.
 */
export function kindNodeAccess(options: KindNodeAccessOptions = {}): NodeAccess {
  const runner = options.runner ?? zxRunner;
  let known = options.engine;
  const engine = async (): Promise<Engine> => (known ??= await requireEngine({ runner, preferred: process.env.KIND_EXPERIMENTAL_PROVIDER }));
  // The engine's name for the shell: probed by nodes(), which node-shell calls first.
  const engineName = (): string => known?.name ?? 'docker';
  return {
    how: 'exec into the node container',
    async nodes() {
      const env = { KIND_EXPERIMENTAL_PROVIDER: (await engine()).name };
      const result = await runner(['kind', 'get', 'nodes', '--name', clusterName], { env, timeoutMs: 30_000 });
      return result.exitCode === 0 ? result.stdout.split('\n').map((line) => line.trim()).filter(Boolean) : [];
    },
    async exec(node, argv, execOptions = {}) {
      const interactive = execOptions.input === undefined ? [] : ['-i'];
      return runner([(await engine()).name, 'exec', ...interactive, node, ...argv], execOptions);
    },
    shell(node, { tty }) {
      return {
        argv: [engineName(), 'exec', '-i', ...(tty ? ['-t'] : []), node, 'bash', '-l'],
        intro: [
          `root on kind node ${node} (a container: \`${engineName()} exec\`); \`exit\` leaves.`,
          'kubelet: `systemctl status kubelet`, `journalctl -u kubelet`; containers: `crictl ps`; static pods: /etc/kubernetes/manifests',
        ],
      };
    },
    paths: {
      kubeletConfig: '/var/lib/kubelet/config.yaml',
      kubeletDir: '/var/lib/kubelet',
      manifests: '/etc/kubernetes/manifests',
      containerdSocket: '/run/containerd/containerd.sock',
      cniConf: '/etc/cni/net.d',
      pki: '/etc/kubernetes/pki',
      logs: 'journalctl -u kubelet (containers: /var/log/pods)',
    },
  };
}
