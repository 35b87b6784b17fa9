import { describe, expect, it } from 'vitest';
import type { SnapshotKind } from '../kube/client.ts';
import { seatBlind, seatOfToken } from './seat-check.ts';

const jwt = (claims: object): string => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('a seat\'s own look', () => {
  it('knows the seat from its token, and nothing else as a seat', () => {
    expect(seatOfToken(jwt({ sub: 'system:serviceaccount:kubedrill-ws-day1:seat-03' }))).toEqual({ seat: 'seat-03', control: 'kubedrill-ws-day1' });
    expect(seatOfToken(jwt({ sub: 'system:serviceaccount:default:builder' }))).toBeUndefined();
    expect(seatOfToken(jwt({ sub: 'kubernetes-admin' }))).toBeUndefined();
    expect(seatOfToken('not-a-jwt')).toBeUndefined();
  });

  it('names the checks a seat cannot judge, from what it was refused', () => {
    const refused = new Set<SnapshotKind>(['nodes', 'clusterRoles', 'clusterRoleBindings']);
    expect(seatBlind({ kind: 'accessReview' }, new Set())).toMatch(/SubjectAccessReview/);
    expect(seatBlind({ kind: 'policyAllows' }, refused)).toBe('it reads the nodes, which a seat may not list');
    expect(seatBlind({ kind: 'fieldCompare', image: true }, refused)).toBe('it reads the nodes, which a seat may not list');
    expect(seatBlind({ kind: 'fieldCompare', path: 'spec.replicas' }, refused)).toBeUndefined();
    expect(seatBlind({ kind: 'objectUnchanged', object: { kind: 'ClusterRole', name: 'x' } }, refused)).toBe('it reads clusterRoles, which a seat may not list');
    expect(seatBlind({ kind: 'objectUnchanged', object: { kind: 'PriorityClass', name: 'x' } }, refused)).toBeUndefined();
    expect(seatBlind({ kind: 'objectUnchanged', object: { kind: 'PriorityClass', name: 'x' } }, new Set(['priorityClasses']))).toBe('it reads priorityClasses, which a seat may not list');
    expect(seatBlind({ kind: 'policyAllows' }, new Set())).toBeUndefined();
    expect(seatBlind({ kind: 'podsHealthy' }, refused)).toBeUndefined();
  });
});
