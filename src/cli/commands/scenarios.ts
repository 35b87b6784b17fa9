import { resolve } from 'node:path';
import { validateDir } from '../../scenario/validate.ts';
import { formatProblem } from '../../scenario/errors.ts';
import { allScenarios } from '../scenarios.ts';
import { EXIT } from '../errors.ts';
import { out, outJson, paint, table } from '../output.ts';

/** `kubedrill list [--json]`. */
export async function listCommand(options: { json?: boolean }): Promise<number> {
  const scenarios = await allScenarios();
  const rows = scenarios.map((s) => ({
    id: s.id,
    title: s.title,
    domain: s.domain,
    difficulty: s.difficulty,
    weight: s.weight,
    timeLimit: s.timeLimit,
    namespace: s.namespace,
    exclusive: s.exclusive,
  }));
  if (options.json) {
    outJson({ scenarios: rows });
    return EXIT.ok;
  }
  for (const line of table(
    ['ID', 'TITLE', 'DOMAIN', 'LEVEL', 'WEIGHT', 'TIME'],
    rows.map((r) => [r.id, r.title, r.domain, r.difficulty, String(r.weight), r.timeLimit]),
  ))
    out(line);
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
