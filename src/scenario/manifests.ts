import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KubeObject } from '../../grader/types.ts';
import type { ScenarioProblem } from './errors.ts';
import { objectProblems } from './object-rules.ts';
import type { ManifestFile } from './types.ts';
import { isRecord } from './values.ts';
import { parseYaml, type YamlDoc } from './yaml-source.ts';

/** One manifest document, where it came from, and how errors name it. */
export interface LoadedObject {
  /** Absolute path of its file. */
  file: string;
  object: KubeObject;
  /** `Deployment/api`, or `document 2` when it has no kind or name. */
  label: string;
  lineOf: YamlDoc['lineOf'];
}

/** An inject step that applies a file: its index in `inject` and the file as written. */
export interface ApplyStep {
  index: number;
  apply: string;
}

/** What the manifests of a scenario hold, and what is wrong with them. */
export interface ManifestLoad {
  /** One per apply step, in inject order (a step whose file failed is left out). */
  files: ManifestFile[];
  /** Every object of every applied file, in inject order. */
  objects: LoadedObject[];
  /** Every applied file was read and parsed (rules that look objects up by name are only fair then). */
  complete: boolean;
  problems: ScenarioProblem[];
}

/**
 * Reads and checks the files the apply steps name: each must exist and parse,
 * every document must be a sound object for the scenario's namespace, and
 * every file under manifests/ must be applied by some step.
 */
export async function loadManifests(dir: string, steps: readonly ApplyStep[], scenario: { file: string; doc: YamlDoc }): Promise<ManifestLoad> {
  const result: ManifestLoad = { files: [], objects: [], complete: true, problems: [] };
  const parsed = new Map<string, LoadedObject[] | undefined>();
  for (const step of steps) {
    const file = path.join(dir, step.apply);
    if (!parsed.has(file)) parsed.set(file, await readManifest(file, step, scenario, result.problems));
    const objects = parsed.get(file);
    if (!objects) {
      result.complete = false;
      continue;
    }
    result.files.push({ file: step.apply, path: file, objects: objects.map((o) => o.object) });
    result.objects.push(...objects);
  }
  const listed = await readdir(path.join(dir, 'manifests')).catch(() => [] as string[]);
  for (const name of listed.sort()) {
    const file = path.join(dir, 'manifests', name);
    if (!parsed.has(file)) result.problems.push({ file, fieldPath: '', detail: 'not applied by any inject step (apply it or delete it)' });
  }
  return result;
}

async function readManifest(
  file: string,
  step: ApplyStep,
  scenario: { file: string; doc: YamlDoc },
  problems: ScenarioProblem[],
): Promise<LoadedObject[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const line = scenario.doc.lineOf(['inject', step.index, 'apply']);
    problems.push({ file: scenario.file, fieldPath: `inject[${step.index}].apply`, detail: `no such file ${step.apply}`, ...(line ? { line } : {}) });
    return undefined;
  }
  const { docs, errors } = parseYaml(text);
  for (const error of errors) problems.push({ file, fieldPath: '', detail: `not valid YAML: ${error.message}`, ...(error.line ? { line: error.line } : {}) });
  if (errors.length > 0) return undefined;
  if (docs.length === 0) {
    problems.push({ file, fieldPath: '', detail: 'holds no objects' });
    return undefined;
  }
  const objects = docs.map((doc, index): LoadedObject => {
    const value = doc.value;
    const kind = isRecord(value) && typeof value.kind === 'string' ? value.kind : undefined;
    const name = isRecord(value) && isRecord(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : undefined;
    const label = kind && name ? `${kind}/${name}` : `document ${index + 1}`;
    return { file, object: value as KubeObject, label, lineOf: doc.lineOf };
  });
  for (const loaded of objects) problems.push(...objectProblems(loaded));
  // Later rules read kind, metadata and spec: only mappings go on (the rest is reported above).
  return objects.filter((loaded) => isRecord(loaded.object));
}
