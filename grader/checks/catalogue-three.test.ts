import type { V1PodSpec } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { admitsNode, nodeLabelKey, nodeTargeted } from './node-targeted.ts';

describe('nodeTargeted', () => {
  const key = 'kubedrill.io/disk';
  // The app's pods and the one node, its kubedrill.io/disk label `nodeValue` (null: none).
  const state = (spec: Partial<V1PodSpec>, nodeValue: string | null): Snapshot => {
    const s = snapshot(workload('app'));
    Object.assign(s.deployments[0]!.spec!.template.spec!, spec);
    for (const p of s.pods) Object.assign(p.spec!, spec); // the pods made from it
    s.nodes = [{ metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1', ...(nodeValue === null ? {} : { [key]: nodeValue }) } } }];
    return s;
  };
  const required = (...terms: Array<Array<{ key: string; operator: string; values?: string[] }>>): Partial<V1PodSpec> => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms.map((matchExpressions) => ({ matchExpressions })) } } },
  });
  it.each<[string, Partial<V1PodSpec>, string | null, RegExp | undefined]>([
    ['a nodeSelector on the label', { nodeSelector: { [key]: 'ssd' } }, 'ssd', undefined],
    ['a required affinity In the value', required([{ key, operator: 'In', values: ['ssd'] }]), 'ssd', undefined],
    ['selector and affinity together', { nodeSelector: { [key]: 'ssd' }, ...required([{ key, operator: 'Exists' }]) }, 'ssd', undefined],
    ['a wider In narrowed by NotIn in the same term', required([{ key, operator: 'In', values: ['ssd', 'sdd'] }, { key, operator: 'NotIn', values: ['sdd'] }]), 'ssd', undefined],
    ['the selector with its typo', { nodeSelector: { [key]: 'sdd' } }, 'ssd', /expected its node constraints to admit node node-1 \(labelled kubedrill\.io\/disk=ssd\), saw nodeSelector \{"kubedrill\.io\/disk":"sdd"\} that refuse it$/],
    ['the node relabelled to the typo', { nodeSelector: { [key]: 'sdd' } }, 'sdd', /expected a node labelled kubedrill\.io\/disk=ssd .*, saw node-1: kubedrill\.io\/disk=sdd$/],
    ['the label taken off the node', {}, null, /saw no node with label kubedrill\.io\/disk$/],
    ['no constraint at all', {}, 'ssd', /saw: its nodeSelector admits a node without label kubedrill\.io\/disk/],
    ['pinned by hostname', { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } }, 'ssd', /its nodeSelector admits a node without label kubedrill\.io\/disk/],
    ['bound by nodeName', { nodeName: 'node-1', nodeSelector: { [key]: 'ssd' } }, 'ssd', /nodeName: expected the scheduler to place the pods by label kubedrill\.io\/disk=ssd, saw them bound to node "node-1"$/],
    ['Exists admits any value', required([{ key, operator: 'Exists' }]), 'ssd', /node affinity term 1 admits a node with kubedrill\.io\/disk=kubedrill-other-value/],
    ['NotIn the typo', required([{ key, operator: 'NotIn', values: ['sdd'] }]), 'ssd', /term 1 admits a node without label kubedrill\.io\/disk/],
    ['In the value and the typo', required([{ key, operator: 'In', values: ['ssd', 'sdd'] }]), 'ssd', /term 1 admits a node with kubedrill\.io\/disk=sdd/],
    ['In the value and another', required([{ key, operator: 'In', values: ['ssd', 'nvme'] }]), 'ssd', /term 1 admits a node with kubedrill\.io\/disk=nvme/],
    ['Gt a number', required([{ key, operator: 'In', values: ['ssd'] }], [{ key, operator: 'Gt', values: ['4'] }]), 'ssd', /term 2 admits a node with kubedrill\.io\/disk=5/],
    ['a second term by hostname', required([{ key, operator: 'In', values: ['ssd'] }], [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }]), 'ssd', /term 2 admits a node without label/],
    ['a second term for another host', required([{ key, operator: 'In', values: ['ssd'] }], [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-9'] }]), 'ssd', /term 2 admits a node without label/],
  ])('%s', (_name, spec, nodeValue, reason) => {
    const verdict = nodeTargeted(check('nodeTargeted', { workload: 'app', key, value: 'ssd' }), context(state(spec, nodeValue)));
    if (reason) expect(verdict.reason).toMatch(reason);
    else expect(verdict.reason).toBe('Deployment app pods are placed by label kubedrill.io/disk=ssd: node node-1 is admitted with it, and every alternative of the constraints refuses a node without it');
    expect(verdict.passed).toBe(reason === undefined);
  });
  it('a label the constraints name must be as the node carried it at the start', () => {
    const fingerprint = { [nodeLabelKey('node-1', key)]: 'ssd', [nodeLabelKey('node-1', 'kubernetes.io/hostname')]: 'node-1' };
    const judge = (spec: Partial<V1PodSpec>, extra: Record<string, string>) => {
      const s = state(spec, 'ssd');
      Object.assign(s.nodes[0]!.metadata!.labels!, extra);
      return nodeTargeted(check('nodeTargeted', { workload: 'app', key, value: 'ssd' }), context(s, { fingerprint }));
    };
    expect(judge({ nodeSelector: { [key]: 'ssd' } }, { 'team.example/fast': 'yes' }).passed).toBe(true);
    const added = judge({ nodeSelector: { [key]: 'ssd', 'team.example/fast': 'yes' } }, { 'team.example/fast': 'yes' });
    expect(added.passed).toBe(false);
    expect(added.reason).toMatch(/^node node-1 label team\.example\/fast: expected it as it was when the task began \(absent\) .* saw "yes"$/);
  });
  it('admitsNode: an empty term selects nothing; Gt and Lt compare integers', () => {
    const node = { name: 'n', labels: { cores: '8' } };
    expect(admitsNode({ containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }, node)).toBe(false);
    expect(admitsNode({ containers: [], ...required([{ key: 'cores', operator: 'Gt', values: ['4'] }]) }, node)).toBe(true);
    expect(admitsNode({ containers: [], ...required([{ key: 'cores', operator: 'Lt', values: ['4'] }]) }, node)).toBe(false);
  });
});
