import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/**
 * accessReview on SubjectAccessReviews the real API server answered
 * (grader/fixtures/kinds/access.json, recorded by test/real/record-kinds.ts):
 * ServiceAccount reader holds Role read-config (get configmaps) through
 * RoleBinding reader-read-config; nobody holds nothing. Every question a
 * case below asks was recorded (the last test proves it).
 */
const fixture = await loadFixture('kinds/access');
const ns = 'kd-kinds-access';
const granted = /\(RBAC: allowed by RoleBinding "reader-read-config\/kd-kinds-access" of Role "read-config" to ServiceAccount "reader\/kd-kinds-access"\)/;
const otherVerbs = ['list', 'watch', 'create', 'update', 'patch', 'delete'];
const reader = { serviceAccount: 'reader' };
const getConfigMaps = { ...reader, verbs: ['get'], resources: ['configmaps'] };

const cases: [string, Record<string, unknown>, boolean, RegExp[]][] = [
  ['granted by the Role, expected allowed', { ...getConfigMaps, expect: 'allowed' }, true, [/reader get configmaps in kd-kinds-access/, /allowed/]],
  ['granted by the Role, expected denied', { ...getConfigMaps, expect: 'denied' }, false, [/reader get configmaps in kd-kinds-access: expected denied, saw allowed/, granted]],
  ['a Role without resourceNames grants every name', { ...getConfigMaps, resourceName: 'settings', expect: 'allowed' }, true, [/get configmaps settings in kd-kinds-access/]],
  ['a Role grants nothing cluster-wide', { ...getConfigMaps, in: ['cluster'], expect: 'denied' }, true, [/get configmaps cluster-wide/, /denied/]],
  ['a Role grants nothing cluster-wide, expected allowed', { ...getConfigMaps, in: ['cluster'], expect: 'allowed' }, false, [/get configmaps cluster-wide: expected allowed, saw denied \(no rule allows it\)/]],
  ['another resource', { ...reader, verbs: ['get'], resources: ['secrets'], expect: 'denied' }, true, [/reader get secrets in kd-kinds-access/, /denied/]],
  ['another API group', { ...reader, verbs: ['get'], resources: ['deployments'], group: 'apps', expect: 'denied' }, true, [/get deployments\.apps in kd-kinds-access/]],
  ['this much and nothing more: every other verb, configmaps and secrets', { ...reader, verbs: otherVerbs, resources: ['configmaps', 'secrets'], expect: 'denied' }, true, [/12 questions for kd-kinds-access:reader/, /denied/]],
  ['nothing more, expected allowed: wrong from the first batch on, the first named', { ...reader, verbs: otherVerbs, resources: ['configmaps', 'secrets'], expect: 'allowed' }, false, [/reader list configmaps in kd-kinds-access: expected allowed, saw denied .*\(and 5 more of the first 6 of 12 questions\)$/]],
  ['a matrix with the one granted question in it', { ...reader, verbs: ['get', 'list'], resources: ['configmaps'], expect: 'denied' }, false, [/reader get configmaps in kd-kinds-access: expected denied, saw allowed/, granted]],
  ['get and list expected allowed: list is not granted', { ...reader, verbs: ['get', 'list'], resources: ['configmaps'], expect: 'allowed' }, false, [/reader list configmaps in kd-kinds-access: expected allowed, saw denied \(no rule allows it\)$/]],
  ['a ServiceAccount without bindings', { serviceAccount: 'nobody', verbs: ['get', 'list'], resources: ['configmaps'], expect: 'denied' }, true, [/2 questions for kd-kinds-access:nobody/]],
  ['a ServiceAccount without bindings, expected allowed', { serviceAccount: 'nobody', verbs: ['get'], resources: ['configmaps'], expect: 'allowed' }, false, [/nobody get configmaps in kd-kinds-access: expected allowed, saw denied/]],
  ['a ServiceAccount that does not exist (no review asked)', { serviceAccount: 'ghost', verbs: ['get'], resources: ['configmaps'], expect: 'denied' }, false, [/^ServiceAccount ghost not found in namespace kd-kinds-access: expected it to exist/]],
];

describe('accessReview on recorded SubjectAccessReviews', () => {
  it.each(cases)('%s', async (_name, params, passed, reasons) => {
    const [verdict] = await grade([check('accessReview', params)], fixtureContext(fixture));
    for (const reason of reasons) expect(verdict!.reason).toMatch(reason);
    expect(verdict!.passed).toBe(passed);
    expect(verdict!.final).toBeUndefined();
    // A wrong answer is final only once the learner has been done 20 s (the authorizer's caches); a right one never.
    expect(verdict!.finalAfterS).toBe(passed || params.serviceAccount === 'ghost' ? undefined : 20);
    expect(verdict!.where).toMatchObject({ kind: 'ServiceAccount', name: params.serviceAccount, namespace: ns });
  });

  it('the cases ask exactly the recorded questions (the replay matches them whole)', async () => {
    const ctx = fixtureContext(fixture);
    const asked = new Set<string>();
    const access = ctx.probe.access.bind(ctx.probe);
    ctx.probe.access = (q) => (asked.add(JSON.stringify(q)), access(q));
    const verdicts = await grade(cases.map(([, params], i) => check('accessReview', { ...params, id: `case-${i}` })), ctx);
    expect(verdicts.filter((v) => v.reason.startsWith('internal error'))).toEqual([]);
    expect([...asked].sort()).toEqual((fixture.access ?? []).map((a) => JSON.stringify(a.question)).sort());
  });
});
