import { $ } from 'zx';
import { createProgress } from '../../../cluster/progress.ts';
import type { ClusterAccess } from '../../../cluster/provider.ts';
import { localBinDir, localProvider } from '../../../cluster/local/index.ts';

/** The provider under test (default state and cache dirs, like `kubedrill up --provider local`). */
export const provider = localProvider();

/** Bring the local cluster up (quick when it already runs) with progress on stderr. */
export function ensureCluster(): Promise<ClusterAccess> {
  return provider.up({ progress: createProgress(), images: ['busybox:1.36'] });
}

/** Result of a kubectl run; the same shape on success and failure. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Run the built kubectl against the local cluster; never throws on a non-zero exit. */
export async function kubectl(args: string[], input?: string): Promise<KubectlResult> {
  const access = await provider.kubeconfig();
  const output = await $({ quiet: true, nothrow: true, input, timeout: '180s' })`${localBinDir()}/kubectl --kubeconfig ${access.kubeconfig} ${args}`;
  return { stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode ?? 1 };
}

/** kubectl that must succeed; returns trimmed stdout. */
export async function kubectlOk(args: string[], input?: string): Promise<string> {
  const result = await kubectl(args, input);
  if (result.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Apply a YAML document. */
export async function apply(namespace: string, yaml: string): Promise<void> {
  await kubectlOk(['-n', namespace, 'apply', '-f', '-'], yaml);
}

/** Poll `probe` until it returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Create a fresh namespace for one test file. */
export async function createNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${Date.now().toString(36)}`;
  await kubectlOk(['create', 'namespace', name]);
  // The default ServiceAccount appears shortly after the namespace; pods need it.
  await eventually('default ServiceAccount', 60_000, async () => ((await kubectl(['-n', name, 'get', 'sa', 'default'])).exitCode === 0 ? true : undefined));
  return name;
}

/** Options for {@link busyboxPod}. */
export interface PodOptions {
  name: string;
  command: string;
  labels?: Record<string, string>;
  image?: string;
  memoryLimit?: string;
  restartPolicy?: 'Always' | 'Never';
}

/** A busybox pod manifest (busybox:1.36, terminationGracePeriodSeconds: 2). */
export function busyboxPod(options: PodOptions): string {
  const labels = Object.entries(options.labels ?? { app: options.name })
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  const resources = options.memoryLimit ? `\n    resources: { limits: { memory: ${options.memoryLimit} } }` : '';
  return `apiVersion: v1
kind: Pod
metadata: { name: ${options.name}, labels: { ${labels} } }
spec:
  terminationGracePeriodSeconds: 2
  restartPolicy: ${options.restartPolicy ?? 'Always'}
  containers:
  - name: main
    image: ${options.image ?? 'busybox:1.36'}
    command: [sh, -c, ${JSON.stringify(options.command)}]${resources}
`;
}

/** Wait for a pod to be Ready. */
export async function waitReady(namespace: string, pod: string, timeoutSeconds = 120): Promise<void> {
  await kubectlOk(['-n', namespace, 'wait', '--for=condition=Ready', `pod/${pod}`, `--timeout=${timeoutSeconds}s`]);
}

/** `kubectl exec` a shell command in a pod's only container. */
export function exec(namespace: string, pod: string, command: string): Promise<KubectlResult> {
  return kubectl(['-n', namespace, 'exec', pod, '--', 'sh', '-c', command]);
}
