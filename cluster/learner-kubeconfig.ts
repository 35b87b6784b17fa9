import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ClusterError } from './errors.ts';
import { kubeconfigTarget, readBytes, withFileLock, writeAtomic, type KubeconfigEnv } from './kubeconfig-files.ts';
import { currentContextOf, entriesFor, hasEntries, mergeEntries, parseKubeconfig, removeEntries, type EntryNames, type KubeconfigEntries } from './kubeconfig-doc.ts';

/** What `up` remembers about one learner kubeconfig so `down` can undo exactly its own change. */
export interface TrackedFile {
  names: EntryNames;
  /** The file's bytes (base64) before our entries went in; null: it did not exist; absent: unknown. */
  original?: string | null;
  originalMode?: number;
  /** current-context before ours; null: none was set; absent: unknown. */
  previousContext?: string | null;
  /** sha256 of the bytes `up` last wrote (or found already merged). */
  written: string;
  /** Directories `up` created for the file, removed by `down` when empty. */
  createdDir?: string;
}

/** `$KUBEDRILL_HOME/learner-kubeconfig.json`: tracked files keyed by path. */
export interface LearnerRecord {
  files: Record<string, TrackedFile>;
}

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function readRecord(file: string): Promise<LearnerRecord> {
  const bytes = await readBytes(file);
  return bytes ? (JSON.parse(bytes.toString('utf8')) as LearnerRecord) : { files: {} };
}

async function writeRecord(file: string, record: LearnerRecord): Promise<void> {
  if (Object.keys(record.files).length === 0) return fs.rm(file, { force: true });
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeAtomic(file, `${JSON.stringify(record, null, 2)}\n`, 0o600);
}

/** Certificate and key files named by path → their data inlined, so the entries work from any file. */
async function embedFiles(entries: KubeconfigEntries, baseDir: string): Promise<KubeconfigEntries> {
  const inline = async (object: Record<string, unknown>, keys: string[]): Promise<Record<string, unknown>> => {
    const result = { ...object };
    for (const key of keys) {
      const file = result[key];
      if (typeof file !== 'string' || result[`${key}-data`]) continue;
      result[`${key}-data`] = (await fs.readFile(path.resolve(baseDir, file))).toString('base64');
      delete result[key];
    }
    return result;
  };
  return {
    ...entries,
    cluster: await inline(entries.cluster, ['certificate-authority']),
    user: await inline(entries.user, ['client-certificate', 'client-key']),
  };
}

/** Options for {@link mergeLearnerKubeconfig}. */
export interface MergeOptions {
  /** kubedrill's own kubeconfig holding the context. */
  source: string;
  context: string;
  /** The record file (`$KUBEDRILL_HOME/learner-kubeconfig.json`). */
  record: string;
  env?: KubeconfigEnv;
}

/**
 * Merge the context (its cluster and user, certificates inlined) into the
 * learner's kubeconfig and make it current, the way kind does; idempotent.
 * Records first what `down` needs to undo it; returns the file merged into.
 */
export async function mergeLearnerKubeconfig(options: MergeOptions): Promise<string> {
  const sourceText = await fs.readFile(options.source, 'utf8');
  const found = entriesFor(parseKubeconfig(sourceText, options.source), options.context);
  if (!found) throw new ClusterError(`kubeconfig ${options.source} has no complete context ${options.context}`);
  const entries = await embedFiles(found, path.dirname(options.source));
  const target = await kubeconfigTarget(options.env);
  const createdDir = await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.mkdir(path.dirname(options.record), { recursive: true });
  // Record, then file: the same order as `down`, so parallel starts never lose a tracked file.
  return withFileLock(options.record, () => withFileLock(target, async () => {
    const before = await readBytes(target);
    const doc = parseKubeconfig(before?.toString('utf8') ?? '', target);
    const ours = hasEntries(doc, entries.names);
    const current = currentContextOf(doc);
    const after = mergeEntries(doc, entries);
    const record = await readRecord(options.record);
    const mode = before ? (await fs.stat(target)).mode & 0o777 : undefined;
    const tracked = nextTracked({ previous: record.files[target], before, mode, ours, current, after, names: entries.names });
    tracked.createdDir = createdDir ?? record.files[target]?.createdDir;
    // Files gone since (temporary KUBECONFIGs) have nothing left to undo: forget them.
    const kept = Object.entries(record.files).filter(([file]) => file !== target);
    const present = await Promise.all(kept.map(async ([file]) => (await readBytes(file).catch(() => Buffer.alloc(0))) !== null));
    const files = Object.fromEntries(kept.filter((_, index) => present[index]));
    // Recorded before the write: a crash in between leaves a record `down` handles (hash differs → structural removal).
    await writeRecord(options.record, { files: { ...files, [target]: tracked } });
    if (before?.toString('utf8') !== after) await writeAtomic(target, after, 0o600);
    return target;
  }));
}

/**
 * What to remember after this merge. The original bytes are a valid restore
 * point only while the file holds exactly what we last wrote: recorded when
 * our entries go in, kept across our own re-merges, dropped (unknown → `down`
 * removes entries structurally) once the learner has changed the file.
 */
function nextTracked(input: {
  previous?: TrackedFile;
  before: Buffer | null;
  mode?: number;
  ours: boolean;
  current?: string;
  after: string;
  names: EntryNames;
}): TrackedFile {
  const { previous, before } = input;
  const tracked: TrackedFile = { names: input.names, written: sha256(input.after) };
  if (!input.ours) {
    tracked.original = before?.toString('base64') ?? null;
    if (input.mode !== undefined) tracked.originalMode = input.mode;
  } else if (previous && previous.original !== undefined && before && sha256(before) === previous.written) {
    tracked.original = previous.original;
    if (previous.originalMode !== undefined) tracked.originalMode = previous.originalMode;
  }
  if (input.current !== input.names.context) tracked.previousContext = input.current ?? null;
  else if (previous && previous.previousContext !== undefined) tracked.previousContext = previous.previousContext;
  return tracked;
}

/** What `down` did to one tracked file; `failed` keeps it tracked for the next `down`. */
export interface UnmergeResult {
  file: string;
  action: 'restored' | 'deleted' | 'entries removed' | 'untouched' | 'absent' | 'failed';
  detail?: string;
}

/**
 * Undo every merge the record tracks: a file still exactly as `up` left it gets
 * its original bytes back (or is deleted if `up` created it); a file the user
 * changed since loses only our three entries, and current-context goes back to
 * the recorded one if it still names ours. Nothing else is touched. Never
 * throws for one file (a file the user broke stays as it is, and tracked).
 */
export async function unmergeLearnerKubeconfig(options: { record: string }): Promise<UnmergeResult[]> {
  if ((await readBytes(options.record)) === null) return [];
  return withFileLock(options.record, () => unmergeAll(options.record));
}

async function unmergeAll(recordFile: string): Promise<UnmergeResult[]> {
  const record = await readRecord(recordFile);
  const results: UnmergeResult[] = [];
  for (const [file, tracked] of Object.entries(record.files)) {
    try {
      const exists = (await readBytes(file)) !== null;
      const action = exists ? await withFileLock(file, () => unmergeOne(file, tracked)) : 'absent';
      // After the lock file is gone, or the directory is never empty.
      if (action === 'deleted' && tracked.createdDir) await removeEmptyDirs(path.dirname(file), tracked.createdDir);
      results.push({ file, action });
      delete record.files[file];
    } catch (error) {
      results.push({ file, action: 'failed', detail: error instanceof Error ? error.message : String(error) });
    }
  }
  await writeRecord(recordFile, record);
  return results;
}

async function unmergeOne(file: string, tracked: TrackedFile): Promise<UnmergeResult['action']> {
  const bytes = await readBytes(file);
  if (!bytes) return 'absent';
  if (sha256(bytes) === tracked.written && tracked.original !== undefined) {
    if (tracked.original === null) {
      await fs.rm(file);
      return 'deleted';
    }
    await writeAtomic(file, Buffer.from(tracked.original, 'base64'), tracked.originalMode ?? 0o600);
    return 'restored';
  }
  const doc = parseKubeconfig(bytes.toString('utf8'), file);
  if (!hasEntries(doc, tracked.names) && currentContextOf(doc) !== tracked.names.context) return 'untouched';
  const mode = (await fs.stat(file)).mode & 0o777;
  await writeAtomic(file, removeEntries(doc, tracked.names, tracked.previousContext), mode);
  return 'entries removed';
}

/** rmdir from `dir` up to and including `top`, stopping at the first that is not empty. */
async function removeEmptyDirs(dir: string, top: string): Promise<void> {
  for (let current = dir; current.startsWith(top); current = path.dirname(current)) {
    if (!(await fs.rmdir(current).then(() => true, () => false))) return;
    if (current === top) return;
  }
}

/** `$KUBEDRILL_HOME/learner-kubeconfig.json`. */
export function learnerRecordFile(kubedrillHome: string): string {
  return path.join(kubedrillHome, 'learner-kubeconfig.json');
}
