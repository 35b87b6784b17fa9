import os from 'node:os';
import path from 'node:path';
import { ClusterError } from '../errors.ts';
import type { CommandRunner, RunOptions, RunResult } from '../kind/run.ts';
import { tail } from '../kind/run.ts';
import type { ContextInfo } from './local-context.ts';

/** How to run kubectl against the user's kubeconfig. */
export interface KubectlEnv {
  runner: CommandRunner;
  /** KUBECONFIG as the user set it (undefined: kubectl's default ~/.kube/config). */
  kubeconfigEnv?: string;
  /** Home directory for the default kubeconfig (tests). */
  homedir?: string;
}

/** The kubeconfig files kubectl reads, in order: KUBECONFIG's entries, else ~/.kube/config. */
export function kubeconfigFiles(env: KubectlEnv): string[] {
  const listed = (env.kubeconfigEnv ?? '').split(path.delimiter).filter(Boolean);
  return listed.length > 0 ? listed : [path.join(env.homedir ?? os.homedir(), '.kube', 'config')];
}

const installKubectl = 'Install kubectl (https://kubernetes.io/docs/tasks/tools/) and put it on PATH.';

/** Run kubectl with the user's KUBECONFIG; 127 (not installed) becomes a ClusterError. */
export async function runKubectl(env: KubectlEnv, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const vars = env.kubeconfigEnv === undefined ? options.env : { ...options.env, KUBECONFIG: env.kubeconfigEnv };
  const result = await env.runner(['kubectl', ...args], { timeoutMs: 30_000, ...options, env: vars });
  if (result.exitCode === 127) {
    throw new ClusterError('kubectl is not installed (not found on PATH)', { command: `kubectl ${args.join(' ')}`, fix: installKubectl });
  }
  return result;
}

/** The kubeconfig's current context; ClusterError when none is set. */
export async function currentContext(env: KubectlEnv): Promise<string> {
  const result = await runKubectl(env, ['config', 'current-context']);
  const name = result.stdout.trim();
  if (result.exitCode !== 0 || !name) {
    throw new ClusterError(`no current kubeconfig context (${tail(result, 1) || 'empty'})`, {
      command: 'kubectl config current-context',
      fix: 'Name one: `kubedrill up --provider existing --context C` (list them with `kubectl config get-contexts`).',
    });
  }
  return name;
}

interface MinifiedConfig {
  clusters?: { name?: string; cluster?: { server?: string } }[];
}

/** The context's API server, read from the kubeconfig alone (nothing is sent to the cluster). */
export async function describeContext(env: KubectlEnv, context: string): Promise<ContextInfo> {
  const result = await runKubectl(env, ['config', 'view', '--minify', '--context', context, '-o', 'json']);
  if (result.exitCode !== 0) {
    const names = await runKubectl(env, ['config', 'get-contexts', '-o', 'name']);
    const known = names.stdout.split('\n').filter(Boolean).join(', ') || 'none';
    throw new ClusterError(`kubeconfig context ${context} not found: ${tail(result, 1)}`, {
      command: `kubectl config view --minify --context ${context}`,
      output: result.stderr,
      fix: `Contexts in ${kubeconfigFiles(env).join(path.delimiter)}: ${known}`,
    });
  }
  const config = JSON.parse(result.stdout) as MinifiedConfig;
  return { context, server: config.clusters?.[0]?.cluster?.server ?? '' };
}

/** GET /version through the context: proves the server answers and the credentials work. */
export async function reachServer(env: KubectlEnv, info: ContextInfo): Promise<string> {
  const args = ['--context', info.context, 'get', '--raw', '/version', '--request-timeout=10s'];
  const result = await runKubectl(env, args, { timeoutMs: 30_000 });
  if (result.exitCode !== 0) {
    throw new ClusterError(`the cluster of context ${info.context} (${info.server || 'no server'}) is unreachable: ${tail(result, 2)}`, {
      command: `kubectl ${args.join(' ')}`,
      output: result.stderr,
      fix: [
        `Check that the cluster is up and reachable from here (VPN?), and that your credentials work:`,
        `  kubectl --context ${info.context} get --raw /version`,
        'Or use a local cluster: `kubedrill up` (kind) or `kubedrill up --provider local`.',
      ].join('\n'),
    });
  }
  return (JSON.parse(result.stdout) as { gitVersion?: string }).gitVersion ?? 'unknown version';
}

/** The context alone, with its cluster and user and their credentials inlined (`--flatten`). */
export async function flattenContext(env: KubectlEnv, context: string): Promise<string> {
  const args = ['config', 'view', '--raw', '--minify', '--flatten', '--context', context];
  const result = await runKubectl(env, args);
  if (result.exitCode !== 0) {
    throw new ClusterError(`cannot extract context ${context}: ${tail(result, 1)}`, { command: `kubectl ${args.join(' ')}` });
  }
  return result.stdout;
}
