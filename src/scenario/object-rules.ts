import { lintArgv, lintShell, type ShellFinding } from './busybox-lint.ts';
import { fieldPathOf, showValue, type ScenarioProblem } from './errors.ts';
import type { LoadedObject } from './manifests.ts';
import { containersOf, podSpecPath } from './pod-spec.ts';
import { isRecord, valueAt } from './values.ts';

/** Exec hooks of a container that run shell inside it. */
const execPaths: readonly (readonly string[])[] = [
  ['livenessProbe', 'exec', 'command'],
  ['readinessProbe', 'exec', 'command'],
  ['startupProbe', 'exec', 'command'],
  ['lifecycle', 'postStart', 'exec', 'command'],
  ['lifecycle', 'preStop', 'exec', 'command'],
];

/**
 * What is wrong with one manifest document: identity fields, a namespace
 * (the attempt picks it), the 2-second grace period busybox workloads need
 * (sh as PID 1 ignores SIGTERM), and shell the busybox stand-in cannot run.
 */
export function objectProblems(loaded: LoadedObject): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const report = (at: PropertyKey[], detail: string): void => {
    const line = loaded.lineOf(at);
    const field = fieldPathOf(at);
    problems.push({ file: loaded.file, fieldPath: field ? `${loaded.label} ${field}` : loaded.label, detail, ...(line ? { line } : {}) });
  };
  const object: unknown = loaded.object;
  if (!isRecord(object)) {
    report([], `expected a Kubernetes object, saw ${showValue(object)}`);
    return problems;
  }
  for (const field of [['apiVersion'], ['kind'], ['metadata', 'name']]) {
    const value = valueAt(object, field);
    if (typeof value !== 'string' || value === '') report(field, value === undefined ? 'required' : `expected a non-empty string, saw ${showValue(value)}`);
  }
  if (valueAt(object, ['metadata', 'namespace']) !== undefined) {
    report(['metadata', 'namespace'], "must not be set: objects go to the attempt's namespace, chosen at start");
  }
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const specPath = podSpecPath(kind);
  if (specPath) {
    const grace = valueAt(object, [...specPath, 'terminationGracePeriodSeconds']);
    if (grace !== 2) {
      report([...specPath, 'terminationGracePeriodSeconds'], `expected 2 (busybox sh as PID 1 ignores SIGTERM; the default 30s slows every deletion), saw ${showValue(grace)}`);
    }
  }
  for (const { path, container } of containersOf(object, kind)) {
    const command = strings(container.command);
    const args = strings(container.args);
    // command + args is one argv; each word may also be a script (`sh -c '...'`).
    for (const found of lintArgv([...command, ...args])) {
      reportFindings(report, [...path, found.index < command.length ? 'command' : 'args'], [found]);
    }
    reportFindings(report, [...path, 'command'], command.flatMap((word) => lintShell(word)));
    reportFindings(report, [...path, 'args'], args.flatMap((word) => lintShell(word)));
    for (const hook of execPaths) {
      const argv = strings(valueAt(container, hook));
      reportFindings(report, [...path, ...hook], [...lintArgv(argv), ...argv.flatMap((word) => lintShell(word))]);
    }
  }
  return problems;
}

function reportFindings(report: (at: PropertyKey[], detail: string) => void, at: PropertyKey[], findings: ShellFinding[]): void {
  for (const detail of new Set(findings.map((f) => f.detail))) report(at, detail);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((word) => String(word)) : [];
}
