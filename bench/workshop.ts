/**
 * How a room scales on one cluster: `workshop create` of N seats × one task,
 * `workshop status` (grade the room) a few times, then `workshop end`, on the
 * cluster that is up. Prints create, grade-all and end seconds (median of the
 * runs) and, per grading, how many cluster reads it made by kind of call
 * (the room's snapshot and its list calls, exec probes, log reads, access
 * reviews); writes
 * bench/results/workshop-<date>.{json,md}.
 *
 *   npm run bench:workshop [-- --seats 20] [--scenario crashloop-exit1] [--runs 1] [--gradings 3] [--solved N]
 *
 * A room that does not grade as expected (every untouched task failing, none
 * missing) fails the bench (exit 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { execa } from 'execa';
import { homeDir } from '../src/home.ts';
import { stabilityWindowMs } from '../grader/index.ts';
import { RoomWatcher } from '../src/workshop/board.ts';
import { createProgress } from '../cluster/progress.ts';
import { connectCluster } from '../src/cli/cluster.ts';
import { findScenario } from '../src/cli/scenarios.ts';
import { writeAtomic } from '../src/home.ts';
import type { Kube } from '../src/kube/client.ts';
import { repoRoot } from '../src/scenario/paths.ts';
import { createWorkshop, endWorkshop, readWorkshop, workshopApis, workshopStatus } from '../src/workshop/workshop.ts';

const { values } = parseArgs({
  options: {
    seats: { type: 'string', default: '20' },
    scenario: { type: 'string', default: 'crashloop-exit1' },
    runs: { type: 'string', default: '1' },
    gradings: { type: 'string', default: '3' },
    solved: { type: 'string', default: '' },
  },
});
const seats = Number(values.seats);
const runs = Number(values.runs);
const gradings = Number(values.gradings);
// Seats that apply the solution before the board refreshes (their checks pass, so their probes run): half by default.
const solved = values.solved === '' ? Math.floor(seats / 2) : Number(values.solved);
const progress = createProgress();
const { kube: plain, access } = await connectCluster({ autoUp: true, progress });
const scenario = await findScenario(values.scenario!);

/** The Kube with every call counted by method: what one grading of the room costs the API server. */
const calls = new Map<string, number>();
const kube = new Proxy(plain, {
  get(target, key, receiver) {
    const value = Reflect.get(target, key, receiver) as unknown;
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      calls.set(String(key), (calls.get(String(key)) ?? 0) + 1);
      // One list call per kind read (namespaces included), across the cluster.
      if (key === 'snapshotAll') calls.set('  its list calls', (calls.get('  its list calls') ?? 0) + ((args[1] as unknown[] | undefined)?.length ?? 0));
      return (value as (...a: unknown[]) => unknown).apply(target, args);
    };
  },
}) as Kube;

interface Run {
  createSeconds: number;
  gradeSeconds: number[];
  /** The board's refreshes, a pause of REFRESH_PAUSE_MS apart: the first ones without a window, then the full checks with a chained window. */
  boardSeconds: { seconds: number; chained: boolean }[];
  endSeconds: number;
  callsPerGrading: Record<string, number>;
  callsPerRefresh: Record<string, number>;
}

const REFRESH_PAUSE_MS = 2000;
const window = stabilityWindowMs(scenario.checks);
const results: Run[] = [];
let wrong = 0;
for (let i = 0; i < runs; i++) {
  const name = `bench-${process.pid % 10000}-${i}`;
  const outDir = mkdtempSync(join(tmpdir(), 'kd-bench-workshop-'));
  const apis = workshopApis(access);
  const t0 = Date.now();
  const { record } = await createWorkshop({ kube, apis, name, seats, scenarios: [scenario], minutes: 30, outDir, progress }).catch(async (error: unknown) => {
    // A create that fails partway leaves seats: end what it made before giving up.
    const made = await readWorkshop(kube, name);
    if (made) await endWorkshop(kube, apis, made, [scenario], progress);
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  });
  const createSeconds = (Date.now() - t0) / 1000;
  const gradeSeconds: number[] = [];
  const boardSeconds: Run['boardSeconds'] = [];
  let callsPerGrading: Record<string, number> = {};
  let callsPerRefresh: Record<string, number> = {};
  try {
    for (let g = 0; g < gradings; g++) {
      calls.clear();
      const t = Date.now();
      const tasks = await workshopStatus(kube, record, [scenario]);
      gradeSeconds.push((Date.now() - t) / 1000);
      callsPerGrading = Object.fromEntries([...calls.entries()].sort());
      const off = tasks.filter((task) => task.state !== 'failing');
      if (off.length > 0) {
        wrong++;
        console.error(`WRONG: untouched tasks not failing: ${off.map((task) => `${task.seat} ${task.state}${task.reason ? ` (${task.reason})` : ''}`).join('; ')}`);
      }
    }
    // Half the room solves its task, so the board's refreshes run the probes of passing checks too.
    await Promise.all(
      record.seats.slice(0, solved).map((seat) =>
        execa('sh', [scenario.solution], { env: { KUBECONFIG: join(outDir, `${seat}.kubeconfig`), NS: `${seat}-${scenario.namespace}`, PATH: `${join(homeDir(), 'bin')}:${process.env.PATH}` } }),
      ),
    );
    // The board: refresh until a window has passed twice and every solved seat passes (the later refreshes grade with every check, window chained).
    const watcher = new RoomWatcher(kube, record, [scenario]);
    const boardFrom = Date.now();
    let passing = 0;
    while (Date.now() - boardFrom < 2 * window + 2 * REFRESH_PAUSE_MS || (passing < solved && Date.now() - boardFrom < 180_000)) {
      calls.clear();
      const t = Date.now();
      const model = await watcher.refresh();
      boardSeconds.push({ seconds: (Date.now() - t) / 1000, chained: t - boardFrom >= window });
      callsPerRefresh = Object.fromEntries([...calls.entries()].sort());
      passing = model.cells.filter((c) => c.state === 'passed').length;
      const off = model.cells.filter((c) => !record.seats.slice(0, solved).includes(c.seat) && c.state !== 'not-started');
      if (off.length > 0) {
        wrong++;
        console.error(`WRONG: board shows untouched tasks as ${off.map((c) => `${c.seat} ${c.state}`).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, REFRESH_PAUSE_MS));
    }
    if (passing !== solved) {
      wrong++;
      console.error(`WRONG: ${passing} tasks passed on the board, ${solved} seats applied the solution`);
    }
  } finally {
    const t = Date.now();
    const left = await endWorkshop(kube, apis, record, [scenario], progress);
    const endSeconds = (Date.now() - t) / 1000;
    if (left.length > 0) {
      wrong++;
      console.error(`WRONG: left after end: ${left.join(', ')}`);
    }
    rmSync(outDir, { recursive: true, force: true });
    results.push({ createSeconds, gradeSeconds, boardSeconds, endSeconds, callsPerGrading, callsPerRefresh });
  }
  const last = results.at(-1)!;
  console.log(`run ${i + 1}/${runs}: ${seats} seats × ${scenario.id}: create ${last.createSeconds.toFixed(1)} s, grade-all ${last.gradeSeconds.map((s) => s.toFixed(1)).join(' / ')} s, board refresh ${last.boardSeconds.map((b) => `${b.seconds.toFixed(1)}${b.chained ? '' : '*'}`).join(' / ')} s (* before a window had passed), end ${last.endSeconds.toFixed(1)} s`);
}

const at = new Date().toISOString();
// The first grading of a run reads a room nobody has graded yet; the median is of the later ones when there are any.
const warm = (r: Run): number[] => (r.gradeSeconds.length > 1 ? r.gradeSeconds.slice(1) : r.gradeSeconds);
const summary = {
  createSeconds: median(results.map((r) => r.createSeconds)),
  gradeSeconds: median(results.flatMap(warm)),
  boardRefreshSeconds: median(results.flatMap((r) => r.boardSeconds.filter((b) => b.chained).map((b) => b.seconds))),
  endSeconds: median(results.map((r) => r.endSeconds)),
};
const result = {
  at,
  machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release(), provider: access.provider },
  room: { seats, scenario: scenario.id, runs, gradings, solved },
  median: summary,
  runs: results,
};
const perGrading = results.at(-1)?.callsPerGrading ?? {};
const lines = [
  `# workshop benchmark ${at}`,
  '',
  `${result.machine.cpus} cores, ${result.machine.memoryGiB} GiB, ${result.machine.provider} provider; ${seats} seats × ${scenario.id}, ${solved} of them solved before the board's refreshes; median of ${runs} run(s), ${gradings} gradings each`,
  '',
  `- create: **${summary.createSeconds.toFixed(1)} s** (${(summary.createSeconds / seats).toFixed(1)} s a seat: inject, symptom, rights, token)`,
  `- grade the room (\`workshop status\`): **${summary.gradeSeconds.toFixed(1)} s**`,
  `- refresh the board (\`workshop board\`/\`serve\`: every check, the ${window / 1000} s stability window chained to an earlier refresh): **${summary.boardRefreshSeconds.toFixed(1)} s**`,
  `- end: **${summary.endSeconds.toFixed(1)} s**`,
  '',
  '| cluster call per grading | count |',
  '|---|---|',
  ...Object.entries(perGrading).map(([k, v]) => `| ${k} | ${v} |`),
  '',
  '| cluster call per board refresh | count |',
  '|---|---|',
  ...Object.entries(results.at(-1)?.callsPerRefresh ?? {}).map(([k, v]) => `| ${k} | ${v} |`),
  '',
];
const stamp = at.replace(/[:T]/g, '-').slice(0, 19);
const dir = join(repoRoot, 'bench', 'results');
await writeAtomic(join(dir, `workshop-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
await writeAtomic(join(dir, `workshop-${stamp}.md`), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`written: bench/results/workshop-${stamp}.{json,md}`);
process.exit(wrong > 0 ? 1 : 0);
