import { describe, expect, it } from 'vitest';
import type { CoreV1Event } from '@kubernetes/client-node';
import { LagWindow, occurredAt } from './event-lag.ts';

const at = (iso: string): Date => new Date(iso);
// Written by the server at `written` (creationTimestamp), unless a test gives managedFields times.
const kubeletEvent = (last: string, extra: Partial<CoreV1Event> = {}, written = '2026-12-03T11:18:00Z'): CoreV1Event => ({
  metadata: { creationTimestamp: at(written) },
  involvedObject: {},
  source: { component: 'kubelet', host: 'node' },
  reason: 'FailedMount',
  lastTimestamp: at(last),
  ...extra,
});

describe('occurredAt', () => {
  it('takes the latest occurrence: a repeated event is as old as its last one', () => {
    const event = kubeletEvent('2026-12-03T11:15:50Z', { firstTimestamp: at('2026-12-03T11:15:42Z') });
    expect(occurredAt(event)).toBe(Date.parse('2026-12-03T11:15:50Z'));
  });

  it('reads an events.k8s.io series and eventTime, and gives up on an event with no time', () => {
    const series = { metadata: {}, involvedObject: {}, eventTime: at('2026-12-03T11:00:00Z'), series: { count: 3, lastObservedTime: at('2026-12-03T11:00:30Z') } } as CoreV1Event;
    expect(occurredAt(series)).toBe(Date.parse('2026-12-03T11:00:30Z'));
    expect(occurredAt({ metadata: {}, involvedObject: {} })).toBeUndefined();
  });
});

describe('LagWindow', () => {
  it('keeps the largest lag of the kubelet events that arrived within the window', () => {
    let now = Date.parse('2026-12-03T11:18:00Z');
    const window = new LagWindow(15_000, () => now);
    expect(window.seconds()).toBe(0);
    // The FailedMount of 11:15:42, written at 11:18:00 (seen in a CI run's kubelet log).
    window.add(kubeletEvent('2026-12-03T11:15:42Z'));
    window.add(kubeletEvent('2026-12-03T11:17:55Z'));
    expect(window.seconds()).toBe(138);
    now += 10_000;
    window.add(kubeletEvent('2026-12-03T11:18:08Z', {}, '2026-12-03T11:18:10Z'));
    expect(window.seconds()).toBe(138);
    now += 6_000;
    expect(window.seconds()).toBe(2);
    now += 15_000;
    expect(window.seconds()).toBe(0);
  });

  it('measures with the server\'s clock: a repeated event by its newest managedFields time, whatever the reader\'s clock says', () => {
    const window = new LagWindow(15_000, () => Date.parse('2030-01-01T00:00:00Z'));
    const repeated = kubeletEvent('2026-12-03T11:17:00Z', {}, '2026-12-03T11:10:00Z');
    repeated.metadata.managedFields = [{ manager: 'kubelet', operation: 'Update', time: at('2026-12-03T11:17:04Z') }];
    window.add(repeated);
    expect(window.seconds()).toBe(4);
  });

  it('counts only the kubelet: the scheduler and controllers write their events themselves', () => {
    const now = Date.parse('2026-12-03T11:18:00Z');
    const window = new LagWindow(15_000, () => now);
    window.add(kubeletEvent('2026-12-03T11:10:00Z', { source: { component: 'default-scheduler' } }));
    window.add(kubeletEvent('2026-12-03T11:10:00Z', { source: {}, reportingComponent: 'job-controller' }));
    expect(window.seconds()).toBe(0);
    window.add(kubeletEvent('2026-12-03T11:17:30Z', { source: {}, reportingComponent: 'kubelet' }));
    expect(window.seconds()).toBe(30);
  });
});
