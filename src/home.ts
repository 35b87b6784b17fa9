import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile, open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** $KUBEDRILL_HOME (default ~/.kubedrill): settings, signing key, history. */
export function homeDir(): string {
  return process.env.KUBEDRILL_HOME || join(homedir(), '.kubedrill');
}

/**
 * Write a file atomically: a temp file in the same directory, fsync, rename.
 * A crash mid-write leaves the old content, never a torn file.
 */
export async function writeAtomic(path: string, content: string, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'w', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** Read a JSON file, or `fallback` when it does not exist. */
export async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
}

/** The HMAC key that signs attempt records (created on first use, mode 0600). */
export async function signingKey(): Promise<Buffer> {
  const path = join(homeDir(), 'key');
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(homeDir(), { recursive: true });
  try {
    await writeFile(path, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex');
    throw error;
  }
}

/** Where `up` recorded the cluster to use. */
export interface Settings {
  provider?: 'kind' | 'local' | 'existing';
  kubeconfig?: string;
  context?: string;
  /** kind: the node image `up --node-image` asked for; every later kind `up` (or an automatic one) uses it again, after `down` too. */
  nodeImage?: string;
}

const settingsPath = (): string => join(homeDir(), 'settings.json');

/** Read settings.json (empty when absent). */
export function readSettings(): Promise<Settings> {
  return readJson<Settings>(settingsPath(), {});
}

/**
 * Update settings.json atomically. The cluster keys (provider, kubeconfig,
 * context) are replaced as a set (`{}` forgets the cluster); other keys, such
 * as the kind node image and drill settings, are kept.
 */
export async function writeSettings(settings: Settings): Promise<void> {
  const current = await readJson<Record<string, unknown>>(settingsPath(), {});
  const next: Record<string, unknown> = { ...current, ...settings };
  for (const key of ['provider', 'kubeconfig', 'context'] as const) if (!(key in settings)) delete next[key];
  return writeAtomic(settingsPath(), `${JSON.stringify(next, null, 2)}\n`);
}
