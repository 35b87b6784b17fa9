import { describe, expect, it } from 'vitest';
import { guardrailNames, guardrailObjects, guardrailProblem, guardrailRefs, seatClasses } from './guardrails.ts';

describe('workshop guardrails', () => {
  it('binds the seats of the control namespace, and the policies match only them', () => {
    const objects = guardrailObjects('day1', 'kubedrill-ws-day1');
    expect(objects.map((o) => `${o.kind} ${o.metadata.name}`).sort()).toEqual(guardrailRefs('day1').map((r) => `${r.kind} ${r.name}`).sort());
    const binding = objects.find((o) => o.kind === 'ClusterRoleBinding') as unknown as { subjects: { kind: string; name: string }[] };
    expect(binding.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:serviceaccounts:kubedrill-ws-day1' }]);
    for (const policy of objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy') as unknown as { spec: { matchConditions: { expression: string }[]; failurePolicy: string } }[]) {
      expect(policy.spec.failurePolicy).toBe('Fail');
      expect(policy.spec.matchConditions[0]!.expression).toBe("request.userInfo.username.startsWith('system:serviceaccount:kubedrill-ws-day1:')");
    }
    const own = objects.find((o) => o.metadata.name === guardrailNames('day1').objects) as unknown as { spec: { matchConstraints: { objectSelector: unknown } } };
    expect(own.spec.matchConstraints.objectSelector).toEqual({ matchLabels: { 'kubedrill.io/workshop': 'day1' } });
    for (const o of objects) expect(o.metadata.labels).toMatchObject({ 'kubedrill.io/workshop': 'day1' });
  });

  it('finds the classes seats made since the workshop began, not older ones of the same name', () => {
    const classes = [
      { metadata: { name: 'seat-01-high', creationTimestamp: '2026-12-03T10:05:00Z' } },
      { metadata: { name: 'seat-02-low', creationTimestamp: '2026-12-03T10:06:00Z' } },
      { metadata: { name: 'seat-01-old', creationTimestamp: '2026-12-01T00:00:00Z' } },
      { metadata: { name: 'other', creationTimestamp: '2026-12-03T10:05:00Z' } },
      { metadata: { name: 'seat-03-x', creationTimestamp: '2026-12-03T10:05:00Z' } },
    ];
    expect(seatClasses(classes, ['seat-01', 'seat-02'], '2026-12-03T10:00:00Z')).toEqual(['seat-01-high', 'seat-02-low']);
  });

  it('holds once the policy refuses a seat, and says what is wrong when it never does', async () => {
    let calls = 0;
    const refusedSecond = async (): Promise<void> => {
      calls++;
      if (calls > 1) throw Object.assign(new Error('HTTP-Code: 403'), { body: "ValidatingAdmissionPolicy 'kubedrill-ws-day1-seat-classes' with binding … denied request" });
    };
    expect(await guardrailProblem(refusedSecond, 'day1', 5000)).toBeUndefined();
    expect(calls).toBe(2);
    expect(await guardrailProblem(async () => undefined, 'day1', 0)).toMatch(/does not enforce ValidatingAdmissionPolicies .*--disable-admission-plugins/);
    const rbac = async (): Promise<void> => {
      throw new Error('priorityclasses is forbidden: User "system:serviceaccount:kubedrill-ws-day1:seat-01" cannot create resource');
    };
    expect(await guardrailProblem(rbac, 'day1', 0)).toMatch(/refused, but not by ValidatingAdmissionPolicy kubedrill-ws-day1-seat-classes: .*cannot create resource/);
  });
});
