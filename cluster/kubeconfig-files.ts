import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterError } from './errors.ts';
import { contextNames, currentContextOf, parseKubeconfig } from './kubeconfig-doc.ts';

/** Where kubectl looks: `KUBECONFIG` and the home directory (defaults: this process's). */
export interface KubeconfigEnv {
  /** KUBECONFIG as the learner's shell has it; undefined or empty: ~/.kube/config. */
  kubeconfig?: string;
  /** Home directory (default os.homedir()). */
  home?: string;
}

/** The files kubectl reads, in order (KUBECONFIG's entries without empties and repeats, else ~/.kube/config). */
export function kubeconfigChain(env: KubeconfigEnv = {}): string[] {
  const listed = [...new Set((env.kubeconfig ?? '').split(path.delimiter).filter(Boolean))];
  return listed.length > 0 ? listed : [path.join(env.home ?? os.homedir(), '.kube', 'config')];
}

/**
 * The file kubectl (and kind) write a new context into: the only file, else the
 * first one that exists, else the last one listed.
 */
export async function kubeconfigTarget(env: KubeconfigEnv = {}): Promise<string> {
  const chain = kubeconfigChain(env);
  if (chain.length === 1) return chain[0]!;
  for (const file of chain) if ((await fs.stat(file).catch(() => undefined))?.isFile()) return file;
  return chain[chain.length - 1]!;
}

/** A file's bytes; null when it does not exist. */
export async function readBytes(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Write a file atomically: temp file in the same directory, fsync, rename; follows a symlinked kubeconfig to its target. */
export async function writeAtomic(file: string, bytes: Buffer | string, mode: number): Promise<void> {
  const real = await fs.realpath(file).catch(() => file);
  const temp = `${real}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // 'wx': never follow a file planted at the temp name (the writer may be root, the folder shared).
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.chmod(mode);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, real);
}

/** kubectl's lock convention (`<file>.lock`, created exclusively), so a concurrent `kubectl config` waits; a stale lock is taken over. */
export async function withFileLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  for (let tries = 0; ; tries += 1) {
    try {
      await (await fs.open(lock, 'wx', 0o600)).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Held for milliseconds; one older than 30 s was left by a killed process.
      const age = Date.now() - ((await fs.stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > 30_000) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (tries >= 50) throw new ClusterError(`kubeconfig ${file} is locked (${lock} exists)`, { fix: `if no kubectl is running, remove ${lock}` });
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

/** Where plain kubectl finds a context: the first file defining it, and the current context kubectl would use. */
export interface ContextLookup {
  chain: string[];
  /** First file of the chain that defines the context; undefined: none does. */
  file?: string;
  /** current-context kubectl uses (the first file that sets one wins); undefined: none set. */
  current?: string;
}

/** Read the learner's kubeconfig chain as kubectl would (unreadable files are skipped, as kubectl cannot use them either). */
export async function findContext(context: string, env: KubeconfigEnv = {}): Promise<ContextLookup> {
  const chain = kubeconfigChain(env);
  const lookup: ContextLookup = { chain };
  for (const file of chain) {
    const bytes = await readBytes(file).catch(() => null);
    if (!bytes) continue;
    let doc;
    try {
      doc = parseKubeconfig(bytes.toString('utf8'), file);
    } catch {
      continue;
    }
    if (!lookup.file && contextNames(doc).includes(context)) lookup.file = file;
    const current = currentContextOf(doc);
    if (lookup.current === undefined && current) lookup.current = current;
  }
  return lookup;
}
