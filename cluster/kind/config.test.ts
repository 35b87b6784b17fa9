import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { kindConfig } from './config.ts';
import { nodeImage } from './pins.ts';

/** Parse the generated config and its one kubeadm patch back into objects. */
function parsed(cgroupV1: boolean): { config: Record<string, any>; patch: Record<string, any> } {
  const config = parse(kindConfig({ cgroupV1 })) as Record<string, any>;
  const patches = config.kubeadmConfigPatches as string[];
  expect(patches).toHaveLength(1);
  const docs = parseAllDocuments(patches[0]!);
  expect(docs).toHaveLength(1);
  return { config, patch: docs[0]!.toJS() as Record<string, any> };
}

describe('kindConfig', () => {
  it('is a kind v1alpha4 Cluster named kubedrill with one control-plane node on the pinned image', () => {
    const { config } = parsed(false);
    expect(config.kind).toBe('Cluster');
    expect(config.apiVersion).toBe('kind.x-k8s.io/v1alpha4');
    expect(config.name).toBe('kubedrill');
    expect(config.nodes).toEqual([{ role: 'control-plane', image: nodeImage }]);
    expect(nodeImage).toMatch(/^kindest\/node:v1\.(3[5-9]|[4-9]\d)\.\d+@sha256:[0-9a-f]{64}$/);
  });

  it('turns on the crash-loop feature gate for the whole cluster', () => {
    expect(parsed(false).config.featureGates).toEqual({ KubeletCrashLoopBackOffMax: true });
  });

  it.each([
    { cgroupV1: false, failCgroupV1: undefined },
    { cgroupV1: true, failCgroupV1: false },
  ])('patches the KubeletConfiguration (cgroupV1=$cgroupV1)', ({ cgroupV1, failCgroupV1 }) => {
    const { patch } = parsed(cgroupV1);
    expect(patch.apiVersion).toBe('kubelet.config.k8s.io/v1beta1');
    expect(patch.kind).toBe('KubeletConfiguration');
    expect(patch.crashLoopBackOff).toEqual({ maxContainerRestartPeriod: '10s' });
    expect(patch.featureGates).toEqual({ KubeletCrashLoopBackOffMax: true });
    expect(patch.failCgroupV1).toBe(failCgroupV1);
    expect(Object.keys(patch).sort()).toEqual(
      ['apiVersion', 'kind', 'featureGates', 'crashLoopBackOff', ...(cgroupV1 ? ['failCgroupV1'] : [])].sort(),
    );
  });

  it('accepts another image and name', () => {
    const config = parse(kindConfig({ cgroupV1: false, image: 'kindest/node:v1.35.8', name: 'other' }));
    expect(config.name).toBe('other');
    expect(config.nodes[0].image).toBe('kindest/node:v1.35.8');
  });

  it('publishes the API server on 127.0.0.1 (kind\'s default) unless up --listen names an address', () => {
    expect(parse(kindConfig({ cgroupV1: false })).networking).toBeUndefined();
    expect(parse(kindConfig({ cgroupV1: false, apiServerAddress: '192.168.1.20' })).networking).toEqual({ apiServerAddress: '192.168.1.20' });
  });
});
