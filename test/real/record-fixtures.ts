/**
 * Record grader fixtures from the real cluster, one scenario at a time.
 *
 *   node test/real/record-fixtures.ts [id ...]
 *     inject, record the broken state, run solution.sh, wait for pass, record
 *     the fixed state: grader/fixtures/recorded/<id>-{broken,fixed}.json
 *     (grader/recorded.test.ts replays them).
 *   node test/real/record-fixtures.ts <id>:shortcut/<name> <id>:fix/<name> ...
 *     inject fresh, run that script (a scenario's file, a generic shortcut, or
 *     one of `extraCases` below), grade until pass or the scenario's settle
 *     deadline, record <id>-shortcut-<name>.json / <id>-fix-<name>.json
 *     (grader/fixtures/scenarios.test.ts replays them); a shortcut also gets
 *     <id>-shortcut-<name>-early.json, its state right after the script.
 */
import { join } from 'node:path';
import { createProgress } from '../../cluster/progress.ts';
import { localBinDir } from '../../cluster/local/index.ts';
import { connectCluster, scriptKubeconfig } from '../../src/cli/cluster.ts';
import { loadAll } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { startAttempt } from '../../src/attempt/lifecycle.ts';
import type { AttemptRecord } from '../../src/attempt/record.ts';
import { cleanupAttempt } from '../../src/engine/cleanup.ts';
import { gradeUntilPass } from '../../src/engine/grade.ts';
import type { CaseScript } from '../../src/engine/generic-shortcuts.ts';
import { asRecorded, RECORDED_SUFFIX, recordFixture } from '../../src/engine/record.ts';
import { runScript } from '../../src/engine/run-script.ts';
import { casesOf, gradeBroken, namespaceVariables } from '../../src/engine/verify.ts';
import { parseDuration } from '../../src/engine/wait.ts';
import { writeAtomic } from '../../src/home.ts';
import { repoRoot } from '../../src/scenario/paths.ts';

/** Learner actions no script file does exactly, keyed `<id>:<kind>/<name>`. */
const extraCases: Record<string, CaseScript> = {
  'crashloop-exit1:shortcut/recreate': {
    name: 'shortcut/recreate',
    kind: 'shortcut',
    description: 'delete Deployment api and create it again under the same name, with the fix',
    inline: [
      'set -eu',
      'kubectl -n "$NS" get deployment api -o json | kubectl -n "$NS" replace --force -f -',
      'kubectl -n "$NS" set env deployment/api --from=configmap/api-config',
    ].join('\n'),
  },
};

const progress = createProgress();
// Record only from a running cluster: never bring one up (others may share it).
const { kube, access } = await connectCluster({ autoUp: false, progress });
const kubeconfig = await scriptKubeconfig(access);
const pathPrepend = access.provider === 'local' ? [localBinDir()] : [];
const outDir = join(repoRoot, 'grader', 'fixtures', 'recorded');
const stamp = new Date().toISOString();
const scenarios = await loadAll();
const args = process.argv.slice(2);

for (const arg of args.filter((a) => a.includes(':'))) await recordCase(arg);
const ids = args.filter((a) => !a.includes(':'));
if (ids.length > 0 || args.length === 0) {
  for (const scenario of scenarios.filter((s) => ids.length === 0 || ids.includes(s.id))) await recordBrokenAndFixed(scenario);
}

/**
 * Inject into `<namespace>-rec` (and `<other>-rec` for each other namespace,
 * named so wherever the manifests spell it, as verify does), run `body`,
 * always clean up.
 */
async function withAttempt(written: Scenario, body: (record: AttemptRecord, scenario: Scenario) => Promise<void>): Promise<void> {
  const { scenario, namespaces } = asRecorded(written);
  const { record } = await startAttempt({ kube, scenario, namespace: `${scenario.namespace}${RECORDED_SUFFIX}`, namespaces, proof: true, progress });
  try {
    await body(record, scenario);
  } finally {
    await cleanupAttempt(kube, record, progress, { wait: scenario.exclusive });
  }
}

/** Grade and capture the attempt's current state as grader/fixtures/recorded/<file>.json. */
async function save(scenario: Scenario, record: AttemptRecord, file: string, state: string): Promise<void> {
  const { fixture } = await progress.step(`${scenario.id}: record ${state}`, () =>
    recordFixture(kube, scenario, record, `${scenario.id}, ${state} (recorded ${stamp} on ${access.provider})`),
  );
  await writeAtomic(join(outDir, `${file}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
}

async function run(scenario: Scenario, script: Pick<CaseScript, 'name' | 'path' | 'inline'>, namespace: string, namespaces: Record<string, string> = {}): Promise<void> {
  const ran = await runScript(script, { kubeconfig, namespace, pathPrepend, env: namespaceVariables(namespaces) });
  if (ran.exitCode !== 0) throw new Error(`${scenario.id}: ${script.name} exited ${ran.exitCode}: ${ran.output}`);
}

async function recordBrokenAndFixed(written: Scenario): Promise<void> {
  await withAttempt(written, async (record, scenario) => {
    // As verify does: the gates up (bystanders started), every other check failing.
    const wrong = await gradeBroken(kube, scenario, record);
    if (wrong.length > 0) throw new Error(`${scenario.id}: broken state graded wrong: ${wrong.map((v) => `${v.id} ${v.passed ? 'passed' : 'failed'} (${v.reason})`).join('; ')}`);
    await save(scenario, record, `${scenario.id}-broken`, 'broken state as injected');
    await run(scenario, { name: 'solution.sh', path: scenario.solution }, record.namespace, record.namespaces);
    const settled = await gradeUntilPass({ kube, scenario, record, waitMs: parseDuration(scenario.settle) });
    if (!settled.passed) throw new Error(`${scenario.id}: solution did not pass: ${failing(settled.verdicts)}`);
    await save(scenario, record, `${scenario.id}-fixed`, 'after solution.sh');
  });
}

/** `<id>:shortcut/<name>` or `<id>:fix/<name>`: one learner action, graded at the settle deadline. */
async function recordCase(arg: string): Promise<void> {
  const [id, name] = arg.split(':') as [string, string];
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const script = extraCases[arg] ?? casesOf(scenario, false).find((c) => c.name === name || c.name === `shortcut/${name}`);
  if (!script) throw new Error(`${id} has no case ${name}`);
  await withAttempt(scenario, async (record, view) => {
    await run(view, script, record.namespace, record.namespaces);
    // A shortcut's state right after its script, beside the deadline's: the
    // pair grader/recorded.test.ts uses to prove that a final failure (verify
    // ends the case there) still fails at the deadline.
    if (script.kind === 'shortcut') await save(view, record, `${id}-${script.name.replace('/', '-')}-early`, `right after ${script.name} (${script.description})`);
    const settled = await gradeUntilPass({ kube, scenario: view, record, waitMs: parseDuration(view.settle) });
    const expected = script.kind !== 'shortcut';
    // A shortcut that passes is a grader bug: record it anyway, as evidence.
    const note = settled.passed === expected ? '' : 'UNEXPECTED ';
    progress.info(`${note}${arg}: ${settled.passed ? 'pass' : 'fail'} (${failing(settled.verdicts)})`);
    await save(view, record, `${id}-${script.name.replace('/', '-')}`, `after ${script.name} (${script.description})`);
  });
}

function failing(verdicts: { id: string; passed: boolean; reason: string }[]): string {
  return verdicts.filter((v) => !v.passed).map((v) => `${v.id}: ${v.reason}`).join('; ') || 'all pass';
}
