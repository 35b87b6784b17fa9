import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterAccess } from '../../../cluster/provider.ts';
import { ClusterError } from '../../../cluster/errors.ts';
import { nodeAccessFor } from '../../../cluster/node-access.ts';
import { createProgress } from '../../../cluster/progress.ts';
import { listAttempts } from '../../attempt/store.ts';
import { readSettings } from '../../home.ts';
import { defaultShell, exportLines, SHELLS, type ShellName, type ShellSetup } from '../../shell/exports.ts';
import { shellLaunch } from '../../shell/rc.ts';
import { connectCluster, scriptKubeconfig } from '../cluster.ts';
import { EXIT, UsageError } from '../errors.ts';
import { matchingKubectlDir } from '../kubectl-access.ts';
import { selfCommand } from '../invocation.ts';
import { out } from '../output.ts';

/** `kubedrill env [--shell bash|zsh|fish]`: exports for eval (KUBECONFIG, a matching kubectl first on PATH). */
export async function envCommand(options: { shell?: string }): Promise<number> {
  const shell = shellOption(options.shell);
  const { setup } = await shellSetup();
  for (const line of exportLines(setup, shell)) out(line);
  if (!process.stdout.isTTY) return EXIT.ok;
  process.stderr.write(`# load these into your shell with: eval "$(${selfCommand()} env${options.shell ? ` --shell ${shell}` : ''})"\n`);
  return EXIT.ok;
}

/** `kubedrill shell [--shell S]`: an exam-like subshell; exiting returns to the shell it came from, untouched. */
export async function shellCommand(options: { shell?: string }): Promise<number> {
  const shell = shellOption(options.shell);
  const { setup, access } = await shellSetup();
  const namespaces = await attemptNamespaces();
  const dir = await mkdtemp(join(tmpdir(), 'kubedrill-shell-'));
  try {
    const launch = shellLaunch(shell, { ...setup, context: access.context, namespaces }, dir);
    for (const [file, content] of Object.entries(launch.files)) await writeFile(file, content, { mode: 0o600 });
    process.stderr.write(`kubedrill shell: context ${access.context}, \`k\` = kubectl with completion; \`exit\` returns to your shell\n`);
    const { execa } = await import('execa');
    const result = await execa(launch.command, launch.args, { stdio: 'inherit', reject: false, env: { ...process.env, ...launch.env } });
    if (result.failed && result.exitCode === undefined) {
      throw new UsageError(`could not start ${launch.command}: ${result.shortMessage}`, { fix: `install ${launch.command}, or pick another with --shell ${SHELLS.join('|')}` });
    }
    return EXIT.ok;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `kubedrill node-shell [node]`: root on a node, as the exam's `ssh node01`
 * gives it (kind: exec into the node container; local: a shell on this host,
 * which is the node, with its paths spelled out). Commands piped to it run
 * there too: `echo 'systemctl status kubelet' | kubedrill node-shell`.
 */
export async function nodeShellCommand(name: string | undefined): Promise<number> {
  const settings = await readSettings();
  if (!settings.provider) {
    throw new ClusterError('no cluster yet', { fix: 'run `kubedrill up` (or `kubedrill start <id>`, which brings one up)' });
  }
  const access = await nodeAccessFor(settings.provider);
  if (!access) {
    throw new UsageError(`node-shell reaches the nodes of kind and local clusters; this is the ${settings.provider} provider`, {
      fix: 'on a cluster of your own use ssh, or `kubectl debug node/<node> -it --image=busybox:1.36` (the host\'s root is under /host)',
    });
  }
  const nodes = await access.nodes();
  if (nodes.length === 0) throw new ClusterError(`no nodes found (${settings.provider})`, { fix: 'is the cluster up? `kubedrill status --cluster`' });
  const node = name ?? (nodes.length === 1 ? nodes[0]! : undefined);
  if (node === undefined || !nodes.includes(node)) {
    throw new UsageError(name ? `no node ${name}` : 'which node?', { fix: `kubedrill node-shell <node>, one of: ${nodes.join(', ')}` });
  }
  const tty = Boolean(process.stdin.isTTY);
  const shell = access.shell(node, { tty });
  for (const line of shell.intro) process.stderr.write(`${line}\n`);
  const { execa } = await import('execa');
  const [command, ...args] = shell.argv;
  const result = await execa(command!, args, { stdio: 'inherit', reject: false, env: { ...process.env, ...shell.env } });
  if (result.failed && result.exitCode === undefined) throw new UsageError(`could not start ${command}: ${result.shortMessage}`);
  return result.exitCode ?? EXIT.ok;
}

function shellOption(value: string | undefined): ShellName {
  if (value === undefined) return defaultShell();
  if (!(SHELLS as readonly string[]).includes(value)) throw new UsageError(`unknown shell "${value}"`, { fix: `use one of ${SHELLS.join(', ')}` });
  return value as ShellName;
}

/** The recorded cluster's kubeconfig (current context set) and the folder of a matching kubectl. */
async function shellSetup(): Promise<{ setup: ShellSetup; access: ClusterAccess }> {
  const settings = await readSettings();
  if (!settings.provider || !settings.kubeconfig || !settings.context) {
    throw new ClusterError('no cluster yet', { fix: 'run `kubedrill up` (or `kubedrill start <id>`, which brings one up)' });
  }
  const access: ClusterAccess = { provider: settings.provider, kubeconfig: settings.kubeconfig, context: settings.context };
  const kubeconfig = await scriptKubeconfig(access);
  const kubectlDir = await matchingKubectlDir(access);
  return { setup: { kubeconfig, ...(kubectlDir ? { kubectlDir } : {}) }, access };
}

// For the prompt only: a cluster that does not answer still gets a shell.
async function attemptNamespaces(): Promise<string[]> {
  try {
    const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
    return (await listAttempts(kube)).map((a) => a.namespace);
  } catch {
    return [];
  }
}
