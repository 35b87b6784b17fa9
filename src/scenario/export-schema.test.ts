import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchema, scenarioJsonSchema } from './export-schema.ts';
import { schemaFile } from './paths.ts';

describe('scenario.schema.json', () => {
  it('is exactly what export-schema.ts generates (run it after changing schema.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(renderSchema());
  });

  it('describes what authors write: defaulted fields are optional, unknown fields are refused', () => {
    const schema = scenarioJsonSchema();
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'namespace', 'checks', 'inject']));
    expect(schema.required).not.toContain('exclusive');
    expect(schema.additionalProperties).toBe(false);
  });
});
