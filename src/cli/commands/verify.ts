import { createProgress } from '../../../cluster/progress.ts';
import { localBinDir } from '../../../cluster/local/index.ts';
import { casesOf, verifyScenarios, type ScenarioResult } from '../../engine/verify.ts';
import { connectCluster, scriptKubeconfig } from '../cluster.ts';
import { allScenarios, findScenario } from '../scenarios.ts';
import { EXIT, UsageError } from '../errors.ts';
import { out, outJson, paint, table } from '../output.ts';
import { withInterrupt } from '../interrupt.ts';

/** `kubedrill verify <id>|--all [--json] [--parallel N] [--solution-only] [--case names]`. */
export async function verifyCommand(
  id: string | undefined,
  options: { all?: boolean; json?: boolean; parallel?: string; solutionOnly?: boolean; case?: string },
): Promise<number> {
  if (!id && !options.all) throw new UsageError('name a scenario or pass --all');
  let scenarios = options.all ? await allScenarios() : [await findScenario(id!)];
  const wanted = options.case?.split(',').map((c) => c.trim()).filter(Boolean);
  if (wanted) {
    const known = new Set(scenarios.flatMap((s) => casesOf(s, false).map((c) => c.name)));
    const unknown = wanted.filter((c) => !known.has(c));
    if (unknown.length > 0) throw new UsageError(`no case ${unknown.join(', ')} (cases are named solution, fix/<name>, shortcut/<name>)`);
    scenarios = scenarios.filter((s) => casesOf(s, false).some((c) => wanted.includes(c.name)));
  }
  const progress = createProgress({ quiet: options.json });
  const { kube, access } = await connectCluster({ autoUp: true, progress });
  const kubeconfig = await scriptKubeconfig(access);
  const started = Date.now();
  const results = await withInterrupt((signal) =>
    verifyScenarios({
      kube,
      scenarios,
      kubeconfig,
      pathPrepend: access.provider === 'local' ? [localBinDir()] : [],
      parallel: options.parallel ? Number(options.parallel) : undefined,
      solutionOnly: options.solutionOnly,
      cases: wanted,
      progress,
      signal,
      onCase: (scenario, c) => {
        const ok = c.actual === c.expected;
        process.stderr.write(`${ok ? paint.green('✓') : paint.red('✗')} ${scenario} ${c.name}: expected ${c.expected}, got ${c.actual} (${c.seconds}s)\n`);
      },
    }),
  );
  const seconds = Math.round((Date.now() - started) / 1000);
  if (options.json) outJson({ scenarios: results, seconds });
  else renderMatrix(results, seconds);
  return results.every((r) => r.proven) ? EXIT.ok : EXIT.checkFailed;
}

function renderMatrix(results: ScenarioResult[], seconds: number): void {
  const rows = results.flatMap((r) =>
    r.cases.map((c) => {
      const ok = c.actual === c.expected;
      const mark = ok ? paint.green('ok') : paint.red(c.expected === 'fail' ? 'FALSE PASS' : 'FALSE FAIL');
      return [r.id, c.name, c.expected, c.actual, mark, c.reason.length > 140 ? `${c.reason.slice(0, 137)}...` : c.reason];
    }),
  );
  for (const line of table(['SCENARIO', 'CASE', 'EXPECTED', 'ACTUAL', '', 'REASON'], rows)) out(line);
  out();
  for (const r of results) out(`${r.proven ? paint.green('PROVEN') : paint.red('NOT PROVEN')} ${r.id} (${r.cases.length} cases)`);
  out(paint.dim(`${seconds}s`));
}
