import { describe, expect, it } from 'vitest';
import { clusterNames, clusterSuffix, withClusterSuffix, withNamespaceSuffix, withoutSuffixVariable } from './cluster-names.ts';
import type { ScenarioView } from './scenario-view.ts';
import type { KubeObject } from '../../grader/types.ts';

const priorityClass: KubeObject = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'batch-high' }, value: 1000 };
const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nightly', annotations: { note: 'runs at batch-high, not batch-high-never' } },
  spec: {
    template: {
      spec: {
        priorityClassName: 'batch-high',
        containers: [{ name: 'n', image: 'busybox:1.36', resources: { requests: { 'example.com/slot': '2' }, limits: { 'example.com/slot': '2' } } }],
      },
    },
  },
};
const view: ScenarioView = {
  id: 'p',
  exclusive: true,
  namespace: 'p',
  preconditions: [],
  inject: [{ nodeResource: { name: 'example.com/slot', quantity: '2' } }, { apply: 'manifests/n.yaml' }],
  symptom: { description: 'x', timeout: '60s', all: [{ kind: 'podPending', workload: 'nightly', reason: 'Unschedulable' }], any: [] },
  checks: [
    { id: 'slot', description: 'd', kind: 'fieldCompare', object: { kind: 'Deployment', name: 'nightly' }, path: 'spec.template.spec.containers[name=n].resources.requests["example.com/slot"]', op: 'eq', value: '2', quantity: true, points: 1, gate: true },
  ] as ScenarioView['checks'],
  keep: [{ kind: 'PriorityClass', name: 'batch-high' }],
  manifests: [{ file: 'manifests/n.yaml', path: '/s/manifests/n.yaml', objects: [priorityClass, deployment] }],
  injected: [priorityClass, deployment],
};

describe('withClusterSuffix', () => {
  it('finds the node resources and cluster-scoped objects a scenario creates', () => {
    expect(clusterNames(view)).toEqual(['example.com/slot', 'batch-high']);
  });

  it('gives each of them the suffix wherever the engine reads it, as whole tokens only', () => {
    const s = withClusterSuffix(view, clusterSuffix('v1a'));
    expect(s.inject[0]).toEqual({ nodeResource: { name: 'example.com/slot-v1a', quantity: '2' } });
    const [pc, d] = s.injected as [KubeObject, { metadata: { annotations: Record<string, string> }; spec: { template: { spec: { priorityClassName: string; containers: Array<{ resources: unknown }> } } } }];
    expect(pc.metadata.name).toBe('batch-high-v1a');
    expect(d.spec.template.spec.priorityClassName).toBe('batch-high-v1a');
    expect(d.spec.template.spec.containers[0]!.resources).toEqual({ requests: { 'example.com/slot-v1a': '2' }, limits: { 'example.com/slot-v1a': '2' } });
    // A longer name that merely starts with a cluster name is someone else's.
    expect(d.metadata.annotations.note).toBe('runs at batch-high-v1a, not batch-high-never');
    expect((s.checks[0] as { path: string }).path).toBe('spec.template.spec.containers[name=n].resources.requests["example.com/slot-v1a"]');
    expect(s.keep).toEqual([{ kind: 'PriorityClass', name: 'batch-high-v1a' }]);
    expect(s.manifests[0]!.objects[0]!.metadata.name).toBe('batch-high-v1a');
    expect(s.manifests[0]!.file).toBe('manifests/n.yaml');
    // The written scenario is untouched.
    expect(view.injected[0]!.metadata.name).toBe('batch-high');
  });

  it('leaves a learner attempt (no suffix) and a namespaced-only scenario as written', () => {
    expect(withClusterSuffix(view, '')).toBe(view);
    const plain = { ...view, inject: [{ apply: 'manifests/n.yaml' }], manifests: [{ ...view.manifests[0]!, objects: [deployment] }] } as ScenarioView;
    expect(withClusterSuffix(plain, '-v1')).toBe(plain);
  });

  it('gives a node label key set by an inject step the suffix, in the selector and the check that read it', () => {
    const pinned = { ...deployment, spec: { template: { spec: { nodeSelector: { 'kubedrill.io/disk': 'ssd' }, containers: [] } } } } as KubeObject;
    const labelled = {
      ...view,
      inject: [{ nodeLabel: { key: 'kubedrill.io/disk', value: 'ssd' } }, { apply: 'manifests/n.yaml' }],
      manifests: [{ ...view.manifests[0]!, objects: [pinned] }],
      injected: [pinned],
      checks: [{ id: 'placed', description: 'd', kind: 'nodeTargeted', workload: 'nightly', key: 'kubedrill.io/disk', value: 'ssd', points: 1, gate: false }],
      keep: [],
    } as ScenarioView;
    const s = withClusterSuffix(labelled, clusterSuffix('v2b'));
    expect(s.inject[0]).toEqual({ nodeLabel: { key: 'kubedrill.io/disk-v2b', value: 'ssd' } });
    expect((s.injected[0] as unknown as { spec: { template: { spec: { nodeSelector: unknown } } } }).spec.template.spec.nodeSelector).toEqual({ 'kubedrill.io/disk-v2b': 'ssd' });
    expect((s.checks[0] as { key: string }).key).toBe('kubedrill.io/disk-v2b');
  });

  it('gives a seeded host directory the suffix, in the step and in the PersistentVolume that mounts it', () => {
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'inv-pv' }, spec: { hostPath: { path: '/tmp/kd-inv', type: 'Directory' } } } as KubeObject;
    const seeded = { ...view, inject: [{ hostFiles: { path: '/tmp/kd-inv', files: { 'a.csv': 'x' } } }, { apply: 'manifests/n.yaml' }], manifests: [{ ...view.manifests[0]!, objects: [pv] }], injected: [], checks: [], keep: [] } as ScenarioView;
    const s = withClusterSuffix(seeded, clusterSuffix('v2c'));
    expect(s.inject[0]).toEqual({ hostFiles: { path: '/tmp/kd-inv-v2c', files: { 'a.csv': 'x' } } });
    expect(s.manifests[0]!.objects[0]).toMatchObject({ metadata: { name: 'inv-pv-v2c' }, spec: { hostPath: { path: '/tmp/kd-inv-v2c' } } });
  });
});

describe('withNamespaceSuffix with one namespace', () => {
  it('renames fields called namespace that name it (a PV claimRef), not keys or words that spell it', () => {
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, claimRef: { namespace: 'storage', name: 'data' }, note: 'storage' } } as unknown as KubeObject;
    const one = { ...view, namespace: 'storage', manifests: [{ ...view.manifests[0]!, objects: [pv] }], injected: [pv], keep: [] } as ScenarioView;
    const { scenario, namespaces } = withNamespaceSuffix(one, clusterSuffix('v3a'));
    expect(namespaces).toEqual({});
    for (const o of [scenario.manifests[0]!.objects[0], scenario.injected[0]]) {
      expect(o).toMatchObject({ spec: { capacity: { storage: '1Gi' }, claimRef: { namespace: 'storage-v3a', name: 'data' }, note: 'storage' } });
    }
    expect(withNamespaceSuffix(one, '').scenario).toBe(one);
  });
});

describe('withoutSuffixVariable', () => {
  it('drops $KD_SUFFIX in every spelling, so a printed solution reads as the learner types it', () => {
    expect(withoutSuffixVariable('kubectl create priorityclass pc$KD_SUFFIX --value=1\n"pc${KD_SUFFIX}" "pc${KD_SUFFIX:-}"')).toBe('kubectl create priorityclass pc --value=1\n"pc" "pc"');
    expect(withoutSuffixVariable('$KD_SUFFIXES stays')).toBe('$KD_SUFFIXES stays');
  });
});
