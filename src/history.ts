import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { homeDir, writeAtomic } from './home.ts';
import { withFileLock } from './drill/file-lock.ts';

/** One check of a graded drill task (what the report formats show). */
export interface HistoryCheck {
  id: string;
  passed: boolean;
  reason: string;
  points: number;
  gate: boolean;
}

/** One task of a graded drill. `score` is 0–100; the optional fields feed reports. */
export interface HistoryTask {
  id: string;
  weight: number;
  score: number;
  passed: boolean;
  namespace?: string;
  hintsUsed?: number;
  revealed?: boolean;
  /** Every check passed (a revealed task can pass its checks and still score 0). */
  checksPassed?: boolean;
  /** Seconds from the drill's start to the task's first passing check (or to the end). */
  seconds?: number;
  /** Why the task scored what it did, in one line. */
  note?: string;
  checks?: HistoryCheck[];
}

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
  | {
      type: 'drill';
      id: string;
      startedAt: string;
      endedAt: string;
      score: number;
      passMark: number;
      passed: boolean;
      tasks: HistoryTask[];
      seed?: string;
      timeLimitSeconds?: number;
      hintCost?: number;
      /** submitted by the learner, or graded by the timer at the deadline. */
      ended?: 'submitted' | 'expired';
      /** Graded after the deadline because the timer did not run (state at submit, not at expiry). */
      late?: boolean;
    };

/** Path of the history file. */
export function historyPath(): string {
  return join(homeDir(), 'history');
}

/** Every entry; a line that does not parse (written by something else) is skipped. */
export async function readHistory(): Promise<HistoryEntry[]> {
  return parseLines(await readRaw());
}

function parseLines(text: string): HistoryEntry[] {
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
 * a crash mid-write loses nothing already there (at worst the new entry); a
 * lock file serialises appenders (the drill timer and a CLI may append at once).
 */
export async function appendHistory(entry: HistoryEntry): Promise<void> {
  await withFileLock(`${historyPath()}.lock`, async () => rewriteWith(await readRaw(), [entry]));
}

/**
 * Append `entries` in one atomic rewrite unless an existing entry satisfies
 * `recorded` (checked under the same lock): a drill graded twice — by the
 * timer and by a retried submit — is recorded once. Returns whether it appended.
 */
export async function appendHistoryOnce(entries: HistoryEntry[], recorded: (entry: HistoryEntry) => boolean): Promise<boolean> {
  return withFileLock(`${historyPath()}.lock`, async () => {
    const existing = await readRaw();
    if (parseLines(existing).some(recorded)) return false;
    await rewriteWith(existing, entries);
    return true;
  });
}

async function readRaw(): Promise<string> {
  try {
    return await readFile(historyPath(), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

async function rewriteWith(existing: string, entries: HistoryEntry[]): Promise<void> {
  const head = existing && !existing.endsWith('\n') ? `${existing}\n` : existing;
  await writeAtomic(historyPath(), head + entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}
