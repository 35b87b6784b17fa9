import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/** namespaceLabel on a namespace read from a real cluster (grader/fixtures/kinds/access.json: labelled team=platform). */
const fixture = await loadFixture('kinds/access');

describe('namespaceLabel on a recorded namespace', () => {
  it.each<[string, string, string, boolean, boolean, string]>([
    ['the label has the value', 'team', 'platform', false, true, 'Namespace kd-kinds-access label team=platform'],
    ['another value', 'team', 'payments', false, false, 'Namespace kd-kinds-access label team: expected "payments", saw "platform"'],
    ['no such label', 'pod-security.kubernetes.io/enforce', 'restricted', false, false, 'Namespace kd-kinds-access label pod-security.kubernetes.io/enforce: expected "restricted", saw no such label'],
    ['the label the API server sets itself', 'kubernetes.io/metadata.name', 'kd-kinds-access', false, true, 'Namespace kd-kinds-access label kubernetes.io/metadata.name=kd-kinds-access'],
    ['absent, and absence accepted (orAbsent)', 'pod-security.kubernetes.io/enforce-version', 'latest', true, true, 'Namespace kd-kinds-access has no label pod-security.kubernetes.io/enforce-version (which means latest)'],
    ['another value: orAbsent does not help', 'team', 'payments', true, false, 'Namespace kd-kinds-access label team: expected "payments", saw "platform"'],
  ])('%s', async (_name, label, value, orAbsent, passed, reason) => {
    const [verdict] = await grade([check('namespaceLabel', { label, value, orAbsent })], fixtureContext(fixture));
    expect(verdict).toMatchObject({ passed, reason, where: { kind: 'Namespace', name: 'kd-kinds-access', path: `metadata.labels[${label}]` } });
    expect(verdict!.final ?? false).toBe(!passed);
  });
});
