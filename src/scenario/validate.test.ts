import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, scenariosRoot } from './paths.ts';
import { validateDir } from './validate.ts';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'valid-scenario');
let temp = '';

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-validate-'));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('validateDir', () => {
  it('validates one scenario folder', async () => {
    expect(await validateDir(fixture)).toEqual([]);
  });

  it('validates every folder of a root and what they share (namespaces)', async () => {
    const root = path.join(temp, 'root');
    await cp(fixture, path.join(root, 'valid-scenario'), { recursive: true });
    await cp(path.join(repoRoot, 'test', 'invalid-scenarios', 'wrong-id'), path.join(root, 'wrong-id'), { recursive: true });
    const found = (await validateDir(root)).map((e) => [path.relative(root, e.file), e.fieldPath]);
    expect(found).toEqual([
      ['wrong-id/scenario.yaml', 'id'],
      ['wrong-id/scenario.yaml', 'namespace'],
    ]);
  });

  it.each([
    ['a missing directory', 'nowhere', 'no such directory'],
    ['an empty root', 'empty', 'holds no scenario folders'],
  ])('reports %s', async (_, name, detail) => {
    await mkdir(path.join(temp, 'empty'), { recursive: true });
    const errors = await validateDir(path.join(temp, name));
    expect(errors.map((e) => e.detail)).toEqual([detail]);
  });

  it("passes on the repository's scenarios/ (the default)", async () => {
    const errors = await validateDir();
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(path.resolve(scenariosRoot)).toBe(path.join(repoRoot, 'scenarios'));
  });
});
