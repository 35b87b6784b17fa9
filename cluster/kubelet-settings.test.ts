import { describe, expect, it } from 'vitest';
import { hostCgroupVersion, kubeletSettings } from './kubelet-settings.ts';

describe('kubeletSettings', () => {
  it.each([
    { cgroupV1: false, failCgroupV1: undefined },
    { cgroupV1: true, failCgroupV1: false },
  ])('cgroupV1=$cgroupV1 → failCgroupV1 $failCgroupV1', ({ cgroupV1, failCgroupV1 }) => {
    const settings = kubeletSettings({ cgroupV1 });
    expect(settings.failCgroupV1).toBe(failCgroupV1);
    expect('failCgroupV1' in settings).toBe(cgroupV1);
  });

  it('caps the crash-loop back-off at 10s and turns on the gate that allows it', () => {
    expect(kubeletSettings({ cgroupV1: false })).toEqual({
      featureGates: { KubeletCrashLoopBackOffMax: true },
      crashLoopBackOff: { maxContainerRestartPeriod: '10s' },
    });
  });

  it('returns a fresh object each call (callers may merge into it)', () => {
    const a = kubeletSettings({ cgroupV1: true });
    a.featureGates.Other = true;
    expect(kubeletSettings({ cgroupV1: true }).featureGates).toEqual({ KubeletCrashLoopBackOffMax: true });
  });
});

describe('hostCgroupVersion', () => {
  it('reads the filesystem type of /sys/fs/cgroup', async () => {
    expect([1, 2]).toContain(await hostCgroupVersion());
  });

  it('calls a non-cgroup2 mount version 1', async () => {
    expect(await hostCgroupVersion('/')).toBe(1);
  });
});
