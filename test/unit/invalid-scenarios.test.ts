import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenario, validateScenario } from '../../src/scenario/load.ts';
import { invalidCases } from '../invalid-scenarios/cases.ts';
import { generateCase } from '../invalid-scenarios/generate.ts';

// Each folder under test/invalid-scenarios is the valid fixture with one deliberate
// mistake (generated from cases.ts by generate.ts). expected.txt: line 1 `<file>: <field path>` (or just `<file>` for a
// file-level problem), relative to the folder; line 2, text the message must contain.
const root = path.join(import.meta.dirname, '..', 'invalid-scenarios');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = path.join(root, entry.name);
    const [where = '', text = ''] = readFileSync(path.join(dir, 'expected.txt'), 'utf8').split('\n');
    const colon = where.indexOf(': ');
    return {
      name: entry.name,
      dir,
      file: colon < 0 ? where : where.slice(0, colon),
      fieldPath: colon < 0 ? '' : where.slice(colon + 2),
      text,
    };
  });

describe('invalid scenarios', () => {
  it('has at least 10 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('$name: validate reports exactly $file $fieldPath', async ({ dir, file, fieldPath, text }) => {
    const errors = await validateScenario(dir);
    const found = errors.map((e) => ({ file: path.relative(dir, e.file), fieldPath: e.fieldPath, detail: e.detail }));
    expect(found).toEqual([{ file, fieldPath, detail: expect.stringContaining(text) as unknown }]);
  });

  it.each(cases)('$name: load throws a ScenarioError naming the same place', async ({ dir, file, fieldPath }) => {
    const error: unknown = await loadScenario(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScenarioError);
    const { file: at, fieldPath: field, message } = error as ScenarioError;
    expect({ file: path.relative(dir, at), fieldPath: field }).toEqual({ file, fieldPath });
    expect(message).toContain(fieldPath ? `: ${fieldPath}: ` : file);
  });

  it.each(invalidCases)('$name: the committed folder is what generate.ts makes from cases.ts', async (invalid) => {
    const temp = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-invalid-'));
    try {
      await generateCase(invalid, path.join(temp, invalid.name));
      expect(tree(path.join(root, invalid.name))).toEqual(tree(path.join(temp, invalid.name)));
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  });

  it('has a folder for every case and a case for every folder', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(invalidCases.map((c) => c.name).sort());
  });
});

/** Every file under a folder with its text and whether it is executable. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const executable = (statSync(file).mode & 0o111) !== 0;
    files[path.relative(dir, file)] = `${executable ? 'x' : '-'} ${readFileSync(file, 'utf8')}`;
  }
  return files;
}
