import { chmod, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { invalidCases, type Edit, type InvalidCase } from './cases.ts';

/** The valid scenario every case starts from. */
export const fixture: string = path.join(import.meta.dirname, '..', 'fixtures', 'valid-scenario');

/** Writes one case folder: a copy of the fixture, id set to the case name, its edits applied, expected.txt. */
export async function generateCase(invalid: InvalidCase, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await cp(fixture, dir, { recursive: true });
  await applyEdit(dir, { file: 'scenario.yaml', replace: 'id: valid-scenario', with: `id: ${invalid.name}` });
  for (const edit of invalid.edits) await applyEdit(dir, edit);
  await writeFile(path.join(dir, 'expected.txt'), `${invalid.expected}\n${invalid.text}\n`);
}

/** Rebuilds every case folder under `root` (default: this folder), dropping folders no case names. */
export async function generateAll(root: string = import.meta.dirname): Promise<void> {
  const names = new Set(invalidCases.map((c) => c.name));
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && !names.has(entry.name)) await rm(path.join(root, entry.name), { recursive: true });
  }
  for (const invalid of invalidCases) await generateCase(invalid, path.join(root, invalid.name));
}

async function applyEdit(dir: string, edit: Edit): Promise<void> {
  const file = path.join(dir, edit.file);
  if ('remove' in edit) return rm(file);
  if ('mode' in edit) return chmod(file, edit.mode);
  if ('write' in edit) return writeFile(file, edit.write);
  const text = await readFile(file, 'utf8');
  // An edit that no longer matches the fixture would silently make a valid "invalid" case.
  if (!text.includes(edit.replace)) throw new Error(`${edit.file}: ${JSON.stringify(edit.replace)} not found in the fixture`);
  await writeFile(file, text.replace(edit.replace, edit.with));
}

if (import.meta.main) {
  await generateAll();
  console.log(`wrote ${invalidCases.length} cases under ${import.meta.dirname}`);
}
