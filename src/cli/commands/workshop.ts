import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterError } from '../../../cluster/errors.ts';
import { connect, type SnapshotKind } from '../../kube/client.ts';
import { lookAsSeat, seatOfToken } from '../../workshop/seat-check.ts';
import { RoomWatcher, type BoardModel } from '../../workshop/board.ts';
import { renderBoardText } from '../../workshop/board-text.ts';
import { serveBoard } from '../../workshop/board-web.ts';
import { createProgress } from '../../../cluster/progress.ts';
import { parseDuration } from '../../engine/wait.ts';
import { createWorkshop, endWorkshop, extendWorkshop, listWorkshops, readWorkshop, resetSeat, seatTasks, workshopApis, WorkshopError, workshopStatus, type WorkshopRecord } from '../../workshop/workshop.ts';
import { handout } from '../../workshop/handout.ts';
import { renderWorkshopReport, WORKSHOP_REPORT_FORMATS, type WorkshopReportFormat } from '../../workshop/report.ts';
import { connectCluster } from '../cluster.ts';
import { EXIT, UsageError } from '../errors.ts';
import { withInterrupt } from '../interrupt.ts';
import { allScenarios, findScenario, renderBrief } from '../scenarios.ts';
import { out, outJson, paint, renderVerdicts, table } from '../output.ts';
import type { Scenario } from '../../scenario/types.ts';

type Run = (action: () => Promise<number>) => Promise<void>;

interface CreateFlags {
  seats?: string;
  learners?: string;
  scenarios?: string;
  time?: string;
  out?: string;
  json?: boolean;
}

/** Registers `workshop create|status|list|end`. */
export function registerWorkshopCommands(program: Command, run: Run): void {
  const workshop = program.command('workshop').description('a room of learners on one shared cluster: seats, credentials, grading');
  workshop
    .command('create <name>')
    .description('inject every task for every seat and write each seat a kubeconfig (run again to finish an interrupted create)')
    .option('--seats <n>', 'number of seats (seat-01, seat-02, …)')
    .option('--learners <names>', 'the seats by the learners\' names, comma-separated (DNS labels)')
    .requiredOption('--scenarios <ids>', 'the tasks, comma-separated')
    .option('--time <duration>', 'how long the workshop runs; the credentials die 10 min after', '60m')
    .option('--out <dir>', 'where the seats\' kubeconfigs go (default workshop-<name>)')
    .option('--json', 'one JSON document')
    .action((name: string, flags: CreateFlags) => run(() => workshopCreateCommand(name, flags)));
  workshop
    .command('status <name>')
    .description('grade every seat\'s every task now, with your identity')
    .option('--json', 'one JSON document')
    .action((name: string, flags: { json?: boolean }) => run(() => workshopStatusCommand(name, flags)));
  workshop
    .command('board <name>')
    .description('the room live in the terminal: seats × tasks, time left, hints, stuck flags (Ctrl-C ends it)')
    .option('--interval <duration>', 'pause between refreshes', '3s')
    .option('--stuck <duration>', 'flag a task unchanged this long', '5m')
    .option('--once', 'one refresh, printed, then exit')
    .option('--json', 'with --once: the board\'s model as one JSON document')
    .action((name: string, flags: BoardFlags) => run(() => workshopBoardCommand(name, flags)));
  workshop
    .command('serve <name>')
    .description('the room live as a read-only web page (server-sent events), on loopback unless --host says otherwise')
    .option('--port <port>', 'TCP port (0: any free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--interval <duration>', 'pause between refreshes', '3s')
    .option('--stuck <duration>', 'flag a task unchanged this long', '5m')
    .option('--leaderboard', 'show a leaderboard beside the grid')
    .option('--hide-names', 'show seats as Seat 1, Seat 2… (for projecting)')
    .action((name: string, flags: ServeFlags) => run(() => workshopServeCommand(name, flags)));
  workshop
    .command('list')
    .description('the workshops on this cluster')
    .option('--json', 'one JSON document')
    .action((flags: { json?: boolean }) => run(() => workshopListCommand(flags)));
  workshop
    .command('reset <name> <seat> [task]')
    .description('inject a seat\'s task (or all its tasks) again')
    .action((name: string, seat: string, task: string | undefined) => run(() => workshopResetCommand(name, seat, task)));
  workshop
    .command('extend <name> <duration>')
    .description('move the end (e.g. 10m) and write every seat a new kubeconfig valid until then')
    .option('--out <dir>', 'where the seats\' kubeconfigs go (default workshop-<name>)')
    .action((name: string, duration: string, flags: { out?: string }) => run(() => workshopExtendCommand(name, duration, flags)));
  workshop
    .command('report <name>')
    .description('seat × task results: state, points, time to pass, hints')
    .addOption(new Option('--format <format>', 'output format').choices([...WORKSHOP_REPORT_FORMATS]).default('csv'))
    .action((name: string, flags: { format: WorkshopReportFormat }) => run(() => workshopReportCommand(name, flags)));
  workshop
    .command('end <name>')
    .description('delete every seat\'s namespaces and credentials, and report anything left')
    .option('--json', 'one JSON document')
    .action((name: string, flags: { json?: boolean }) => run(() => workshopEndCommand(name, flags)));
}

async function workshopCreateCommand(name: string, flags: CreateFlags): Promise<number> {
  if ((flags.seats === undefined) === (flags.learners === undefined)) throw new UsageError('give exactly one of --seats N and --learners a,b,…', { fix: `kubedrill workshop create ${name} --seats 6 --scenarios crashloop-exit1` });
  const seats = flags.seats === undefined ? undefined : Number(flags.seats);
  if (seats !== undefined && !(Number.isInteger(seats) && seats >= 1 && seats <= 200)) throw new UsageError(`--seats ${flags.seats}: expected a whole number from 1 to 200`);
  const ids = (flags.scenarios ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError('--scenarios: name at least one scenario', { fix: 'kubedrill list' });
  const scenarios = await Promise.all(ids.map((id) => findScenario(id)));
  const minutes = parseDuration(flags.time ?? '60m') / 60_000;
  if (!(minutes >= 1)) throw new UsageError(`--time ${flags.time}: expected a duration of at least 1m`);
  const progress = createProgress({ quiet: flags.json });
  const { kube, access } = await connectCluster({ autoUp: false, progress });
  const outDir = flags.out ?? `workshop-${name}`;
  const { record, kubeconfigs } = await refuse(() =>
    withInterrupt((signal) =>
      createWorkshop({ kube, apis: workshopApis(access), name, ...(seats !== undefined ? { seats } : { learners: (flags.learners ?? '').split(',').map((s) => s.trim()) }), scenarios, minutes, outDir, progress, signal }),
    ),
  );
  const handouts = await writeHandouts(record, scenarios, kubeconfigs);
  if (flags.json) {
    outJson({ workshop: record, kubeconfigs, handouts });
    return EXIT.ok;
  }
  out(paint.bold(`workshop ${name}: ${record.seats.length} seats × ${record.scenarios.length} tasks, until ${record.endsAt}`));
  for (const seat of record.seats) out(`  ${seat}: KUBECONFIG=${kubeconfigs[seat]} kubectl get pods   (handout: ${handouts[seat]!.html})`);
  out();
  for (const s of scenarios) {
    out(paint.bold(`${s.id} — ${s.title}`));
    out(renderBrief(s, `<seat>-${s.namespace}`));
    out();
  }
  out(paint.dim(`Hand each learner their kubeconfig. Then: kubedrill workshop status ${name}; at the end: kubedrill workshop end ${name}`));
  return EXIT.ok;
}

async function workshopStatusCommand(name: string, flags: { json?: boolean }): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const record = await found(name, await readWorkshop(kube, name));
  const tasks = await workshopStatus(kube, record, await scenariosOf(record));
  const passed = tasks.filter((t) => t.state === 'passed').length;
  if (flags.json) {
    outJson({ workshop: record, tasks, passed, total: tasks.length });
    return EXIT.ok;
  }
  const left = Math.max(0, Math.round((Date.parse(record.endsAt) - Date.now()) / 60_000));
  out(paint.dim(`workshop ${name}: ${passed} of ${tasks.length} tasks passed, ${left} min left`));
  const state = (s: string): string => (s === 'passed' ? paint.green('passed') : s === 'missing' ? paint.red('missing') : paint.yellow('failing'));
  for (const line of table(['seat', 'task', 'state', 'points', 'hints', 'first failing check'], tasks.map((t) => [t.seat, t.scenario, state(t.state), `${t.points}/${t.maxPoints}`, `${t.hintsUsed}${t.revealed ? ' +solution' : ''}`, (t.reason ?? '').slice(0, 80)]))) out(line);
  return EXIT.ok;
}

async function workshopListCommand(flags: { json?: boolean }): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const workshops = await listWorkshops(kube);
  if (flags.json) {
    outJson({ workshops });
    return EXIT.ok;
  }
  if (workshops.length === 0) out('no workshop on this cluster: kubedrill workshop create <name> --seats N --scenarios <ids>');
  for (const line of table(['name', 'seats', 'tasks', 'created', 'ends'], workshops.map((w) => [w.name, String(w.seats.length), w.scenarios.join(','), w.createdAt, w.endsAt]))) out(line);
  return EXIT.ok;
}

async function workshopEndCommand(name: string, flags: { json?: boolean }): Promise<number> {
  const progress = createProgress({ quiet: flags.json });
  const { kube, access } = await connectCluster({ autoUp: false, progress });
  const record = await found(name, await readWorkshop(kube, name));
  const left = await endWorkshop(kube, workshopApis(access), record, await scenariosOf(record), progress);
  if (flags.json) {
    outJson({ workshop: record.name, left });
    return left.length ? EXIT.checkFailed : EXIT.ok;
  }
  if (left.length) {
    out(paint.red(`workshop ${name} ended, but these still stand: ${left.join(', ')}`));
    return EXIT.checkFailed;
  }
  out(`workshop ${name} ended: every seat's namespaces and credentials are gone`);
  return EXIT.ok;
}

async function workshopResetCommand(name: string, seat: string, task: string | undefined): Promise<number> {
  const progress = createProgress();
  const { kube, access } = await connectCluster({ autoUp: false, progress });
  const record = await found(name, await readWorkshop(kube, name));
  const scenarios = await scenariosOf(record);
  const tasks = await refuse(() => withInterrupt((signal) => resetSeat({ kube, apis: workshopApis(access), record, scenarios, seat, ...(task ? { task } : {}), progress, signal })));
  out(`${seat}: ${tasks.map((t) => `${t.scenario} injected again in ${t.namespace}`).join('; ')} (the seat's kubeconfig still works)`);
  return EXIT.ok;
}

async function workshopExtendCommand(name: string, duration: string, flags: { out?: string }): Promise<number> {
  const minutes = parseDuration(duration) / 60_000;
  if (!(minutes >= 1)) throw new UsageError(`${duration}: expected a duration of at least 1m`, { fix: `kubedrill workshop extend ${name} 10m` });
  const progress = createProgress();
  const { kube, access } = await connectCluster({ autoUp: false, progress });
  const record = await found(name, await readWorkshop(kube, name));
  const outDir = flags.out ?? `workshop-${name}`;
  const scenarios = await scenariosOf(record);
  const { record: extended, kubeconfigs } = await extendWorkshop(kube, workshopApis(access), record, scenarios, minutes, outDir);
  const handouts = await writeHandouts(extended, scenarios, kubeconfigs);
  out(`workshop ${name} now ends ${extended.endsAt}; hand out the new kubeconfigs and handouts (the old tokens end at the old time):`);
  for (const seat of extended.seats) out(`  ${seat}: ${kubeconfigs[seat]}  ${handouts[seat]!.html}`);
  return EXIT.ok;
}

async function workshopReportCommand(name: string, flags: { format: WorkshopReportFormat }): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const record = await found(name, await readWorkshop(kube, name));
  const tasks = await workshopStatus(kube, record, await scenariosOf(record));
  process.stdout.write(renderWorkshopReport(record, tasks, flags.format));
  return EXIT.ok;
}

async function found(name: string, record: WorkshopRecord | undefined): Promise<WorkshopRecord> {
  if (!record) throw new UsageError(`no workshop ${name} on this cluster`, { fix: 'kubedrill workshop list' });
  return record;
}

/** Each seat's handout beside its kubeconfig: `<seat>.md` and `<seat>.html`. */
async function writeHandouts(record: WorkshopRecord, scenarios: Scenario[], kubeconfigs: Record<string, string>): Promise<Record<string, { markdown: string; html: string }>> {
  const tasks = seatTasks(record, scenarios);
  const written: Record<string, { markdown: string; html: string }> = {};
  for (const seat of record.seats) {
    const kubeconfig = kubeconfigs[seat]!;
    const page = handout({
      workshop: record.name,
      seat,
      kubeconfig,
      endsAt: record.endsAt,
      tasks: tasks.filter((t) => t.seat === seat).map((t) => {
        const scenario = scenarios.find((s) => s.id === t.scenario)!;
        return { id: t.scenario, title: scenario.title, namespace: t.namespace, brief: renderBrief(scenario, t.namespace) };
      }),
    });
    const files = { markdown: join(dirname(kubeconfig), `${seat}.md`), html: join(dirname(kubeconfig), `${seat}.html`) };
    await writeFile(files.markdown, page.markdown);
    await writeFile(files.html, page.html);
    written[seat] = files;
  }
  return written;
}

async function scenariosOf(record: WorkshopRecord): Promise<Scenario[]> {
  const all = await allScenarios();
  return record.scenarios.map((id) => {
    const s = all.find((x) => x.id === id);
    if (!s) throw new UsageError(`workshop ${record.name} names scenario ${id}, which this kubedrill does not have`);
    return s;
  });
}

// A workshop's refusal is bad input (exit 2), with its fix.
async function refuse<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof WorkshopError) throw new UsageError(error.message, error.fix ? { fix: error.fix } : {});
    throw error;
  }
}

/**
 * `kubedrill check --seat FILE [task]`: a learner's read-only look at their
 * seat's tasks with the seat's kubeconfig (seat-check.ts). Nothing is written;
 * exit 0 when every judged check of every task passes.
 */
export async function seatCheckCommand(task: string | undefined, options: { seat: string; wait?: string; json?: boolean }): Promise<number> {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(options.seat);
  } catch (error) {
    throw new UsageError(`cannot read kubeconfig ${options.seat}: ${(error as Error).message}`);
  }
  const who = seatOfToken(kc.getCurrentUser()?.token ?? '');
  if (!who) throw new UsageError(`${options.seat} is not a kubedrill workshop seat's kubeconfig (its user's token is no workshop ServiceAccount's)`, { fix: 'use the <seat>.kubeconfig your instructor handed out' });
  if (task) await findScenario(task);
  const forbidden = new Set<SnapshotKind>();
  const kube = connect({ kubeconfig: options.seat, forbidden });
  const home = kc.getContextObject(kc.getCurrentContext())?.namespace ?? '';
  try {
    await kube.readNamespace(home);
  } catch (error) {
    if (/HTTP-Code: 401/.test(String((error as Error).message))) throw new UsageError(`the API server refuses seat ${who.seat}'s token: the workshop ended or its time ran out`, { fix: 'ask your instructor for a new kubeconfig (kubedrill workshop extend)' });
    if (!/HTTP-Code: 403/.test(String((error as Error).message))) throw new ClusterError(`cluster unreachable with ${options.seat} (${kc.getCurrentCluster()?.server ?? 'no server'})`, { cause: error, fix: 'check the network to the instructor\'s API server' });
  }
  const scenarios = await allScenarios();
  const waitMs = options.wait ? parseDuration(options.wait) : 0;
  const deadline = Date.now() + waitMs;
  let looks = await lookAsSeat(kube, scenarios, who.seat, forbidden, task);
  while (waitMs > 0 && !looks.every((l) => l.passed) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    looks = await lookAsSeat(kube, scenarios, who.seat, forbidden, task);
  }
  if (looks.length === 0) throw new UsageError(`seat ${who.seat} has no ${task ? `task ${task}` : 'task'} this kubeconfig can read`, { fix: 'the tasks are in your handout; `kubedrill check --seat FILE <task>` names one' });
  const passed = looks.every((l) => l.passed);
  if (options.json) {
    outJson({ seat: who.seat, workshop: who.control.replace(/^kubedrill-ws-/, ''), passed, tasks: looks });
    return passed ? EXIT.ok : EXIT.checkFailed;
  }
  for (const look of looks) {
    out(paint.bold(`${look.scenario} in ${look.namespace}: ${look.passed ? paint.green('passing') : paint.red('not yet')}`));
    for (const line of renderVerdicts(look.verdicts)) out(`  ${line}`);
    for (const u of look.unjudged) out(paint.dim(`  ---- ${u.id}: not judged with a seat's rights (${u.why}); the instructor's status judges it`));
  }
  out();
  out(paint.dim('A look with your seat\'s rights, recorded nowhere: your instructor\'s `kubedrill workshop status` is the grade.'));
  return passed ? EXIT.ok : EXIT.checkFailed;
}

interface BoardFlags {
  interval: string;
  stuck: string;
  once?: boolean;
  json?: boolean;
}

interface ServeFlags {
  port: string;
  host: string;
  interval: string;
  stuck: string;
  leaderboard?: boolean;
  hideNames?: boolean;
}

/** The room's watcher for `board` and `serve`: the workshop on the current cluster, with the instructor's identity. */
async function watchRoom(name: string, stuck: string): Promise<RoomWatcher> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const record = await found(name, await readWorkshop(kube, name));
  return new RoomWatcher(kube, record, await scenariosOf(record), { stuckMinutes: parseDuration(stuck) / 60_000 });
}

/**
 * `kubedrill workshop board <name>`: redraws the room in place — cursor
 * home, every line cleared to its end, the rest of the screen cleared — so
 * nothing flickers, over SSH too; frames are cut to the terminal's width.
 * Not on a terminal (or with --once) it prints one frame per refresh.
 */
async function workshopBoardCommand(name: string, flags: BoardFlags): Promise<number> {
  const watcher = await watchRoom(name, flags.stuck);
  const intervalMs = parseDuration(flags.interval);
  const colors = { green: paint.green, red: paint.red, yellow: paint.yellow, dim: paint.dim, bold: paint.bold };
  const frame = (model: BoardModel): string[] => renderBoardText(model, { width: process.stdout.columns || 120, colors });
  if (flags.once) {
    const model = await watcher.refresh();
    if (flags.json) outJson(model);
    else for (const line of frame(model)) out(line);
    return EXIT.ok;
  }
  const live = Boolean(process.stdout.isTTY);
  if (live) process.stdout.write('\x1b[?25l\x1b[2J');
  const restore = (): void => {
    if (live) process.stdout.write('\x1b[?25h\n');
  };
  process.once('exit', restore);
  const stop = untilStopped();
  while (!stop.stopped) {
    const model = await watcher.refresh();
    const lines = frame(model);
    if (live) process.stdout.write(`\x1b[H${lines.map((l) => `${l}\x1b[K`).join('\n')}\n\x1b[J`);
    else out([...lines, ''].join('\n'));
    await Promise.race([stop.done, new Promise((resolve) => setTimeout(resolve, intervalMs))]);
  }
  return EXIT.ok;
}

/** Ctrl-C or a TERM ends `board` and `serve` normally (they make nothing to clean up). */
function untilStopped(): { readonly stopped: boolean; done: Promise<void> } {
  const state = { stopped: false, done: Promise.resolve() };
  state.done = new Promise<void>((resolve) => {
    const end = (): void => {
      state.stopped = true;
      resolve();
    };
    process.once('SIGINT', end);
    process.once('SIGTERM', end);
  });
  return state;
}

/** `kubedrill workshop serve <name>`: the board as a read-only web page until Ctrl-C. */
async function workshopServeCommand(name: string, flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError(`--port ${flags.port}: expected a TCP port (0-65535)`);
  const watcher = await watchRoom(name, flags.stuck);
  const served = await serveBoard({
    next: () => watcher.refresh(),
    intervalMs: parseDuration(flags.interval),
    page: { leaderboard: Boolean(flags.leaderboard), hideNames: Boolean(flags.hideNames) },
    host: flags.host,
    port,
    onError: (error) => process.stderr.write(paint.dim(`refresh failed: ${(error as Error).message}\n`)),
  });
  process.stderr.write(`workshop ${name}: board at ${served.url}${flags.host === '127.0.0.1' || flags.host === '::1' || flags.host === 'localhost' ? ' (this machine only; --host <address> to open it to the room)' : ''}\n`);
  await untilStopped().done;
  await served.close();
  return EXIT.ok;
}
