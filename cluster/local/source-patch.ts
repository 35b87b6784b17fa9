import fs from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx';
import { ClusterError } from '../errors.ts';

/** One file of a dependency, changed by exact text replacements. */
export interface SourcePatch {
  /** The module as go.mod requires it. */
  module: string;
  /** The file, relative to the module's root. */
  file: string;
  /** Each `find` must occur exactly once in the upstream file. */
  edits: Array<{ find: string; replace: string }>;
}

/**
 * kube-router's NetworkPolicy controller runs a full iptables + ipset sync
 * for every pod, namespace or policy change, back to back under churn (a
 * sixth of both cores while `verify --all` runs). This pause after each sync
 * (KUBEDRILL_NPC_MIN_SYNC_INTERVAL, unset = none) lets the requests that
 * arrive meanwhile coalesce into the next one: upstream's request channel
 * holds one. docs/decisions/0080.
 */
export const kubeRouterSyncPause: SourcePatch = {
  module: 'github.com/cloudnativelabs/kube-router/v2',
  file: 'pkg/controllers/netpol/network_policy_controller.go',
  edits: [
    { find: '\t"time"\n', replace: '\t"os"\n\t"time"\n' },
    {
      find: 'npc.fullPolicySync() // fullPolicySync() is a blocking request here\n',
      replace: 'npc.fullPolicySync() // fullPolicySync() is a blocking request here\n\t\t\t\tkubedrillSyncPause()\n',
    },
    {
      find: '// RequestFullSync allows the request',
      replace:
        '// kubedrillSyncPause spaces full syncs (kubedrill local provider): requests arriving meanwhile coalesce.\n' +
        'func kubedrillSyncPause() {\n' +
        '\tif d, err := time.ParseDuration(os.Getenv("KUBEDRILL_NPC_MIN_SYNC_INTERVAL")); err == nil && d > 0 {\n' +
        '\t\ttime.Sleep(d)\n' +
        '\t}\n' +
        '}\n\n' +
        '// RequestFullSync allows the request',
    },
  ],
};

/** Apply `patch` to the upstream text; fails when an edit does not match exactly once (upstream moved on). */
export function applyPatch(patch: SourcePatch, upstream: string): string {
  let text = upstream;
  for (const edit of patch.edits) {
    const count = text.split(edit.find).length - 1;
    if (count !== 1) {
      throw new ClusterError(`build: patch of ${patch.module}/${patch.file} does not apply (${JSON.stringify(edit.find.slice(0, 60))} found ${count} times)`, {
        fix: 'update the patch in cluster/local/source-patch.ts for this version',
      });
    }
    text = text.replace(edit.find, () => edit.replace);
  }
  return text;
}

/**
 * Copy each patched module out of the module cache (`go build -overlay` may
 * not replace files there), apply its patches, and write a go.mod that
 * replaces the module with the copy; returns the `-modfile` arguments.
 */
export async function patchedModules(patches: SourcePatch[], cwd: string, env: Record<string, string | undefined>, dir: string): Promise<string[]> {
  // A copy left by a killed build (same pid reused) would nest the new one inside it.
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const replaces: string[] = [];
  for (const [index, module] of [...new Set(patches.map((p) => p.module))].entries()) {
    const downloaded = await $({ cwd, env, quiet: true, nothrow: true })`go mod download -json ${module}`;
    const moduleDir = downloaded.exitCode === 0 ? (JSON.parse(downloaded.stdout) as { Dir?: string }).Dir : undefined;
    if (!moduleDir) {
      throw new ClusterError(`build: go mod download ${module} failed (exit ${downloaded.exitCode})`, {
        command: `go mod download -json ${module}`,
        output: `${downloaded.stdout}${downloaded.stderr}`.split('\n').slice(-20).join('\n'),
      });
    }
    const copy = path.join(dir, `module-${index}`);
    // The module cache is read-only: the copy gets ordinary modes.
    const copied = await $({ quiet: true, nothrow: true })`cp -R --no-preserve=mode,ownership ${moduleDir} ${copy}`;
    if (copied.exitCode !== 0) throw new ClusterError(`build: could not copy ${moduleDir} to patch it`, { command: `cp -R ${moduleDir} ${copy}`, output: copied.stderr });
    for (const patch of patches.filter((p) => p.module === module)) {
      const file = path.join(copy, patch.file);
      const upstream = await fs.readFile(file, 'utf8').catch(() => {
        throw new ClusterError(`build: patch of ${module}/${patch.file}: no such file in this version`, { fix: 'update the patch in cluster/local/source-patch.ts for this version' });
      });
      await fs.writeFile(file, applyPatch(patch, upstream));
    }
    replaces.push(`replace ${module} => ${copy}`);
  }
  const modfile = path.join(dir, 'go.mod');
  await fs.writeFile(modfile, `${await fs.readFile(path.join(cwd, 'go.mod'), 'utf8')}\n${replaces.join('\n')}\n`);
  await fs.copyFile(path.join(cwd, 'go.sum'), path.join(dir, 'go.sum'));
  return ['-modfile', modfile];
}
