import type { ProviderName } from './provider.ts';
import type { RunResult } from './kind/run.ts';

/** Where a node keeps what the exam sends you to look at on it. */
export interface NodePaths {
  /** The kubelet's configuration file (KubeletConfiguration). */
  kubeletConfig: string;
  /** The kubelet's working directory (pods, plugins). */
  kubeletDir: string;
  /** Static pod manifests, where the node has them. */
  manifests?: string;
  /** The container runtime's socket, for `crictl --runtime-endpoint unix://…`. */
  containerdSocket: string;
  /** CNI configuration. */
  cniConf: string;
  /** Cluster certificates. */
  pki: string;
  /** Where component logs are: a folder, or the command that shows them. */
  logs: string;
}

/** An interactive root shell on a node: what to run (stdio inherited) and what to say first. */
export interface NodeShell {
  argv: string[];
  env?: Record<string, string>;
  /** Lines for the learner before the shell starts (where they are, the node's paths). */
  intro: string[];
}

/**
 * Root on a cluster's nodes, the way the exam's `ssh node01` gives it: a command
 * run there (the node probe behind checks and tests) or an interactive shell
 * (`kubedrill node-shell`). kind: the node container, through the engine;
 * local: this host, which is the node.
 */
export interface NodeAccess {
  /** How a command reaches the node, in words. */
  readonly how: string;
  /** The nodes this reaches, by Kubernetes node name. */
  nodes(): Promise<string[]>;
  /** Run `argv` as root on `node`; never throws for a non-zero exit (exit -1: timed out). */
  exec(node: string, argv: string[], options?: { timeoutMs?: number; input?: string }): Promise<RunResult>;
  shell(node: string, options: { tty: boolean }): NodeShell;
  readonly paths: NodePaths;
}

/** The node access of a provider, or null where kubedrill has no way onto the nodes (existing). */
export async function nodeAccessFor(provider: ProviderName): Promise<NodeAccess | null> {
  if (provider === 'kind') return (await import('./kind/node-access.ts')).kindNodeAccess();
  if (provider === 'local') return (await import('./local/node-access.ts')).localNodeAccess();
  return null;
}
