/**
 * Record grader fixtures from the real cluster: for each scenario (or those
 * named on the command line), inject it, record the broken state, run
 * solution.sh, wait for the check to pass, record the fixed state. Writes
 * grader/fixtures/recorded/<id>-broken.json and <id>-fixed.json, which
 * grader/recorded.test.ts replays.
 *
 *   node test/real/record-fixtures.ts [id ...]
 */
import { join } from 'node:path';
import { createProgress } from '../../cluster/progress.ts';
import { localBinDir } from '../../cluster/local/index.ts';
import { connectCluster, scriptKubeconfig } from '../../src/cli/cluster.ts';
import { loadAll } from '../../src/scenario/load.ts';
import { startAttempt } from '../../src/attempt/lifecycle.ts';
import { cleanupAttempt } from '../../src/engine/cleanup.ts';
import { gradeUntilPass } from '../../src/engine/grade.ts';
import { recordFixture } from '../../src/engine/record.ts';
import { runScript } from '../../src/engine/run-script.ts';
import { parseDuration } from '../../src/engine/wait.ts';
import { writeAtomic } from '../../src/home.ts';
import { repoRoot } from '../../src/scenario/paths.ts';

const progress = createProgress();
const { kube, access } = await connectCluster({ autoUp: true, progress });
const kubeconfig = await scriptKubeconfig(access);
const wanted = process.argv.slice(2);
const scenarios = (await loadAll()).filter((s) => wanted.length === 0 || wanted.includes(s.id));
const outDir = join(repoRoot, 'grader', 'fixtures', 'recorded');
const stamp = new Date().toISOString();

for (const scenario of scenarios) {
  const namespace = `${scenario.namespace}-rec`;
  const { record } = await startAttempt({ kube, scenario, namespace, progress });
  try {
    const broken = await progress.step(`${scenario.id}: record the broken state`, () =>
      recordFixture(kube, scenario, record, `${scenario.id}, broken state as injected (recorded ${stamp} on ${access.provider})`),
    );
    await writeAtomic(join(outDir, `${scenario.id}-broken.json`), `${JSON.stringify(broken.fixture, null, 1)}\n`);
    const ran = await runScript({ path: scenario.solution }, { kubeconfig, namespace, pathPrepend: access.provider === 'local' ? [localBinDir()] : [] });
    if (ran.exitCode !== 0) throw new Error(`${scenario.id}: solution.sh exited ${ran.exitCode}: ${ran.output}`);
    const settled = await gradeUntilPass({ kube, scenario, record, waitMs: parseDuration(scenario.settle) });
    if (!settled.passed) throw new Error(`${scenario.id}: solution did not pass: ${settled.verdicts.filter((v) => !v.passed).map((v) => v.reason).join('; ')}`);
    const fixed = await progress.step(`${scenario.id}: record the fixed state`, () =>
      recordFixture(kube, scenario, record, `${scenario.id}, after solution.sh (recorded ${stamp} on ${access.provider})`),
    );
    await writeAtomic(join(outDir, `${scenario.id}-fixed.json`), `${JSON.stringify(fixed.fixture, null, 1)}\n`);
  } finally {
    await cleanupAttempt(kube, record, progress);
  }
}
