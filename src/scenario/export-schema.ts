import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { schemaFile } from './paths.ts';
import { scenarioSpec } from './schema.ts';

/**
 * The JSON Schema of scenario.yaml, generated from the zod schema. `io:
 * 'input'` describes what authors write (fields with defaults are optional);
 * draft-07 because every editor's YAML language server reads it.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSpec, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    $schema,
    title: 'kubedrill scenario',
    description: 'scenarios/<id>/scenario.yaml. Generated from src/scenario/schema.ts by src/scenario/export-schema.ts: do not edit.',
    ...rest,
  };
}

/** The file's exact text: two-space JSON and a final newline. */
export function renderSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Writes scenarios/scenario.schema.json (run: node src/scenario/export-schema.ts). */
export async function writeSchema(file: string = schemaFile): Promise<void> {
  await writeFile(file, renderSchema());
}

if (import.meta.main) {
  await writeSchema();
  console.log(`wrote ${schemaFile}`);
}
