import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ScenarioError, type ScenarioProblem } from './errors.ts';
import { inspectScenario, namespaceClashes, scenarioDirs } from './load.ts';
import { scenariosRoot } from './paths.ts';
import type { ScenarioSpec } from './schema.ts';

/**
 * The core of `kubedrill validate [dir]`: every problem of one scenario
 * folder (it holds scenario.yaml) or of every folder under a root (default:
 * the repository's scenarios/). An empty list means valid; the CLI exits 2
 * on anything else.
 */
export async function validateDir(dir: string = scenariosRoot): Promise<ScenarioError[]> {
  const root = path.resolve(dir);
  const kind = await stat(root).then((s) => (s.isDirectory() ? 'dir' : 'file'), () => 'missing');
  if (kind !== 'dir') return [new ScenarioError({ file: root, fieldPath: '', detail: kind === 'missing' ? 'no such directory' : 'not a directory' })];
  const single = await stat(path.join(root, 'scenario.yaml')).then(() => true, () => false);
  const dirs = single ? [root] : await scenarioDirs(root);
  if (dirs.length === 0) return [new ScenarioError({ file: root, fieldPath: '', detail: 'holds no scenario folders' })];

  const problems: ScenarioProblem[] = [];
  const parsed: { dir: string; spec: ScenarioSpec }[] = [];
  for (const scenarioDir of dirs) {
    const inspection = await inspectScenario(scenarioDir);
    problems.push(...inspection.problems);
    if (inspection.spec) parsed.push({ dir: scenarioDir, spec: inspection.spec });
  }
  problems.push(...namespaceClashes(parsed));
  return problems.map((problem) => new ScenarioError(problem));
}
