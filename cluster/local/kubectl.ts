import path from 'node:path';
import type { BinaryPaths } from './build.ts';
import { kubeconfigFiles } from './pki.ts';
import { run, type RunResult } from './run.ts';
import type { LocalPaths } from './settings.ts';

/** Options for {@link kubectl}. */
export interface KubectlOptions {
  paths: LocalPaths;
  binaries: BinaryPaths;
  /** Component named in errors. */
  component: string;
  input?: string;
  allowFail?: boolean;
  /** Use super-admin.conf (group system:masters) instead of the user kubeconfig. */
  superAdmin?: boolean;
  timeoutMs?: number;
}

/** Run the built kubectl against the local cluster. */
export function kubectl(args: string[], options: KubectlOptions): Promise<RunResult> {
  const kubeconfig = options.superAdmin ? path.join(options.paths.kubeconfigs, kubeconfigFiles.superAdmin) : options.paths.kubeconfig;
  return run([options.binaries.kubectl ?? 'kubectl', '--kubeconfig', kubeconfig, ...args], {
    component: options.component,
    input: options.input,
    allowFail: options.allowFail,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
}
