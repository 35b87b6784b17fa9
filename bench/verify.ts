/**
 * How fast the proof runs: `verify` of a chosen subset, N times, on the
 * cluster that is up (or brought up). Prints each run's line (cases, wall
 * time, cases per minute, slowest phase) and the median of N for the rate and
 * every phase; writes bench/results/verify-<date>.{json,md}.
 *
 *   npm run bench:verify [-- --runs 3] [--scenarios a,b] [--cases solution,shortcut/x] [--parallel 12] [--audit-early 0]
 *
 * A wrong verdict is printed and fails the bench (exit 1): a fast proof that
 * proves nothing is not a result.
 */
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { createProgress } from '../cluster/progress.ts';
import { localBinDir } from '../cluster/local/index.ts';
import { connectCluster, scriptKubeconfig } from '../src/cli/cluster.ts';
import { DEFAULT_PARALLEL, summaryLine } from '../src/cli/commands/verify.ts';
import { PHASES, verifyScenarios, type RunTotals } from '../src/engine/verify.ts';
import { writeAtomic } from '../src/home.ts';
import { loadAll } from '../src/scenario/load.ts';
import { repoRoot } from '../src/scenario/paths.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    scenarios: { type: 'string' },
    cases: { type: 'string' },
    parallel: { type: 'string', default: String(DEFAULT_PARALLEL) },
    'audit-early': { type: 'string', default: '0' },
  },
});
const runs = Number(values.runs);
const parallel = Number(values.parallel);
const progress = createProgress();

const { kube, access } = await connectCluster({ autoUp: true, progress });
const kubeconfig = await scriptKubeconfig(access);
const wanted = values.scenarios?.split(',');
const cases = values.cases?.split(',');
const scenarios = (await loadAll()).filter((s) => !wanted || wanted.includes(s.id));
const totals: RunTotals[] = [];
let wrong = 0;
for (let i = 0; i < runs; i++) {
  const { results, totals: run } = await verifyScenarios({
    kube,
    scenarios,
    kubeconfig,
    pathPrepend: access.provider === 'local' ? [localBinDir()] : [],
    parallel,
    auditShare: Number(values['audit-early']),
    ...(cases ? { cases } : {}),
    progress,
  });
  for (const r of results) {
    for (const c of r.cases.filter((x) => x.actual !== x.expected)) {
      wrong++;
      console.error(`WRONG ${r.id} ${c.name}: expected ${c.expected}, got ${c.actual}: ${c.reason}`);
    }
  }
  totals.push(run);
  console.log(`run ${i + 1}/${runs}: ${summaryLine(run)}`);
}

const phases = Object.fromEntries(PHASES.map((p) => [p, median(totals.map((t) => t.phases[p]))]));
const result = {
  at: new Date().toISOString(),
  machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release(), provider: access.provider },
  subset: { scenarios: scenarios.map((s) => s.id), cases: cases ?? 'all', parallel },
  runs,
  median: { cases: median(totals.map((t) => t.cases)), seconds: median(totals.map((t) => t.seconds)), casesPerMinute: median(totals.map((t) => t.casesPerMinute)), phases },
  totals,
};
const lines = [
  `# verify benchmark ${result.at}`,
  '',
  `${result.machine.cpus} cores, ${result.machine.memoryGiB} GiB, ${result.machine.provider} provider; ${scenarios.length} scenarios, cases: ${cases?.join(', ') ?? 'all'}, --parallel ${parallel}; median of ${runs}`,
  '',
  `- cases per minute: **${result.median.casesPerMinute}** (${result.median.cases} cases in ${result.median.seconds} s)`,
  '',
  '| phase | case-seconds (sum over cases) |',
  '|---|---|',
  ...PHASES.map((p) => `| ${p} | ${phases[p]} |`),
  '',
];
const stamp = result.at.replace(/[:T]/g, '-').slice(0, 19);
const dir = join(repoRoot, 'bench', 'results');
await writeAtomic(join(dir, `verify-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
await writeAtomic(join(dir, `verify-${stamp}.md`), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`written: bench/results/verify-${stamp}.{json,md}`);
process.exit(wrong > 0 ? 1 : 0);
