import type { V1ResourceQuota } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import { storedObjects } from '../stored/content.ts';
import type { Snapshot } from '../types.ts';
import { objectUnchanged } from './object-unchanged.ts';

// quota-exceeded keeps the namespace's ResourceQuota: recorded at injection
// with the other stored kinds, compared as a whole (spec, labels, annotations).
describe('objectUnchanged: a kept ResourceQuota', () => {
  const quota = (hard: Record<string, string>, o: { uid?: string; used?: Record<string, string> } = {}): V1ResourceQuota => ({
    metadata: { name: 'team-budget', uid: o.uid ?? 'quota-uid' },
    spec: { hard },
    status: { hard, used: o.used ?? { 'requests.memory': '200Mi' } },
  });
  const state = (...quotas: V1ResourceQuota[]): Snapshot => ({ ...snapshot(workload('api')), resourceQuotas: quotas });
  const baseline = storedObjects(state(quota({ 'requests.memory': '280Mi' })));
  const keep = check('objectUnchanged', { object: { kind: 'ResourceQuota', name: 'team-budget' } });
  const grade = (s: Snapshot): ReturnType<typeof objectUnchanged> => objectUnchanged(keep, { ...context(s), baseline });

  it('records it with the other stored kinds', () => {
    expect(baseline.find((o) => o.kind === 'ResourceQuota')).toMatchObject({ name: 'team-budget', body: { spec: { hard: { 'requests.memory': '280Mi' } } } });
  });
  it.each<[string, Snapshot, RegExp | undefined]>([
    ['untouched, its usage moving on', state(quota({ 'requests.memory': '280Mi' }, { used: { 'requests.memory': '96Mi' } })), undefined],
    ['raised', state(quota({ 'requests.memory': '400Mi' })), /^ResourceQuota team-budget spec\.hard\["?requests\.memory"?\]: 280Mi → 400Mi/],
    ['given another resource', state(quota({ 'requests.memory': '280Mi', pods: '10' })), /spec\.hard/],
    ['recreated as it was', state(quota({ 'requests.memory': '280Mi' }, { uid: 'other-uid' })), /was deleted and recreated/],
    ['deleted', state(), /not found/],
  ])('%s', (_name, s, reason) => {
    const outcome = grade(s);
    expect(outcome.passed).toBe(reason === undefined);
    if (reason) expect(outcome.reason).toMatch(reason);
    if (reason) expect(outcome.final).toBe(true);
  });
});
