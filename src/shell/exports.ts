/** Shells `env` and `shell` know. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

/** What a learner's shell needs to reach the cluster with a matching kubectl. */
export interface ShellSetup {
  /** A kubeconfig file whose current context is the cluster's. */
  kubeconfig: string;
  /** A folder holding a kubectl that matches the server (local provider), put first on PATH. */
  kubectlDir?: string;
}

/** The shell named by `$SHELL` when it is one we know, else bash. */
export function defaultShell(shellPath = process.env.SHELL ?? ''): ShellName {
  const name = shellPath.split('/').pop() ?? '';
  return (SHELLS as readonly string[]).includes(name) ? (name as ShellName) : 'bash';
}

/** Single-quote a value for a POSIX shell or fish (both accept '...' with \' spelled out). */
export function quote(value: string, shell: ShellName): string {
  if (shell === 'fish') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `kubedrill env`: the lines to `eval` — KUBECONFIG, and PATH with the
 * matching kubectl first. Nothing else: an alias or prompt is `kubedrill shell`'s job.
 */
export function exportLines(setup: ShellSetup, shell: ShellName): string[] {
  const lines: string[] = [];
  if (shell === 'fish') {
    lines.push(`set -gx KUBECONFIG ${quote(setup.kubeconfig, shell)};`);
    if (setup.kubectlDir) lines.push(`set -gx PATH ${quote(setup.kubectlDir, shell)} $PATH;`);
  } else {
    lines.push(`export KUBECONFIG=${quote(setup.kubeconfig, shell)};`);
    if (setup.kubectlDir) lines.push(`export PATH=${quote(setup.kubectlDir, shell)}:"$PATH";`);
  }
  return lines;
}
