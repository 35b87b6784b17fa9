import { createHash, randomBytes } from 'node:crypto';

/** What selection needs to know about a scenario. */
export interface Candidate {
  id: string;
  domain: string;
}

/** Options for {@link selectScenarios}. */
export interface SelectOptions<T extends Candidate> {
  pool: T[];
  /** How many to pick (ignored when `ids` is given). */
  count: number;
  seed: string;
  /** Exactly these, in this order (`--scenarios a,b`). */
  ids?: string[];
  /** Only scenarios of this CKA domain. */
  domain?: string;
}

/** A selection that cannot be made (unknown id, too few scenarios): a usage problem. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

/**
 * Pick the drill's scenarios. The same seed, pool and count always give the
 * same tasks in the same order (a Fisher–Yates shuffle driven by a PRNG seeded
 * from the seed string, over the pool sorted by id), so a drill can be rerun
 * or shared by its seed.
 */
export function selectScenarios<T extends Candidate>(options: SelectOptions<T>): T[] {
  const byId = new Map(options.pool.map((s) => [s.id, s]));
  if (options.ids?.length) {
    const unknown = options.ids.filter((id) => !byId.has(id));
    if (unknown.length) throw new SelectionError(`unknown scenario ${unknown.map((u) => `"${u}"`).join(', ')} (pick from: ${[...byId.keys()].sort().join(', ')})`);
    const dupes = options.ids.filter((id, i) => options.ids!.indexOf(id) !== i);
    if (dupes.length) throw new SelectionError(`scenario ${dupes[0]} named twice: each task runs in the scenario's own namespace`);
    return options.ids.map((id) => byId.get(id)!);
  }
  const pool = options.pool.filter((s) => !options.domain || s.domain === options.domain).sort((a, b) => a.id.localeCompare(b.id));
  if (pool.length === 0) throw new SelectionError(`no scenario in domain ${options.domain}`);
  if (!Number.isInteger(options.count) || options.count < 1) throw new SelectionError(`--count must be a whole number >= 1 (got ${options.count})`);
  if (options.count > pool.length) {
    throw new SelectionError(`--count ${options.count} but only ${pool.length} scenario${pool.length === 1 ? '' : 's'}${options.domain ? ` in ${options.domain}` : ''}`);
  }
  const random = prng(options.seed);
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, options.count);
}

/** A fresh seed to print and store when the learner gave none (short enough to type). */
export function newSeed(): string {
  return randomBytes(4).toString('hex');
}

/** mulberry32 seeded with the first 4 bytes of sha256(seed): small, fast, identical on every platform. */
function prng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
