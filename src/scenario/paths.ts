import path from 'node:path';

/** The repository root, found from this module's location (never from the cwd). */
export const repoRoot: string = path.resolve(import.meta.dirname, '..', '..');

/** Where the shipped scenarios live. */
export const scenariosRoot: string = path.join(repoRoot, 'scenarios');

/** The JSON Schema every scenario.yaml points at. */
export const schemaFile: string = path.join(scenariosRoot, 'scenario.schema.json');

/**
 * A path as errors print it: relative to the repository root when inside it
 * (so output does not depend on the cwd), absolute otherwise.
 */
export function displayPath(file: string): string {
  const relative = path.relative(repoRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
