import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

// The project's Node 24 (type stripping), so a child can import history.ts directly.
const node = new URL('../node_modules/node/bin/node', import.meta.url).pathname;
const historyModule = new URL('./history.ts', import.meta.url).pathname;

/** A child that appends entries seq = from, from+1, ... (2 KiB each, so a write takes a while). */
function appender(home: string, options: { from: number; count?: number; tag?: string }) {
  const script = `
    const { appendHistory } = await import(${JSON.stringify(historyModule)});
    const pad = 'x'.repeat(2048);
    for (let i = ${options.from}; i < ${options.from + (options.count ?? 1_000_000)}; i++) {
      await appendHistory({ type: 'attempt', scenario: ${JSON.stringify(options.tag ?? 's')}, namespace: pad, startedAt: String(i), endedAt: '', passed: false, seconds: i, hintsUsed: 0, revealed: false });
    }`;
  return execa(node, ['--no-warnings', '--input-type=module', '-e', script], { env: { KUBEDRILL_HOME: home }, reject: false });
}

function lines(home: string): string[] {
  try {
    return readFileSync(join(home, 'history'), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

describe('history', () => {
  it.each([1, 2, 3, 4, 5])('survives SIGKILL mid-append (round %i): every line parses, nothing before is lost', async (round) => {
    const home = mkdtempSync(join(tmpdir(), 'kd-history-kill-'));
    const child = appender(home, { from: 0 });
    // Let it write a varying number of entries, then kill it wherever it is.
    const target = 5 + round * 7;
    while (lines(home).length < target) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, round * 3));
    child.kill('SIGKILL');
    await child;
    const seen = lines(home).map((line) => (JSON.parse(line) as { seconds: number }).seconds);
    expect(seen.length).toBeGreaterThanOrEqual(target);
    expect(seen).toEqual(seen.map((_, i) => i));
    // The next append works even if the killed child still held the lock.
    await appender(home, { from: seen.length, count: 1 });
    expect(lines(home)).toHaveLength(seen.length + 1);
  }, 60_000);

  it('serialises concurrent appenders: none of their entries is lost', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kd-history-race-'));
    await Promise.all([appender(home, { from: 0, count: 40, tag: 'a' }), appender(home, { from: 0, count: 40, tag: 'b' })]);
    const entries = lines(home).map((line) => JSON.parse(line) as { scenario: string; seconds: number });
    for (const tag of ['a', 'b']) {
      expect(entries.filter((e) => e.scenario === tag).map((e) => e.seconds)).toEqual([...Array(40).keys()]);
    }
  }, 60_000);
});
