import { resolve } from 'node:path';
import { validateDir } from '../../scenario/validate.ts';
import { formatProblem } from '../../scenario/errors.ts';
import { allScenarios } from '../scenarios.ts';
import { EXIT } from '../errors.ts';
import { formatSeconds, out, outJson, paint, table } from '../output.ts';
import { nextSuggested, readMarks } from '../../report/progress.ts';
import { selfCommand } from '../invocation.ts';

/** `kubedrill list [--json]`: the scenarios, which are done (passed without the solution), best times, what to try next. */
export async function listCommand(options: { json?: boolean }): Promise<number> {
  const scenarios = await allScenarios();
  const marks = await readMarks();
  const next = nextSuggested(scenarios, marks);
  const rows = scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    domain: s.domain,
    difficulty: s.difficulty,
    weight: s.weight,
    timeLimit: s.timeLimit,
    namespace: s.namespace,
    exclusive: s.exclusive,
    passed: marks.get(s.id)?.solved ?? false,
    bestSeconds: marks.get(s.id)?.bestSeconds ?? null,
  }));
  if (options.json) {
    outJson({ scenarios: rows, next: next?.id ?? null });
    return EXIT.ok;
  }
  for (const line of table(
    ['', 'ID', 'TITLE', 'DOMAIN', 'LEVEL', 'WEIGHT', 'TIME', 'BEST'],
    rows.map((r) => [r.passed ? paint.green('✓') : ' ', r.id, r.title, r.domain, r.difficulty, String(r.weight), r.timeLimit, r.bestSeconds === null ? '' : formatSeconds(r.bestSeconds)]),
  ))
    out(line);
  out();
  const self = selfCommand();
  out(next ? `next: ${self} start ${next.id}   (${next.difficulty}, not passed yet)` : paint.green(`every scenario passed — try a drill: ${self} drill --count 3 --time 30m`));
  return EXIT.ok;
}

/** `kubedrill validate [dir]`: every problem with file and field; exit 2 on any. */
export async function validateCommand(dir: string | undefined, options: { json?: boolean }): Promise<number> {
  const problems = await validateDir(dir ? resolve(dir) : undefined);
  if (options.json) outJson({ valid: problems.length === 0, problems: problems.map((p) => ({ file: p.file, field: p.fieldPath, line: p.line ?? null, message: p.detail })) });
  else if (problems.length === 0) out(paint.green('all scenarios valid'));
  else for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  return problems.length === 0 ? EXIT.ok : EXIT.usage;
}
