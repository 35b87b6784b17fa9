import { describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { Pressure } from './pressure.ts';

const pods = (n: number, phase = 'Running'): V1Pod[] => Array.from({ length: n }, () => ({ status: { phase } }));
const noLag = () => ({ seconds: () => 0, close: () => undefined });
const limits = { pods: 4, listMs: 1000, eventLagS: 20 };

describe('Pressure', () => {
  it('admits at once below the limits, counting pods not yet gone and not finished ones', async () => {
    const pressure = new Pressure({ listAllPods: async () => [...pods(3), ...pods(50, 'Succeeded')], eventLag: noLag }, limits);
    await pressure.admit();
    expect(pressure.peak.pods).toBe(3);
  });

  it('holds a case back while the cluster holds too many pods, and lets it go when they leave', async () => {
    let count = 5;
    let reads = 0;
    const pressure = new Pressure({ listAllPods: async () => (reads++, pods(count)), eventLag: noLag }, limits);
    setTimeout(() => (count = 2), 300);
    const started = Date.now();
    await pressure.admit();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(pressure.peak.pods).toBe(5);
    expect(reads).toBeGreaterThanOrEqual(2);
  });

  it('shares one reading between cases that ask within a second', async () => {
    let reads = 0;
    const pressure = new Pressure({ listAllPods: async () => (reads++, pods(1)), eventLag: noLag }, limits);
    await Promise.all([pressure.admit(), pressure.admit(), pressure.admit()]);
    await pressure.admit();
    expect(reads).toBe(1);
  });

  it('holds a case back while the kubelet\'s events arrive late and one of its cases runs, opening one watch and closing it', async () => {
    let lag = 45;
    let opened = 0;
    let closed = 0;
    const pressure = new Pressure({ listAllPods: async () => pods(1), eventLag: () => (opened++, { seconds: () => lag, close: () => void closed++ }) }, limits);
    // Nothing of ours runs: late events are someone else's, and waiting would not drain them.
    let started = Date.now();
    await pressure.admit();
    expect(Date.now() - started).toBeLessThan(500);
    // One case runs: the next waits for the queue to drain.
    setTimeout(() => (lag = 12), 300);
    started = Date.now();
    await pressure.admit();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(pressure.peak.eventLagS).toBe(45);
    // Both released: a late queue no longer holds anyone.
    pressure.release();
    pressure.release();
    lag = 60;
    started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await pressure.admit();
    expect(Date.now() - started).toBeLessThan(1600);
    pressure.close();
    expect([opened, closed]).toEqual([1, 1]);
  });
});
