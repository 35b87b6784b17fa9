import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { homeDir, writeAtomic } from './home.ts';

/** One line of $KUBEDRILL_HOME/history (JSON lines). */
export type HistoryEntry =
  | {
      type: 'attempt';
      scenario: string;
      namespace: string;
      startedAt: string;
      endedAt: string;
      passed: boolean;
      /** Seconds from start to the first passing check (or to the end). */
      seconds: number;
      hintsUsed: number;
      revealed: boolean;
      drill?: string;
    }
  | { type: 'drill'; id: string; startedAt: string; endedAt: string; score: number; passMark: number; passed: boolean; tasks: Array<{ id: string; weight: number; score: number; passed: boolean }> };

/** Path of the history file. */
export function historyPath(): string {
  return join(homeDir(), 'history');
}

/** Every entry; a line that does not parse (written by something else) is skipped. */
export async function readHistory(): Promise<HistoryEntry[]> {
  let text = '';
  try {
    text = await readFile(historyPath(), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as HistoryEntry];
      } catch {
        return [];
      }
    });
}

/**
 * Append an entry. The whole file is rewritten to a temp file and renamed, so
 * a crash mid-write loses nothing already there (at worst the new entry).
 */
export async function appendHistory(entry: HistoryEntry): Promise<void> {
  let existing = '';
  try {
    existing = await readFile(historyPath(), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing && !existing.endsWith('\n')) existing += '\n';
  await writeAtomic(historyPath(), `${existing}${JSON.stringify(entry)}\n`);
}
