import { access, constants, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lintShell } from './busybox-lint.ts';
import type { ScenarioProblem } from './errors.ts';
import type { ScenarioScript } from './types.ts';

/** The scripts of a scenario folder and what is wrong with them. */
export interface ScriptsLoad {
  solution: string;
  fixes: ScenarioScript[];
  shortcuts: ScenarioScript[];
  problems: ScenarioProblem[];
}

/**
 * Reads solution.sh (must exist and be executable), fixes/*.sh and
 * shortcuts/*.sh (each, solution.sh too, describes itself on the comment
 * line after the shebang), and rejects shell in any of them that the busybox
 * stand-in cannot run (they exec into busybox pods).
 */
export async function loadScripts(dir: string): Promise<ScriptsLoad> {
  const problems: ScenarioProblem[] = [];
  const solution = path.join(dir, 'solution.sh');
  const text = await readFile(solution, 'utf8').catch(() => undefined);
  if (text === undefined) {
    problems.push({ file: solution, fieldPath: '', detail: 'missing: the reference fix, as the kubectl commands a learner would type' });
  } else {
    problems.push(...shellProblems(solution, text));
    const head = describeScript(solution, text);
    if ('problem' in head) problems.push(head.problem);
    const executable = await access(solution, constants.X_OK).then(() => true, () => false);
    if (!executable) problems.push({ file: solution, fieldPath: '', detail: 'not executable (chmod +x solution.sh)' });
  }
  const fixes = await loadFolder(path.join(dir, 'fixes'), problems);
  const shortcuts = await loadFolder(path.join(dir, 'shortcuts'), problems);
  return { solution, fixes, shortcuts, problems };
}

async function loadFolder(folder: string, problems: ScenarioProblem[]): Promise<ScenarioScript[]> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.sh')).sort();
  const scripts: ScenarioScript[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const text = await readFile(file, 'utf8');
    problems.push(...shellProblems(file, text));
    const head = describeScript(file, text);
    if ('problem' in head) problems.push(head.problem);
    else scripts.push({ name: name.replace(/\.sh$/, ''), path: file, description: head.description });
  }
  return scripts;
}

/** A script's one-line description (the comment right after the shebang), or the problem when either line is missing. */
export function describeScript(file: string, text: string): { description: string } | { problem: ScenarioProblem } {
  const [first = '', second = ''] = text.split('\n');
  if (!first.startsWith('#!')) return { problem: { file, fieldPath: '', detail: 'expected a shebang (#!/usr/bin/env bash) on line 1', line: 1 } };
  const description = /^#\s*(\S.*)$/.exec(second)?.[1]?.trim();
  if (!description) return { problem: { file, fieldPath: '', detail: `expected a "# what this script does" line after the shebang, saw ${JSON.stringify(second)}`, line: 2 } };
  return { description };
}

/** Busybox findings per line (continuation lines joined), so each names its line. */
function shellProblems(file: string, text: string): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const lines = text.split('\n');
  for (let start = 0; start < lines.length; start++) {
    let end = start;
    let logical = lines[start] ?? '';
    while (logical.endsWith('\\') && end + 1 < lines.length) logical = logical.slice(0, -1) + ' ' + (lines[++end] ?? '');
    for (const detail of new Set(lintShell(logical).map((f) => f.detail))) problems.push({ file, fieldPath: '', detail, line: start + 1 });
    start = end;
  }
  return problems;
}
