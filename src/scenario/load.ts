import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScenarioError, type ScenarioProblem } from './errors.ts';
import { loadManifests, type ApplyStep, type LoadedObject } from './manifests.ts';
import { containersOf } from './pod-spec.ts';
import { scenariosRoot } from './paths.ts';
import { keepCheck, scenarioSpec, type ScenarioSpec } from './schema.ts';
import { loadScripts } from './scripts.ts';
import { servicePortProblems } from './service-ports.ts';
import { specProblems } from './spec-rules.ts';
import type { Scenario } from './types.ts';
import { isRecord } from './values.ts';
import { isClusterScoped } from '../kube/client.ts';
import { parseYaml } from './yaml-source.ts';
import { problemsFromIssues } from './zod-issues.ts';

/** The line every scenario.yaml starts with, so editors validate and complete it. */
export const schemaHeader = '# yaml-language-server: $schema=../scenario.schema.json';

/** Everything learned from one scenario folder: the scenario when sound, and every problem. */
export interface Inspection {
  /** The parsed scenario.yaml, when it passed the schema (even if other rules failed). */
  spec?: ScenarioSpec;
  /** The whole scenario, only when there are no problems. */
  scenario?: Scenario;
  problems: ScenarioProblem[];
}

/** Reads a scenario folder and checks it against the schema and every cross-field rule. */
export async function inspectScenario(dir: string): Promise<Inspection> {
  const root = path.resolve(dir);
  const file = path.join(root, 'scenario.yaml');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { problems: [{ file, fieldPath: '', detail: 'missing: every scenario folder holds a scenario.yaml' }] };
  const problems: ScenarioProblem[] = [];
  if (!text.split('\n').some((line) => line.trim() === schemaHeader)) {
    problems.push({ file, fieldPath: '', detail: `expected the header line "${schemaHeader}"`, line: 1 });
  }
  const { docs, errors } = parseYaml(text);
  for (const error of errors) problems.push({ file, fieldPath: '', detail: `not valid YAML: ${error.message}`, ...(error.line ? { line: error.line } : {}) });
  const doc = docs[0];
  if (errors.length > 0 || !doc || docs.length > 1) {
    if (errors.length === 0) problems.push({ file, fieldPath: '', detail: `expected one YAML document, saw ${docs.length}` });
    return { problems };
  }
  const parsed = scenarioSpec.safeParse(doc.value);
  if (!parsed.success) problems.push(...problemsFromIssues(parsed.error.issues, file, doc));

  // Manifests and scripts are checked even when scenario.yaml is not, so one run reports everything.
  const manifests = await loadManifests(root, applySteps(doc.value), { file, doc });
  problems.push(...manifests.problems, ...servicePortProblems(manifests.objects, brokenServicesOf(doc.value)));
  const scripts = await loadScripts(root, clusterNamesOf(doc.value, manifests.objects));
  problems.push(...scripts.problems);
  if (!parsed.success) return { problems: ordered(problems, file) };

  const spec = parsed.data;
  const objectsByStep = new Map<number, LoadedObject[]>();
  for (const step of applySteps(doc.value)) {
    objectsByStep.set(step.index, manifests.objects.filter((o) => o.file === path.join(root, step.apply)));
  }
  problems.push(...specProblems({ spec, folder: path.basename(root), file, doc, objectsByStep, manifestsComplete: manifests.complete }));
  if (scripts.fixes.length < 3 && spec.fewerFixesBecause === undefined) {
    const line = doc.lineOf(['fewerFixesBecause']);
    problems.push({ file, fieldPath: 'fewerFixesBecause', detail: `required: fixes/ holds ${scripts.fixes.length} alternative ${scripts.fixes.length === 1 ? 'fix' : 'fixes'} (fewer than 3): say why`, ...(line ? { line } : {}) });
  }
  spec.brokenServices.forEach((service, i) => {
    if (manifests.complete && !manifests.objects.some((o) => o.object.kind === 'Service' && o.object.metadata.name === service)) {
      const line = doc.lineOf(['brokenServices', i]);
      problems.push({ file, fieldPath: `brokenServices[${i}]`, detail: `names no Service of the manifests: ${service}`, ...(line ? { line } : {}) });
    }
  });
  const used = new Set(manifests.objects.flatMap((o) => containersOf(o.object, o.object.kind).map(({ container }) => container.image)));
  spec.missingImages.forEach((image, i) => {
    if (manifests.complete && !used.has(image)) {
      const line = doc.lineOf(['missingImages', i]);
      problems.push({ file, fieldPath: `missingImages[${i}]`, detail: `${image} is not used by any manifest`, ...(line ? { line } : {}) });
    }
  });
  if (problems.length > 0) return { spec, problems: ordered(problems, file) };

  const injected = manifests.objects.map((o) => o.object);
  const scenario: Scenario = {
    ...spec,
    checks: [...spec.checks, ...spec.keep.map(keepCheck)],
    dir: root,
    manifests: manifests.files,
    injected,
    images: unique(injected.flatMap((o) => containersOf(o, o.kind).map(({ container }) => container.image)).filter((i): i is string => typeof i === 'string' && !spec.missingImages.includes(i))),
    workloads: unique(injected.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name)),
    solution: scripts.solution,
    fixes: scripts.fixes,
    shortcuts: scripts.shortcuts,
  };
  return { spec, scenario, problems: [] };
}

/** The Services scenario.yaml says are the break (read before the schema, like the apply steps). */
function brokenServicesOf(value: unknown): string[] {
  const list = isRecord(value) ? value.brokenServices : undefined;
  return Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string') : [];
}

/** Every problem of one scenario folder, each with file and field path (empty when it is sound). */
export async function validateScenario(dir: string): Promise<ScenarioError[]> {
  return (await inspectScenario(dir)).problems.map((problem) => new ScenarioError(problem));
}

/** Loads one scenario folder; throws a ScenarioError naming the first problem. */
export async function loadScenario(dir: string): Promise<Scenario> {
  const { scenario, problems } = await inspectScenario(dir);
  if (!scenario) throw new ScenarioError(problems[0] ?? { file: path.resolve(dir), fieldPath: '', detail: 'cannot be loaded' });
  return scenario;
}

/** Loads every scenario under `root` (default: the repository's scenarios/), sorted by id. */
export async function loadAll(root: string = scenariosRoot): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const dir of await scenarioDirs(root)) scenarios.push(await loadScenario(dir));
  const first = namespaceClashes(scenarios.map((s) => ({ dir: s.dir, spec: s })))[0];
  if (first) throw new ScenarioError(first);
  return scenarios;
}

/** The scenario folders under a root: every directory not starting with a dot, sorted. */
export async function scenarioDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => path.join(path.resolve(root), entry.name))
    .sort();
}

/** Scenarios of one root share the cluster (drills run several at once): namespaces must differ. */
export function namespaceClashes(scenarios: readonly { dir: string; spec: ScenarioSpec }[]): ScenarioProblem[] {
  const owners = new Map<string, string>();
  const problems: ScenarioProblem[] = [];
  for (const { dir, spec } of scenarios) {
    // Every namespace an attempt makes: its own and each of `namespaces`.
    const names: Array<[string, string]> = [[spec.namespace, 'namespace'], ...Object.entries(spec.namespaces ?? {}).map(([role, n]): [string, string] => [n.name, `namespaces.${role}.name`])];
    for (const [name, fieldPath] of names) {
      const owner = owners.get(name);
      if (owner === undefined) owners.set(name, spec.id);
      else problems.push({ file: path.join(dir, 'scenario.yaml'), fieldPath, detail: `"${name}" is already used by scenario ${owner}` });
    }
  }
  return problems;
}

// The names a proof run suffixes per case (see src/engine/cluster-names.ts), from the raw spec so scripts are checked even when it is not valid.
function clusterNamesOf(raw: unknown, objects: LoadedObject[]): string[] {
  const inject = isRecord(raw) && Array.isArray(raw.inject) ? (raw.inject as unknown[]) : [];
  const resources = inject.flatMap((step) => (isRecord(step) && isRecord(step.nodeResource) && typeof step.nodeResource.name === 'string' ? [step.nodeResource.name] : []));
  return [...new Set([...resources, ...objects.filter((o) => isClusterScoped(o.object.kind)).map((o) => o.object.metadata.name)])];
}

function applySteps(raw: unknown): ApplyStep[] {
  const inject = isRecord(raw) && Array.isArray(raw.inject) ? (raw.inject as unknown[]) : [];
  return inject.flatMap((step, index) =>
    // Only names the schema allows, so a bad step can never read outside manifests/.
    isRecord(step) && typeof step.apply === 'string' && /^manifests\/[^/]+\.ya?ml$/.test(step.apply) ? [{ index, apply: step.apply }] : [],
  );
}

/** scenario.yaml first, then the other files; by line within a file. */
function ordered(problems: ScenarioProblem[], scenarioFile: string): ScenarioProblem[] {
  const rank = (p: ScenarioProblem): string => (p.file === scenarioFile ? '' : p.file);
  return problems
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank(a.p).localeCompare(rank(b.p)) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.index - b.index)
    .map(({ p }) => p);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
