import { describe, expect, it } from 'vitest';
import { loadAll } from '../scenario/load.ts';
import { controlNamespace, seatTasks, workshopProblem } from './workshop.ts';

const scenarios = await loadAll();
const pick = (...ids: string[]) => ids.map((id) => scenarios.find((s) => s.id === id)!);

describe('a workshop\'s tasks', () => {
  it('gives every seat every scenario in <seat>-<namespace>, seat by seat', () => {
    const tasks = seatTasks({ seats: ['seat-01', 'seat-02'], scenarios: ['crashloop-exit1', 'egress-networkpolicy'] }, pick('crashloop-exit1', 'egress-networkpolicy'));
    expect(tasks).toEqual([
      { seat: 'seat-01', scenario: 'crashloop-exit1', namespace: 'seat-01-crashloop' },
      { seat: 'seat-01', scenario: 'egress-networkpolicy', namespace: 'seat-01-netpol' },
      { seat: 'seat-02', scenario: 'crashloop-exit1', namespace: 'seat-02-crashloop' },
      { seat: 'seat-02', scenario: 'egress-networkpolicy', namespace: 'seat-02-netpol' },
    ]);
    expect(controlNamespace('cka-day1')).toBe('kubedrill-ws-cka-day1');
  });

  it('refuses what seats would share, and what spans namespaces, naming why', () => {
    expect(workshopProblem(pick('crashloop-exit1', 'egress-networkpolicy'))).toBeUndefined();
    expect(workshopProblem(pick('crashloop-exit1', 'priority-preemption'))).toMatch(/^priority-preemption cannot be a workshop task: every seat would share what it needs the cluster to itself \(exclusive\)/);
    expect(workshopProblem(pick('pending-node-selector'))).toMatch(/^pending-node-selector cannot be a workshop task: every seat would share what it labels a node/);
    expect(workshopProblem(pick('dns-other-namespace'))).toMatch(/^dns-other-namespace cannot be a workshop task yet: it spans several namespaces/);
  });

  it('refuses a plan naming a scenario this kubedrill does not have', () => {
    expect(() => seatTasks({ seats: ['a'], scenarios: ['no-such'] }, scenarios)).toThrow(/names scenario no-such/);
  });
});
