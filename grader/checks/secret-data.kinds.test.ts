import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/**
 * secretData on a Secret as the API server stores it (applied with
 * stringData, read back base64 in data): grader/fixtures/kinds/access.json,
 * recorded by test/real/record-kinds.ts.
 */
const fixture = await loadFixture('kinds/access');

describe('secretData on a recorded Secret', () => {
  it.each<[string, Record<string, unknown>, boolean, string]>([
    ['a line of the decoded value matches', { name: 'app-env', key: 'app.env', matches: '^MODE=prod$' }, true, 'Secret app-env data.app.env has a line matching /^MODE=prod$/'],
    ['no line matches', { name: 'app-env', key: 'app.env', matches: '^MODE=dev$' }, false, 'Secret app-env data.app.env: expected a line matching /^MODE=dev$/, saw 3 lines, none matching (the value is not shown)'],
    ['no such key', { name: 'app-env', key: 'password', matches: '.' }, false, 'Secret app-env data.password: expected a line matching /./, saw no such key (keys ["app.env"])'],
    ['no such Secret', { name: 'db', key: 'password', matches: '.' }, false, 'Secret db not found in namespace kd-kinds-access: expected data.password with a line matching /./'],
  ])('%s', async (_name, params, passed, reason) => {
    const [verdict] = await grade([check('secretData', params)], fixtureContext(fixture));
    expect(verdict).toMatchObject({ passed, reason });
    expect(verdict!.final ?? false).toBe(!passed);
  });

  it('never prints the value, on pass or fail', async () => {
    const verdicts = await grade(
      [check('secretData', { id: 'a', name: 'app-env', key: 'app.env', matches: 'DB_PASSWORD' }), check('secretData', { id: 'b', name: 'app-env', key: 'app.env', matches: 'nope' })],
      fixtureContext(fixture),
    );
    for (const v of verdicts) expect(v.reason).not.toMatch(/s3cr3t/);
  });
});
