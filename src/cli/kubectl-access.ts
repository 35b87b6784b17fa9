import { constants } from 'node:fs';
import { access as canAccess } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { selfCommand } from './invocation.ts';
import { clientGitVersion, kubectlSkew } from '../../cluster/kubectl-version.ts';
import { findContext, type ContextLookup } from '../../cluster/kubeconfig-files.ts';
import type { ClusterAccess } from '../../cluster/provider.ts';
import { localPaths, versions } from '../../cluster/local/settings.ts';

/** The kubectl a learner's shell would run, and what it says its version is. */
export interface KubectlProbe {
  /** First `kubectl` on PATH; undefined: none. */
  path?: string;
  /** Its `clientVersion.gitVersion`; undefined when it did not say. */
  version?: string;
}

/** The first executable `kubectl` on `env.PATH` (as the shell would find it). */
export async function kubectlOnPath(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'kubectl');
    if (await canAccess(candidate, constants.X_OK).then(() => true, () => false)) return candidate;
  }
  return undefined;
}

/** `kubectl version --client -o json` of the kubectl on PATH. */
export async function probeKubectl(env: NodeJS.ProcessEnv = process.env): Promise<KubectlProbe> {
  const found = await kubectlOnPath(env);
  if (!found) return {};
  const result = await execa(found, ['version', '--client', '-o', 'json'], { reject: false, timeout: 10_000, env, extendEnv: false });
  return { path: found, version: clientGitVersion(String(result.stdout)) };
}

/**
 * The directory holding a kubectl that matches the cluster (`kubedrill env`
 * puts it first on PATH): the local provider links its own build into
 * `$KUBEDRILL_HOME/bin`; kind and existing clusters have none to offer.
 */
export async function matchingKubectlDir(access: ClusterAccess): Promise<string | undefined> {
  if (access.provider !== 'local') return undefined;
  const dir = localPaths().binDir;
  return (await canAccess(path.join(dir, 'kubectl'), constants.X_OK).then(() => true, () => false)) ? dir : undefined;
}

/** The server's gitVersion (GET /version through the access), asked with `kubectl`; undefined when it does not answer. */
export async function serverVersion(access: ClusterAccess, kubectl: string): Promise<string | undefined> {
  const args = ['--kubeconfig', access.kubeconfig, '--context', access.context, 'get', '--raw', '/version', '--request-timeout=5s'];
  const result = await execa(kubectl, args, { reject: false, timeout: 15_000 });
  try {
    return (JSON.parse(String(result.stdout)) as { gitVersion?: string }).gitVersion;
  } catch {
    return undefined;
  }
}

/** Everything {@link renderAccessLines} needs, gathered by {@link learnerAccessLines}. */
export interface AccessFacts {
  access: ClusterAccess;
  lookup: ContextLookup;
  kubectl: KubectlProbe;
  serverVersion?: string;
  /** From {@link matchingKubectlDir}. */
  matchingDir?: string;
  /** How the learner runs kubedrill (`npx kubedrill`), for the fixes printed; default `kubedrill`. */
  self?: string;
}

const installKubectl = 'https://kubernetes.io/docs/tasks/tools/';

/** The context line, and one warning line when kubectl on PATH is missing or too far from the server. Pure. */
export function renderAccessLines(facts: AccessFacts): string[] {
  const { access, lookup, kubectl } = facts;
  const self = facts.self ?? 'kubedrill';
  const skew = kubectlSkew(kubectl.path ? (kubectl.version ?? '') : undefined, facts.serverVersion);
  const where = { local: 'merged into', kind: 'merged by kind into', existing: 'from' }[access.provider];
  let line: string;
  if (!lookup.file) {
    const fix = access.provider === 'kind' ? 'kind export kubeconfig --name kubedrill' : access.provider === 'local' ? `${self} up` : `eval "$(${self} env)"`;
    line = `kubectl context: ${access.context} is not in ${lookup.chain.join(path.delimiter)}; fix: ${fix}`;
  } else if (lookup.current !== access.context) {
    line = `kubectl context: ${access.context} (${where} ${lookup.file}; the current context is ${lookup.current ?? 'not set'}: kubectl config use-context ${access.context})`;
  } else {
    line = `kubectl context: ${access.context} (${where} ${lookup.file}${skew.ok ? '; kubectl works in this shell' : ''})`;
  }
  if (skew.ok) return [line];
  const found = kubectl.path ? `kubectl on PATH is ${kubectl.path}: ` : '';
  const fix = facts.matchingDir
    ? `eval "$(${self} env)" puts kubectl ${access.provider === 'local' ? versions.kubernetes : 'matching the server'} first on PATH, or use \`${self} shell\``
    : `install kubectl ${wanted(facts.serverVersion)}: ${installKubectl}`;
  return [line, `WARNING: ${found}${skew.reason}; fix: ${fix}`];
}

/** "v1.36.x" from the server's version; "matching the server" when unknown. */
function wanted(server: string | undefined): string {
  const match = /^v?(\d+)\.(\d+)\./.exec(server ?? '');
  return match ? `v${match[1]}.${match[2]}.x` : 'matching the server';
}

/** Options for {@link learnerAccessLines}. */
export interface LearnerAccessOptions {
  access: ClusterAccess;
  /** The server's gitVersion when the caller has it; otherwise asked with a kubectl. */
  serverVersion?: string;
  /** The learner's environment (PATH, KUBECONFIG); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Human lines for the end of `up` and `start`: which kubectl context plain
 * kubectl uses and where it was merged, plus one warning (with the exact fix)
 * when kubectl on PATH is missing or more than one minor version from the server.
 */
export async function learnerAccessLines(options: LearnerAccessOptions): Promise<string[]> {
  const env = options.env ?? process.env;
  const [lookup, kubectl, matchingDir] = await Promise.all([
    findContext(options.access.context, { kubeconfig: env.KUBECONFIG, home: env.HOME }),
    probeKubectl(env),
    matchingKubectlDir(options.access),
  ]);
  const asker = matchingDir ? path.join(matchingDir, 'kubectl') : kubectl.path;
  const version = options.serverVersion ?? (asker ? await serverVersion(options.access, asker) : undefined);
  return renderAccessLines({ access: options.access, lookup, kubectl, serverVersion: version, matchingDir, self: selfCommand(env) });
}
