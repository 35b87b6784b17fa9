import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.ts';
import { loadScenario, validateScenario } from '../../src/scenario/load.ts';

// Each folder under test/invalid-scenarios is the valid fixture with one deliberate
// mistake. expected.txt: line 1 `<file>: <field path>` (or just `<file>` for a
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
});
