import type { V1PriorityClass } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import type { PodOptions } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { priorityOrder } from './priority-order.ts';

const pc = (name: string, value: number, preemptionPolicy?: string, globalDefault?: boolean): V1PriorityClass => ({ metadata: { name }, value, preemptionPolicy, globalDefault });
const batchHigh = pc('kubedrill-batch-high', 1000);
const nightly = (cls = 'kubedrill-batch-high', pods: PodOptions[] = [{ priority: 1000, priorityClassName: cls }]): Partial<Snapshot> =>
  workload('nightly-report', { priorityClassName: cls, pods });
const payments = (cls: string | undefined, priority: number | undefined, n = 2): Partial<Snapshot> =>
  workload('payments', { replicas: n, priorityClassName: cls, pods: Array.from({ length: n }, () => ({ priority, priorityClassName: cls })) });

describe('priorityOrder', () => {
  it.each<[string, Partial<Snapshot>[], boolean, RegExp]>([
    [
      'broken: payments at 0, nightly-report at 1000',
      [{ priorityClasses: [batchHigh] }, payments(undefined, 0), nightly()],
      false,
      /^payments priority: expected above every nightly-report priority, saw lowest payments priority 0 \(template, no class\) vs highest nightly-report priority 1000 \(template, class kubedrill-batch-high\)$/,
    ],
    [
      'payments raised above',
      [{ priorityClasses: [batchHigh, pc('payments-critical', 2000)] }, payments('payments-critical', 2000), nightly()],
      true,
      /^payments outranks nightly-report: lowest payments priority 2000 \(template, class payments-critical\) > highest nightly-report priority 1000 \(template, class kubedrill-batch-high\)$/,
    ],
    [
      'a tie, even with nightly-report at preemptionPolicy Never (the task asks for higher)',
      [{ priorityClasses: [batchHigh, pc('batch-no-preempt', 0, 'Never')] }, payments(undefined, 0), nightly('batch-no-preempt', [{ priority: 0, preemptionPolicy: 'Never' }])],
      false,
      /^payments priority: expected above every nightly-report priority, saw lowest payments priority 0 .* vs highest nightly-report priority 0 /,
    ],
    [
      'a tie where nightly-report may still preempt',
      [{ priorityClasses: [batchHigh, pc('same', 1000)] }, payments('same', 1000), nightly()],
      false,
      /saw lowest payments priority 1000 \(template, class same\) vs highest nightly-report priority 1000 /,
    ],
    [
      'template raised but an old pod still runs at 0',
      [{ priorityClasses: [batchHigh, pc('payments-critical', 2000)] }, workload('payments', { replicas: 2, priorityClassName: 'payments-critical', pods: [{ priority: 2000 }, { priority: 0 }] }), nightly()],
      false,
      /saw lowest payments priority 0 \(pod payments-5d8f7c9b6d-m4q9z\)/,
    ],
    [
      'template class does not exist',
      [{ priorityClasses: [batchHigh] }, payments('payments-critical', 0), nightly()],
      false,
      /^Deployment payments spec\.template\.spec\.priorityClassName: expected an existing PriorityClass, saw payments-critical which does not exist$/,
    ],
    [
      'a globalDefault class (forbidden: it changes every new pod in the cluster)',
      [{ priorityClasses: [pc('kubedrill-batch-high', 1000), pc('everyone', 5000, undefined, true)] }, payments(undefined, 5000), nightly()],
      false,
      /^PriorityClass everyone is globalDefault \(value 5000\): expected no globalDefault class/,
    ],
    ['nightly-report deleted', [{ priorityClasses: [batchHigh] }, payments(undefined, 0)], false, /^Deployment nightly-report not found/],
  ])('%s', (_name, parts, passed, reason) => {
    const verdict = priorityOrder(check('priorityOrder', { higher: 'payments', lower: 'nightly-report' }), context(snapshot(...parts)));
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
  });
});
