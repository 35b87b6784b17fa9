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
export async function loadScripts(dir: string, clusterNames: string[] = []): Promise<ScriptsLoad> {
  const problems: ScenarioProblem[] = [];
  const shellProblems = (file: string, text: string): ScenarioProblem[] => [...busyboxProblems(file, text), ...suffixProblems(file, text, clusterNames)];
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
  const fixes = await loadFolder(path.join(dir, 'fixes'), problems, shellProblems);
  const shortcuts = await loadFolder(path.join(dir, 'shortcuts'), problems, shellProblems);
  return { solution, fixes, shortcuts, problems };
}

async function loadFolder(folder: string, problems: ScenarioProblem[], shellProblems: (file: string, text: string) => ScenarioProblem[]): Promise<ScenarioScript[]> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.sh')).sort();
  const scripts: ScenarioScript[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const text = await readFile(file, 'utf8');
    problems.push(...shellProblems(file, text));
    const head = describeScript(file, text);
    if ('problem' in head) problems.push(head.problem);
    else {
      const clusterWide = clusterWideReason(text);
      scripts.push({ name: name.replace(/\.sh$/, ''), path: file, description: head.description, ...(clusterWide ? { clusterWide } : {}) });
    }
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

/** The reason of a `# cluster-wide: <why>` line in the script's leading comments. */
export function clusterWideReason(text: string): string | undefined {
  for (const line of text.split('\n').slice(1)) {
    if (!line.startsWith('#')) return undefined;
    const reason = /^#\s*cluster-wide:\s*(\S.*)$/.exec(line)?.[1]?.trim();
    if (reason) return reason;
  }
  return undefined;
}

/**
 * Verify runs a scenario's cases side by side, each with its own copy of the
 * cluster-scoped names (docs/decisions/0080): a script names every one of them
 * with `$KD_SUFFIX` appended (empty for a learner), and so does every
 * PriorityClass it creates. A quoted heredoc would not expand the suffix.
 */
export function suffixProblems(file: string, text: string, clusterNames: string[]): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const suffixed = (rest: string): boolean => /^(\$KD_SUFFIX(?![A-Za-z0-9_])|\$\{KD_SUFFIX\})/.test(rest);
  const lines = text.split('\n');
  let heredoc: { end: string; quoted: boolean } | undefined;
  let classDoc = false;
  lines.forEach((line, i) => {
    const report = (detail: string): void => void problems.push({ file, fieldPath: '', detail, line: i + 1 });
    if (heredoc && line.trim() === heredoc.end) {
      heredoc = undefined;
      return;
    }
    if (!heredoc && line.trimStart().startsWith('#')) return;
    if (heredoc?.quoted && line.includes('KD_SUFFIX')) report(`$KD_SUFFIX inside a quoted heredoc (<<'${heredoc.end}') is never expanded: write <<${heredoc.end}`);
    for (const name of clusterNames) {
      const pattern = new RegExp(`(?<![A-Za-z0-9._/-])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![A-Za-z0-9._/-])`, 'g');
      for (const m of line.matchAll(pattern)) {
        if (!suffixed(line.slice(m.index + name.length))) report(`names the cluster-scoped ${name} without $KD_SUFFIX: write ${name}$KD_SUFFIX (verify gives every case its own copy; empty for a learner)`);
      }
    }
    const created = /create\s+priorityclass\s+(\S+)/i.exec(line)?.[1];
    if (created && !created.includes('KD_SUFFIX')) report(`creates PriorityClass ${created} without $KD_SUFFIX: write ${created}$KD_SUFFIX (cases run side by side)`);
    if (heredoc) {
      if (/^\s*kind:\s*PriorityClass\s*$/.test(line)) classDoc = true;
      else if (/^---/.test(line)) classDoc = false;
      const name = /^\s{2}name:\s*(\S+)/.exec(line)?.[1];
      if (classDoc && name && !name.includes('KD_SUFFIX')) report(`creates PriorityClass ${name} without $KD_SUFFIX: write ${name}$KD_SUFFIX (cases run side by side)`);
    }
    const opened = /<<-?\s*(['"]?)([A-Za-z_]+)\1/.exec(line);
    if (!heredoc && opened) {
      heredoc = { end: opened[2]!, quoted: opened[1] !== '' };
      classDoc = false;
    }
  });
  return problems;
}

/** Busybox findings per line (continuation lines joined), so each names its line. */
function busyboxProblems(file: string, text: string): ScenarioProblem[] {
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
