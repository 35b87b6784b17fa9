import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../scenario/load.ts';
import { seatNames, seatNamespace, sharedClusterProblem } from './plan.ts';

describe('which scenarios a shared cluster can run', () => {
  it('agrees with the README\'s scenario table for every scenario', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const scenario of await loadAll()) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${scenario.id}\` |`));
      expect(row, `README has a row for ${scenario.id}`).toBeDefined();
      const shared = row!.split('|').at(-2)!.trim();
      const problem = sharedClusterProblem(scenario);
      expect(shared.startsWith('yes'), `${scenario.id}: README says "${shared}", the scenario ${problem ?? 'puts nothing outside its namespaces'}`).toBe(problem === undefined);
    }
  });

  it('names what a seat would share', () => {
    const manifests = [{ file: 'm.yaml', path: '/m.yaml', objects: [{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' } }] }];
    expect(sharedClusterProblem({ exclusive: false, inject: [{ nodeLabel: { key: 'disk', value: 'ssd' } }], manifests: [] } as never)).toBe('every seat would share what it labels a node disk');
    expect(sharedClusterProblem({ exclusive: true, inject: [], manifests } as never)).toBe('every seat would share what it needs the cluster to itself (exclusive); it creates PriorityClass high');
    expect(sharedClusterProblem({ exclusive: false, inject: [{ apply: 'm.yaml' }], manifests: [] } as never)).toBeUndefined();
  });
});

describe('seat names', () => {
  it('numbers seats to a common width', () => {
    expect(seatNames({ seats: 3 }, ['crashloop'])).toEqual(['seat-01', 'seat-02', 'seat-03']);
    expect(seatNames({ seats: 120 }, ['crashloop'])[0]).toBe('seat-001');
    expect(seatNamespace('seat-01', 'crashloop')).toBe('seat-01-crashloop');
  });

  it('takes learners\' names as given, and refuses a bad one with a suggestion', () => {
    expect(seatNames({ learners: ['ana', 'bo-2'] }, ['netpol'])).toEqual(['ana', 'bo-2']);
    expect(() => seatNames({ learners: ['Ana María'] }, ['netpol'])).toThrow(/"Ana María" is not usable as a seat: .* \(e\.g\. "ana-maria"\)/);
    expect(() => seatNames({ learners: ['ana', 'ana'] }, ['netpol'])).toThrow(/given twice/);
    expect(() => seatNames({ learners: ['ana-maria', 'ana'] }, ['netpol'])).toThrow(/"ana" and "ana-maria" overlap: .* named "ana-…"/);
    expect(seatNames({ learners: ['ana', 'anabel'] }, ['netpol'])).toEqual(['ana', 'anabel']);
    expect(() => seatNames({ learners: ['a'.repeat(60)] }, ['netpol'])).toThrow(/at most 56 for this workshop's namespaces/);
    expect(() => seatNames({}, [])).toThrow(/at least one seat/);
  });
});
