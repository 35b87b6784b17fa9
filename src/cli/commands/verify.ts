import path from 'node:path';
import { createProgress } from '../../../cluster/progress.ts';
import { loadScenario } from '../../scenario/load.ts';
import { localBinDir } from '../../../cluster/local/index.ts';
import { casesOf, PHASES, verifyScenarios, type RunTotals, type ScenarioResult } from '../../engine/verify.ts';
import { connectCluster, scriptKubeconfig } from '../cluster.ts';
import { allScenarios, findScenario } from '../scenarios.ts';
import { EXIT, UsageError } from '../errors.ts';
import { formatSeconds, out, outJson, paint, table } from '../output.ts';
import { withInterrupt } from '../interrupt.ts';

/** `kubedrill verify <id>|--all|--from <folder> [--json] [--parallel N] [--solution-only] [--case names] [--audit-early SHARE] [--audit-seed TEXT]`. */
export async function verifyCommand(
  id: string | undefined,
  options: { all?: boolean; from?: string; json?: boolean; parallel?: string; solutionOnly?: boolean; case?: string; auditEarly?: string; auditSeed?: string },
): Promise<number> {
  const parallel = options.parallel === undefined ? undefined : Number(options.parallel);
  if (parallel !== undefined && !(Number.isInteger(parallel) && parallel >= 1)) throw new UsageError(`--parallel: expected a whole number of cases ≥ 1, saw ${options.parallel}`);
  const auditShare = options.auditEarly === undefined ? DEFAULT_AUDIT : Number(options.auditEarly);
  if (!(auditShare >= 0 && auditShare <= 1)) throw new UsageError(`--audit-early: expected a share between 0 and 1, saw ${options.auditEarly}`);
  // The UTC date: a day's runs audit the same cases, the next day others.
  const auditSeed = options.auditSeed ?? new Date().toISOString().slice(0, 10);
  if (!id && !options.all && !options.from) throw new UsageError('name a scenario, pass --all, or --from <folder>');
  // --from adds a scenario folder outside the catalogue (a test fixture) to the catalogue's, or stands alone.
  let scenarios = [...(options.all ? await allScenarios() : id ? [await findScenario(id)] : []), ...(options.from ? [await loadScenario(path.resolve(options.from))] : [])];
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
  const { results, totals } = await withInterrupt((signal) =>
    verifyScenarios({
      kube,
      scenarios,
      kubeconfig,
      pathPrepend: access.provider === 'local' ? [localBinDir()] : [],
      parallel: parallel ?? DEFAULT_PARALLEL,
      auditShare,
      auditSeed,
      solutionOnly: options.solutionOnly,
      cases: wanted,
      progress,
      signal,
      onCase: (scenario, c) => {
        const ok = c.actual === c.expected;
        const how = c.ended === 'final' ? `, final ${c.audited ? 'and audited ' : ''}` : ', ';
        process.stderr.write(`${ok ? paint.green('✓') : paint.red('✗')} ${scenario} ${c.name}: expected ${c.expected}, got ${c.actual} (${c.seconds}s${how}${slowestOf(c.phases)})\n`);
      },
    }),
  );
  if (options.json) outJson({ scenarios: results, seconds: Math.round(totals.seconds), totals });
  else renderMatrix(results, totals);
  for (const l of totals.leftovers) process.stderr.write(`${paint.red('✗')} left behind: ${l.kind} ${l.name} (${l.why})\n`);
  return results.every((r) => r.proven) && totals.leftovers.length === 0 ? EXIT.ok : EXIT.checkFailed;
}

/** Cases at once when --parallel is not given: what the 2-core machine keeps up with (docs/decisions/0080). */
export const DEFAULT_PARALLEL = 12;
/** Share of early-ended shortcut cases graded on to the deadline anyway; the pick turns daily (docs/decisions/0080). */
const DEFAULT_AUDIT = 0.05;

function slowestOf(phases: Record<string, number>): string {
  const [phase, seconds] = Object.entries(phases).reduce((a, b) => (b[1] > a[1] ? b : a));
  return `${phase} ${Math.round(seconds)}s`;
}

/** The line a verify run ends with: cases, wall time, rate, the slowest phase. */
export function summaryLine(totals: RunTotals): string {
  const caseSeconds = PHASES.reduce((sum, p) => sum + totals.phases[p], 0);
  const share = caseSeconds > 0 ? Math.round((totals.phases[totals.slowest] * 100) / caseSeconds) : 0;
  const early = totals.endedEarly > 0 ? `; ${totals.endedEarly} ended early on a final failure (${totals.audited} audited, seed ${totals.auditSeed})` : '';
  return `${totals.cases} cases in ${formatSeconds(Math.round(totals.seconds))}, ${totals.casesPerMinute} cases/min; slowest phase: ${totals.slowest} (${share}% of case time)${early}`;
}

function renderMatrix(results: ScenarioResult[], totals: RunTotals): void {
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
  out(summaryLine(totals));
}
