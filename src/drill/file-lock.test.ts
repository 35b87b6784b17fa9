import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock } from './file-lock.ts';

const dir = (): string => mkdtempSync(join(tmpdir(), 'kd-lock-'));

describe('withFileLock', () => {
  it('runs holders one at a time and removes the lock after', async () => {
    const path = join(dir(), 'x.lock');
    const events: string[] = [];
    const task = (name: string) =>
      withFileLock(path, async () => {
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 30));
        events.push(`${name}-`);
      }, { intervalMs: 5 });
    await Promise.all([task('a'), task('b'), task('c')]);
    for (let i = 0; i < events.length; i += 2) expect(events[i]!.slice(0, 1)).toBe(events[i + 1]!.slice(0, 1));
    expect(existsSync(path)).toBe(false);
  });

  it.each([
    { holder: 'a dead pid', content: '999999999', outcome: 'taken over' },
    { holder: 'a live pid', content: String(process.pid), outcome: 'waited for' },
    { holder: 'a fresh unreadable file (creator still writing)', content: '', outcome: 'waited for' },
  ])('a lock held by $holder is $outcome', async ({ content, outcome }) => {
    const path = join(dir(), 'x.lock');
    writeFileSync(path, content);
    const run = withFileLock(path, async () => 42, { timeoutMs: 100, intervalMs: 5 });
    if (outcome === 'taken over') expect(await run).toBe(42);
    else await expect(run).rejects.toBeInstanceOf(LockTimeoutError);
  });

  it('times out while a live process holds it', async () => {
    const path = join(dir(), 'x.lock');
    writeFileSync(path, String(process.ppid || 1));
    await expect(withFileLock(path, async () => 1, { timeoutMs: 50, intervalMs: 5 })).rejects.toThrow(/held by pid/);
  });

  it('releases the lock when the task throws', async () => {
    const path = join(dir(), 'x.lock');
    await expect(withFileLock(path, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(existsSync(path)).toBe(false);
  });
});
