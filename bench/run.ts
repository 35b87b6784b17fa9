/**
 * Benchmarks that print numbers (never timed tests). Per scenario: time from
 * `start` to the symptom (and the whole start), `check` latency on the broken
 * state, and on the fixed state (after solution.sh; this is where the
 * reachability and file probes run) without and with the stability window,
 * `reset` and `stop` times. For the cluster: `up`
 * warm (already running), `down`, and `up` cold (after down; binaries cached).
 * Median of N runs (default 3). Writes bench/results/<date>.{json,md}.
 *
 *   npm run bench [-- --runs 3] [--scenarios a,b] [--no-cluster]
 */
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { createProgress, silentProgress } from '../cluster/progress.ts';
import { selectProvider } from '../cluster/select.ts';
import { connectCluster, scriptKubeconfig, upCluster } from '../src/cli/cluster.ts';
import { loadAll } from '../src/scenario/load.ts';
import { startAttempt, stopAttempt } from '../src/attempt/lifecycle.ts';
import { gradeAttempt, gradeUntilPass } from '../src/engine/grade.ts';
import { runScript } from '../src/engine/run-script.ts';
import { parseDuration } from '../src/engine/wait.ts';
import { localBinDir } from '../cluster/local/index.ts';
import { writeAtomic } from '../src/home.ts';
import { repoRoot } from '../src/scenario/paths.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, scenarios: { type: 'string' }, 'no-cluster': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const progress = createProgress();
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

const { kube, access } = await connectCluster({ autoUp: true, progress });
const wanted = values.scenarios?.split(',');
const scenarios = (await loadAll()).filter((s) => !wanted || wanted.includes(s.id));
const kubeconfig = await scriptKubeconfig(access);
const pathPrepend = access.provider === 'local' ? [localBinDir()] : [];
type Row = { scenario: string; symptom: number; start: number; checkBroken: number; checkQuick: number; checkWindow: number; reset: number; stop: number };
const rows: Row[] = [];
for (const scenario of scenarios) {
  const samples: Row[] = [];
  for (let i = 0; i < runs; i++) {
    const namespace = `${scenario.namespace}-bench`;
    let symptom = 0;
    let record!: Awaited<ReturnType<typeof startAttempt>>['record'];
    const start = await time(async () => {
      ({ record, symptomSeconds: symptom } = await startAttempt({ kube, scenario, namespace, progress: silentProgress }));
    });
    const checkBroken = await time(() => gradeAttempt({ kube, scenario, record, windowMs: 0 }));
    const ran = await runScript({ path: scenario.solution }, { kubeconfig, namespace, pathPrepend });
    if (ran.exitCode !== 0) throw new Error(`${scenario.id}: solution.sh exited ${ran.exitCode}: ${ran.output}`);
    const fixed = await gradeUntilPass({ kube, scenario, record, waitMs: parseDuration(scenario.settle) });
    if (!fixed.passed) throw new Error(`${scenario.id}: the solution did not pass within settle`);
    const checkQuick = await time(() => gradeAttempt({ kube, scenario, record, windowMs: 0 }));
    const checkWindow = await time(() => gradeAttempt({ kube, scenario, record }));
    const reset = await time(async () => {
      ({ record } = await startAttempt({ kube, scenario, namespace, progress: silentProgress }));
    });
    const stop = await time(() => stopAttempt(kube, record, silentProgress));
    samples.push({ scenario: scenario.id, symptom, start, checkBroken, checkQuick, checkWindow, reset, stop });
    progress.info(`${scenario.id} run ${i + 1}/${runs}: start ${start.toFixed(1)}s (symptom ${symptom.toFixed(1)}s), check broken ${checkBroken.toFixed(2)}s, fixed ${checkQuick.toFixed(2)}s / ${checkWindow.toFixed(1)}s, reset ${reset.toFixed(1)}s, stop ${stop.toFixed(1)}s`);
  }
  const pick = (k: keyof Omit<Row, 'scenario'>): number => median(samples.map((s) => s[k]));
  rows.push({ scenario: scenario.id, symptom: pick('symptom'), start: pick('start'), checkBroken: pick('checkBroken'), checkQuick: pick('checkQuick'), checkWindow: pick('checkWindow'), reset: pick('reset'), stop: pick('stop') });
}

const cluster: Record<string, number> = {};
if (!values['no-cluster'] && access.provider !== 'existing') {
  const provider = await selectProvider({ requested: access.provider });
  const warm: number[] = [];
  const down: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    warm.push(await time(() => upCluster({ provider: access.provider, progress: silentProgress })));
    down.push(await time(() => provider.down({ progress: silentProgress })));
    cold.push(await time(() => upCluster({ provider: access.provider, progress: silentProgress })));
    progress.info(`cluster run ${i + 1}/${runs}: up warm ${warm.at(-1)!.toFixed(1)}s, down ${down.at(-1)!.toFixed(1)}s, up cold ${cold.at(-1)!.toFixed(1)}s`);
  }
  Object.assign(cluster, { upWarm: median(warm), down: median(down), upCold: median(cold) });
}

const machine = { date: new Date().toISOString(), provider: access.provider, cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), kernel: release(), node: process.version, runs };
const f = (n: number): string => `${n.toFixed(1)}s`;
const table = [
  '| scenario | start → symptom | start (total) | check, broken | check, fixed (no window) | check, fixed (10 s window) | reset | stop |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.scenario} | ${f(r.symptom)} | ${f(r.start)} | ${r.checkBroken.toFixed(2)}s | ${r.checkQuick.toFixed(2)}s | ${f(r.checkWindow)} | ${f(r.reset)} | ${f(r.stop)} |`),
  '',
  ...(Object.keys(cluster).length ? [`cluster (${access.provider}): up warm ${f(cluster.upWarm!)}, down ${f(cluster.down!)}, up cold (binaries cached) ${f(cluster.upCold!)}`] : []),
  '',
  `${machine.date} · ${machine.provider} · ${machine.cpus} cores · ${machine.memoryGiB} GiB · kernel ${machine.kernel} · median of ${runs}`,
].join('\n');
process.stdout.write(`${table}\n`);
const stamp = machine.date.slice(0, 19).replace(/[:T]/g, '-');
await writeAtomic(join(repoRoot, 'bench', 'results', `${stamp}.json`), `${JSON.stringify({ machine, scenarios: rows, cluster }, null, 2)}\n`);
await writeAtomic(join(repoRoot, 'bench', 'results', `${stamp}.md`), `${table}\n`);
process.exit(0);
