import { Command, Option } from 'commander';
import { createProgress } from '../../../cluster/progress.ts';
import type { Kube } from '../../kube/client.ts';
import { connectCluster } from '../cluster.ts';
import { EXIT, UsageError } from '../errors.ts';
import { withInterrupt } from '../interrupt.ts';
import { out, outJson, paint, table } from '../output.ts';
import { allScenarios, findScenario, renderBrief } from '../scenarios.ts';
import { domains } from '../../scenario/schema.ts';
import { readHistory } from '../../history.ts';
import { cleanupDrill, finishDrill } from '../../drill/finish.ts';
import { processAlive } from '../../drill/file-lock.ts';
import type { DrillRecord } from '../../drill/record.ts';
import { newSeed, SelectionError, selectScenarios } from '../../drill/select.ts';
import { parseCount, parseHintCost, parsePassMark, parseTime, readDrillDefaults } from '../../drill/settings.ts';
import { defaultTimeLimitMs, startDrill } from '../../drill/start.ts';
import { countdown, drillStatus } from '../../drill/status.ts';
import { listDrills } from '../../drill/store.ts';
import { runTimer, spawnTimer, timerLogPath } from '../../drill/timer.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../report/drill-report.ts';
import { summarizeHistory } from '../../report/history-summary.ts';
import { renderHistory } from '../../report/history-view.ts';
import { formatDuration } from '../../report/durations.ts';
import { pickDrill, renderReport } from '../../report/render.ts';

type Run = (action: () => Promise<number>) => Promise<void>;

/** Flags of `kubedrill drill`. */
interface DrillFlags {
  count?: string;
  time?: string;
  seed?: string;
  scenarios?: string;
  domain?: string;
  passMark?: string;
  hintCost?: string;
  json?: boolean;
}

/** Registers `drill` (+ `status`, `submit`, the hidden timer `expire`), `history` and `report`. */
export function registerDrillCommands(program: Command, run: Run): void {
  const drill = program
    .command('drill')
    .description('a timed drill: N tasks at once, a clock, weighted scoring, a pass mark')
    .option('--count <n>', 'number of tasks (default 3, or settings.json drill.count)')
    .option('--time <duration>', 'time limit, e.g. 30m (default: the sum of the tasks\' own limits)')
    .option('--seed <seed>', 'pick the tasks reproducibly (printed when not given)')
    .option('--scenarios <ids>', 'exactly these scenarios, comma-separated, in this order')
    .addOption(new Option('--domain <domain>', 'only scenarios of this CKA domain').choices([...domains]))
    .option('--pass-mark <percent>', 'percentage needed to pass (default 66)')
    .option('--hint-cost <fraction>', 'each hint costs this fraction of its task (default 0.1)')
    .option('--json', 'one JSON document')
    .action((flags: DrillFlags) => run(() => drillStartCommand(flags)));
  // `drill status --json`: the root program parses options anywhere, so `drill`'s own --json takes the flag; read it from there too.
  const withJson = <T extends { json?: boolean }>(options: T, command: Command): T => ({ ...options, json: Boolean(options.json || command.parent?.opts().json) });
  drill
    .command('status')
    .description('time left and the tasks')
    .option('--json', 'one JSON document')
    .option('--briefs', 'print every task\'s brief again')
    .option('--watch', 'then count down on this line until the deadline (a terminal; Ctrl-C stops)')
    .action((o, command: Command) => run(() => drillStatusCommand(withJson(o, command))));
  drill
    .command('submit')
    .description('grade every task, record the score, end the drill (exit 0 pass, 1 fail)')
    .option('--json', 'one JSON document')
    .option('--drill <id>', 'which drill (when several)')
    .action((o, command: Command) => run(() => drillSubmitCommand(withJson(o, command))));
  drill.command('expire <id>', { hidden: true }).description('the detached timer: grade at the deadline').action((id: string) => run(() => drillExpireCommand(id)));
  program.command('history').description('progress over time: per scenario, and drill scores').option('--json', 'one JSON document').action((o) => run(() => historyCommand(o)));
  program
    .command('report')
    .description('report of a drill (default: the last one)')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--last', 'the most recent drill (the default)')
    .option('--drill <id>', 'a drill by id (kubedrill history --json lists them)')
    .action((o) => run(() => reportCommand(o)));
}

/** `kubedrill drill`: pick, inject every task, start the clock and the timer, show the tasks. */
async function drillStartCommand(flags: DrillFlags): Promise<number> {
  const defaults = await readDrillDefaults();
  const pool = await allScenarios();
  const asked = noShapeFlags(flags) && process.stdin.isTTY && process.stderr.isTTY && !flags.json ? await (await import('../../drill/prompt.ts')).askDrillShape({ defaults, pool }) : {};
  const seed = flags.seed ?? newSeed();
  let scenarios;
  try {
    scenarios = selectScenarios({ pool, seed, count: flags.count ? parseCount(flags.count) : (asked.count ?? defaults.count), ids: flags.scenarios?.split(',').map((s) => s.trim()).filter(Boolean), domain: flags.domain ?? asked.domain });
  } catch (error) {
    if (error instanceof SelectionError) throw new UsageError(error.message, { fix: 'kubedrill list shows the scenarios' });
    throw error;
  }
  const time = flags.time ?? asked.time ?? defaults.time;
  const rules = { passMark: flags.passMark ? parsePassMark(flags.passMark) : defaults.passMark, hintCost: flags.hintCost ? parseHintCost(flags.hintCost) : defaults.hintCost };
  const timeLimitMs = time ? parseTime(time) : defaultTimeLimitMs(scenarios);
  // Every flag is checked before the cluster is touched (connecting may bring one up).
  const progress = createProgress({ quiet: flags.json });
  const { kube } = await connectCluster({ autoUp: true, learner: true, progress });
  const record = await withInterrupt((signal) => startDrill({ kube, scenarios, seed, timeLimitMs, rules, progress, signal, spawnTimer }));
  const tasks = scenarios.map((s, i) => ({ id: s.id, namespace: s.namespace, weight: s.weight, title: s.title, brief: renderBrief(s, record.tasks[i]!.namespace) }));
  if (flags.json) {
    outJson({ id: record.id, seed: record.seed, startedAt: record.startedAt, deadline: record.deadline, timeLimitSeconds: record.timeLimitSeconds, passMark: rules.passMark, hintCost: rules.hintCost, tasks });
    return EXIT.ok;
  }
  out();
  out(paint.bold(`Drill ${record.id}: ${tasks.length} task${tasks.length === 1 ? '' : 's'}, ${formatDuration(record.timeLimitSeconds)} — ends at ${clock(record.deadline!)}`));
  out(paint.dim(`seed ${record.seed} · pass mark ${rules.passMark}% · a hint costs ${Math.round(rules.hintCost * 100)}% of its task · a revealed solution scores 0`));
  tasks.forEach((t, i) => {
    out();
    out(paint.bold(`Task ${i + 1}: ${t.title}`) + paint.dim(`  [${t.id} · weight ${t.weight} · namespace ${t.namespace}]`));
    out(t.brief);
  });
  out();
  out(paint.dim(`Time left: ${countdown(record.timeLimitSeconds)}. Work with kubectl in any terminal. kubedrill drill status · kubedrill check <task> · kubedrill hint <task> · kubedrill drill submit`));
  return EXIT.ok;
}

function noShapeFlags(flags: DrillFlags): boolean {
  return [flags.count, flags.time, flags.seed, flags.scenarios, flags.domain].every((f) => f === undefined);
}

/** `kubedrill drill status`: the clock and the tasks of every drill in the cluster. */
async function drillStatusCommand(options: { json?: boolean; briefs?: boolean; watch?: boolean }): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const { drills, unverified } = await listDrills(kube);
  const views = await Promise.all(drills.map((d) => drillStatus(kube, d)));
  if (options.json) {
    outJson({ drills: views, unverified });
    return EXIT.ok;
  }
  if (views.length === 0) out('no drill in progress — kubedrill drill (kubedrill report shows the last finished one)');
  for (const unknown of unverified) out(paint.yellow(`namespace ${unknown} holds a drill this machine did not sign (edited, or another learner's)`));
  for (const view of views) {
    const clockLine = view.result
      ? paint.yellow(`time is up: graded at the deadline — ${view.result.score}% ${view.result.passed ? 'PASSED' : 'FAILED'} (pass mark ${view.passMark}%); kubedrill drill submit shows the report and cleans up`)
      : view.state === 'injecting'
        ? paint.yellow('still injecting (or abandoned while injecting)')
        : `time left ${paint.bold(countdown(view.secondsLeft ?? 0))} of ${formatDuration(view.timeLimitSeconds)} (ends at ${clock(view.deadline!)})`;
    out(`${paint.bold(`Drill ${view.id}`)}  ${clockLine}`);
    const rows = view.tasks.map((t, i) => [String(i + 1), t.id, t.namespace, String(t.weight), `${t.hintsUsed}${t.revealed ? ' +solution' : ''}`, t.problem ? paint.red(t.problem) : t.passedAt ? paint.green('check passed') : '-']);
    for (const line of table(['#', 'task', 'namespace', 'weight', 'hints', 'status'], rows)) out(`  ${line}`);
    if (options.briefs) {
      for (const t of view.tasks) {
        const scenario = await findScenario(t.id);
        out();
        out(paint.bold(`${t.id} (${t.namespace})`));
        out(renderBrief(scenario, t.namespace));
      }
    }
  }
  if (views.some((v) => !v.result)) out(paint.dim('kubedrill check <task> grades one task; kubedrill drill submit grades all and ends the drill'));
  const running = views.find((v) => !v.result && v.deadline);
  if (options.watch && running && process.stdout.isTTY) await watchCountdown(Date.parse(running.deadline!));
  return EXIT.ok;
}

/** A live countdown on one line until the deadline (or Ctrl-C). */
async function watchCountdown(deadline: number): Promise<void> {
  for (let left = deadline - Date.now(); left > 0; left = deadline - Date.now()) {
    process.stdout.write(`\r${paint.bold(`time left ${countdown(left / 1000)}`)}   `);
    await new Promise((r) => setTimeout(r, Math.min(1000, left)));
  }
  process.stdout.write(`\r${paint.yellow('time is up: the timer grades the cluster as it is now')}\n`);
}

/** `kubedrill drill submit`: grade (or take the timer's grade), record, clean up, report. */
async function drillSubmitCommand(options: { json?: boolean; drill?: string }): Promise<number> {
  const progress = createProgress({ quiet: options.json });
  const { kube } = await connectCluster({ autoUp: false, progress });
  const record = await resolveDrill(kube, options.drill);
  if (record.state === 'injecting') {
    if (processAlive(record.injectorPid)) throw new UsageError(`drill ${record.id} is still injecting its tasks`, { fix: 'wait for `kubedrill drill` to return' });
    await cleanupDrill(kube, record, progress);
    throw new UsageError(`drill ${record.id} was abandoned while injecting: removed it; nothing was scored`, { fix: 'kubedrill drill' });
  }
  if (!options.json) process.stderr.write(paint.dim(record.result ? `drill ${record.id} was graded at the deadline\n` : `grading ${record.tasks.length} tasks...\n`));
  const { result, record: finished } = await withInterrupt(() => finishDrill({ kube, id: record.id, ended: 'submitted', scenario: findScenario }));
  await cleanupDrill(kube, finished, progress);
  if (options.json) outJson(result);
  else process.stdout.write(renderReport(result, 'text', paint));
  return result.passed ? EXIT.ok : EXIT.checkFailed;
}

/** The hidden timer: wait for the deadline, grade, record; everything to the log. */
async function drillExpireCommand(id: string): Promise<number> {
  const log = (line: string): void => out(`${new Date().toISOString()} drill ${id}: ${line}`);
  log(`timer started (pid ${process.pid}, log ${timerLogPath(id)})`);
  let kube: Kube | undefined;
  for (let tries = 0; !kube; tries++) {
    try {
      kube = (await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) })).kube;
    } catch (error) {
      if (tries >= 240) throw error;
      log(`cluster unreachable (${(error as Error).message}); retrying in 15s`);
      await new Promise((r) => setTimeout(r, 15_000));
    }
  }
  const outcome = await runTimer({ kube, id, scenario: findScenario, log });
  const result = pickDrill(await readHistory(), id);
  log(`${outcome}${result ? `: ${result.score}% ${result.passed ? 'PASSED' : 'FAILED'}` : ''}`);
  return EXIT.ok;
}

async function resolveDrill(kube: Kube, id?: string): Promise<DrillRecord> {
  const { drills } = await listDrills(kube);
  const match = id ? drills.filter((d) => d.id === id) : drills;
  if (match.length === 1) return match[0]!;
  if (match.length === 0) throw new UsageError(id ? `no drill ${id} in the cluster` : 'no drill in progress', { fix: 'kubedrill drill starts one; kubedrill report shows a finished one' });
  throw new UsageError(`${match.length} drills in the cluster: name one`, { fix: `kubedrill drill submit --drill ${match[0]!.id}` });
}

/** `kubedrill history`: per scenario best time, pass rate, hints; drill scores as a sparkline. */
async function historyCommand(options: { json?: boolean }): Promise<number> {
  const summary = summarizeHistory(await readHistory());
  if (options.json) {
    outJson(summary);
    return EXIT.ok;
  }
  for (const line of renderHistory(summary, paint)) out(line);
  return EXIT.ok;
}

/** `kubedrill report`: one drill as text, json, junit or markdown on stdout. */
async function reportCommand(options: { format: ReportFormat; last?: boolean; drill?: string }): Promise<number> {
  if (options.last && options.drill) throw new UsageError('--last and --drill name different drills: pick one');
  const result = pickDrill(await readHistory(), options.drill);
  if (!result) throw new UsageError(options.drill ? `no drill ${options.drill} in history` : 'no finished drill in history yet', { fix: 'kubedrill history --json lists the drills; kubedrill drill starts one' });
  process.stdout.write(renderReport(result, options.format, options.format === 'text' ? paint : undefined));
  return EXIT.ok;
}

/** "14:32:05" local time of an ISO timestamp. */
function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour12: false });
}
