import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options for {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up after this long (default 5 minutes). */
  timeoutMs?: number;
  /** Poll interval while another live process holds the lock (default 100 ms). */
  intervalMs?: number;
}

/** Another live process held the lock for longer than the timeout. */
export class LockTimeoutError extends Error {
  readonly path: string;
  constructor(path: string, holder: number) {
    super(`timed out waiting for ${path} (held by pid ${holder})`);
    this.name = 'LockTimeoutError';
    this.path = path;
  }
}

/**
 * Run `fn` holding an exclusive lock file (created with O_EXCL, holding our
 * pid). Why: the detached drill timer and a learner's CLI both grade drills
 * and append history on the same machine; without a lock one of two
 * concurrent read-modify-writes is lost. A lock left by a dead process is
 * taken over: it is renamed away first (only one waiter can win the rename),
 * and put back with link() if it turns out to belong to a live process.
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  for (;;) {
    if (await tryCreate(path)) break;
    const holder = await readHolder(path);
    if (holder === undefined ? await abandonedEmpty(path) : !processAlive(holder)) {
      await takeOverStale(path, holder);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(path, holder ?? 0);
    await sleep(options.intervalMs ?? 100);
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(String(process.pid));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The pid in the lock file; undefined when it vanished or is still being written. */
async function readHolder(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** An empty lock older than a few seconds: its creator died between open and write. */
async function abandonedEmpty(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    return info.size === 0 && Date.now() - info.mtimeMs > 5000;
  } catch {
    return false;
  }
}

async function takeOverStale(path: string, deadPid: number | undefined): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readHolder(aside);
  // We raced another taker and moved a live lock: put it back (link fails if a new one exists).
  if (moved !== deadPid && moved !== undefined && processAlive(moved)) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

/** Whether `pid` is a live process (undefined: unknown → assume alive, never clean up what might be running). */
export function processAlive(pid: number | undefined): boolean {
  if (pid === undefined) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
