import { readFile } from 'node:fs/promises';
import type { Kube } from '../../kube/client.ts';
import { createProgress } from '../../../cluster/progress.ts';
import { baselineOf, listAttempts, writeAttempt } from '../../attempt/store.ts';
import { buildDebrief, renderDebrief, type Debrief } from '../../debrief/debrief.ts';
import { honestFixes } from '../../scenario/fixes.ts';
import type { AttemptRecord } from '../../attempt/record.ts';
import { startAttempt, stopAttempt } from '../../attempt/lifecycle.ts';
import { gradeUntilPass } from '../../engine/grade.ts';
import { withoutSuffixVariable } from '../../engine/cluster-names.ts';
import { lookNow } from '../../engine/hint.ts';
import { parseDuration } from '../../engine/wait.ts';
import { appendHistory } from '../../history.ts';
import { connectCluster } from '../cluster.ts';
import { clusterStatus } from './cluster.ts';
import { EXIT, UsageError } from '../errors.ts';
import { findScenario, renderBrief } from '../scenarios.ts';
import { formatSeconds, out, outJson, paint, renderVerdicts } from '../output.ts';
import { withInterrupt } from '../interrupt.ts';
import { learnerAccessLines } from '../kubectl-access.ts';
import { selfCommand } from '../invocation.ts';

/** The attempt a command acts on: the one named, or the only one. */
export async function resolveAttempt(kube: Kube, id?: string): Promise<AttemptRecord> {
  const attempts = await listAttempts(kube);
  if (id) {
    const match = attempts.filter((a) => a.scenario === id || a.namespace === id);
    if (match.length === 1) return match[0]!;
    if (match.length > 1) throw new UsageError(`several attempts of ${id}: name the namespace (${match.map((a) => a.namespace).join(', ')})`);
    throw new UsageError(`no attempt of "${id}" in progress`, { fix: `kubedrill start ${id}` });
  }
  if (attempts.length === 1) return attempts[0]!;
  if (attempts.length === 0) throw new UsageError('no attempt in progress', { fix: 'kubedrill start <id> (kubedrill list shows the ids)' });
  throw new UsageError(`${attempts.length} attempts are active: name one (${attempts.map((a) => a.scenario).join(', ')})`, {
    fix: 'kubedrill check <id>',
  });
}

/** `kubedrill start <id>`: inject, wait for the symptom, show the task. */
export async function startCommand(id: string, options: { json?: boolean }): Promise<number> {
  const scenario = await findScenario(id);
  const progress = createProgress({ quiet: options.json });
  const { kube, access } = await connectCluster({ autoUp: true, learner: true, progress });
  const { record, symptomSeconds } = await withInterrupt((signal) => startAttempt({ kube, scenario, progress, signal }));
  if (options.json) {
    outJson({ scenario: scenario.id, namespace: record.namespace, startedAt: record.startedAt, symptomSeconds, brief: renderBrief(scenario, record.namespace) });
    return EXIT.ok;
  }
  out();
  out(paint.bold(`${scenario.title}`) + paint.dim(`  [${scenario.id} · ${scenario.domain} · ${scenario.difficulty} · ${scenario.timeLimit}]`));
  out();
  out(renderBrief(scenario, record.namespace));
  out();
  const self = selfCommand();
  out(paint.dim(`Namespace ${record.namespace}. Work with kubectl; then: ${self} check   (hint: ${self} hint)`));
  for (const line of await learnerAccessLines({ access })) out(line.startsWith('WARNING:') ? paint.yellow(line) : paint.dim(line));
  return EXIT.ok;
}

/** `kubedrill status`: the current attempts and their elapsed time. */
export async function statusCommand(options: { json?: boolean; cluster?: boolean }): Promise<number> {
  const components = options.cluster ? (await clusterStatus()).components : undefined;
  if (components && !options.json) {
    for (const c of components) out(`${c.healthy ? paint.green('ok  ') : paint.red('DOWN')} ${c.name}: ${c.detail}`);
    if (components.length === 0) out('no cluster recorded: kubedrill up');
  }
  const { kube, access } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const attempts = await listAttempts(kube);
  const rows = await Promise.all(
    attempts.map(async (a) => {
      const scenario = await findScenario(a.scenario);
      const elapsed = (Date.now() - Date.parse(a.startedAt)) / 1000;
      return { scenario: a.scenario, namespace: a.namespace, startedAt: a.startedAt, elapsedSeconds: Math.round(elapsed), timeLimit: scenario.timeLimit, hintsUsed: a.hintsUsed, hints: scenario.hints.length, revealed: a.revealed, passed: Boolean(a.passedAt), drill: a.drill ?? null, state: a.state };
    }),
  );
  if (options.json) {
    outJson({ cluster: access, ...(components ? { components } : {}), attempts: rows });
    return EXIT.ok;
  }
  out(paint.dim(`cluster: ${access.provider} (${access.context})`));
  if (rows.length === 0) out('no attempt in progress — kubedrill start <id>');
  for (const r of rows) {
    const flags = [r.passed ? paint.green('passed') : '', r.revealed ? paint.yellow('solution revealed') : '', r.state === 'injecting' ? paint.yellow('abandoned while injecting') : ''].filter(Boolean).join(', ');
    out(`${paint.bold(r.scenario)}  ns ${r.namespace}  ${formatSeconds(r.elapsedSeconds)} of ${r.timeLimit}  hints ${r.hintsUsed}/${r.hints}${flags ? `  ${flags}` : ''}`);
  }
  return EXIT.ok;
}

/** `kubedrill hint [id]`: the next hint; each one counts. */
export async function hintCommand(id: string | undefined): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const record = await resolveAttempt(kube, id);
  const scenario = await findScenario(record.scenario);
  // Where the cluster says to look now: derived from the verdicts' `where`, never their reasons.
  // Started at once (it grades); a failure to look costs a line, never the hint.
  const look = lookNow({ kube, scenario, record }).catch((error: unknown) => paint.dim(`(no look at the cluster: ${error instanceof Error ? error.message : String(error)})`));
  if (record.hintsUsed >= scenario.hints.length) {
    scenario.hints.forEach((h, i) => out(`Hint ${i + 1}/${scenario.hints.length}: ${h}`));
    out(await look);
    const self = selfCommand();
    out(paint.dim(`No more hints. \`${self} check\` says what is still wrong; \`${self} solution\` shows the answer (scores 0).`));
    return EXIT.ok;
  }
  record.hintsUsed += 1;
  await writeAttempt(kube, record);
  out(`Hint ${record.hintsUsed}/${scenario.hints.length}: ${scenario.hints[record.hintsUsed - 1]}`);
  out(await look);
  return EXIT.ok;
}

/** `kubedrill check [id] [--wait D] [--json]`: grade; exit 0 pass, 1 fail. */
export async function checkCommand(id: string | undefined, options: { wait?: string; json?: boolean }): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const record = await resolveAttempt(kube, id);
  const scenario = await findScenario(record.scenario);
  const waitMs = options.wait ? parseDuration(options.wait) : 0;
  if (!options.json) process.stderr.write(paint.dim(`checking ${scenario.id} in ${record.namespace}${waitMs ? ` (until pass or ${options.wait})` : ''}...\n`));
  const result = await withInterrupt((signal) => gradeUntilPass({ kube, scenario, record, waitMs, signal }));
  const elapsed = (Date.parse(result.at) - Date.parse(record.startedAt)) / 1000;
  if (result.passed && !record.passedAt) {
    record.passedAt = result.at;
    await writeAttempt(kube, record);
    await appendHistory({ type: 'attempt', scenario: record.scenario, namespace: record.namespace, startedAt: record.startedAt, endedAt: result.at, passed: true, seconds: elapsed, hintsUsed: record.hintsUsed, revealed: record.revealed, ...(record.drill ? { drill: record.drill } : {}) });
  }
  // The debrief comes with a pass, never before: it names the fix. The pass is recorded first; a debrief that cannot be built costs a line.
  let debrief: Debrief | undefined;
  let debriefError: string | undefined;
  if (result.passed) {
    try {
      debrief = buildDebrief({ baseline: baselineOf(result.snapshot, record), snapshot: result.snapshot, seconds: elapsed, explanation: scenario.explanation, fixes: await honestFixes(scenario), injected: scenario.injected, fingerprint: record.fingerprint });
    } catch (error) {
      debriefError = error instanceof Error ? error.message : String(error);
    }
  }
  if (options.json) {
    outJson({ scenario: scenario.id, namespace: record.namespace, passed: result.passed, at: result.at, elapsedSeconds: Math.round(elapsed), hintsUsed: record.hintsUsed, revealed: record.revealed, checks: result.verdicts, ...(debrief ? { debrief } : {}) });
  } else {
    for (const line of renderVerdicts(result.verdicts)) out(line);
    out();
    out(result.passed ? paint.green(paint.bold(`PASSED in ${formatSeconds(elapsed)}`)) : paint.red(paint.bold(`NOT YET: ${result.verdicts.filter((v) => !v.passed).length} of ${result.verdicts.length} checks failing`)));
    if (debriefError) out(paint.dim(`(no debrief: ${debriefError})`));
    for (const section of debrief ? renderDebrief(debrief) : []) {
      out();
      out(paint.bold(section.heading));
      for (const line of section.lines) out(`  ${line}`);
    }
  }
  return result.passed ? EXIT.ok : EXIT.checkFailed;
}

/** `kubedrill solution [id]`: print solution.sh; the attempt scores 0. */
export async function solutionCommand(id: string | undefined): Promise<number> {
  const { kube } = await connectCluster({ autoUp: false, progress: createProgress({ quiet: true }) });
  const record = await resolveAttempt(kube, id);
  const scenario = await findScenario(record.scenario);
  if (!record.revealed) {
    record.revealed = true;
    await writeAttempt(kube, record);
  }
  process.stderr.write(paint.yellow('Solution revealed: this attempt now scores 0.\n'));
  out(withoutSuffixVariable(await readFile(scenario.solution, 'utf8')).trimEnd());
  return EXIT.ok;
}

/** `kubedrill reset [id]`: re-inject; hints, reveal and the clock carry over. */
export async function resetCommand(id: string | undefined): Promise<number> {
  const progress = createProgress();
  const { kube } = await connectCluster({ autoUp: true, learner: true, progress });
  const old = await resolveAttempt(kube, id);
  const scenario = await findScenario(old.scenario);
  const { record } = await withInterrupt((signal) => startAttempt({ kube, scenario, namespace: old.namespace, drill: old.drill, progress, signal }));
  Object.assign(record, { startedAt: old.startedAt, hintsUsed: old.hintsUsed, revealed: old.revealed });
  await writeAttempt(kube, record);
  out(`${scenario.id} re-injected in ${record.namespace}.`);
  return EXIT.ok;
}

/** `kubedrill stop [id]`: end the attempt and clean up everything it made. */
export async function stopCommand(id: string | undefined): Promise<number> {
  const progress = createProgress();
  const { kube } = await connectCluster({ autoUp: false, progress });
  const record = await resolveAttempt(kube, id);
  await stopAttempt(kube, record, progress);
  out(`${record.scenario} stopped; namespace ${record.namespace} removed.`);
  return EXIT.ok;
}
