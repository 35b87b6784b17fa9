import type { V1PodSpec } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { admitsNode, nodeTargeted } from './node-targeted.ts';

describe('nodeTargeted', () => {
  const key = 'kubedrill.io/disk';
  // The app's pods and the one node, its kubedrill.io/disk label `nodeValue` (null: none).
  const state = (spec: Partial<V1PodSpec>, nodeValue: string | null): Snapshot => {
    const s = snapshot(workload('app'));
    Object.assign(s.deployments[0]!.spec!.template.spec!, spec);
    s.nodes = [{ metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1', ...(nodeValue === null ? {} : { [key]: nodeValue }) } } }];
    return s;
  };
  const required = (...terms: Array<Array<{ key: string; operator: string; values?: string[] }>>): Partial<V1PodSpec> => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms.map((matchExpressions) => ({ matchExpressions })) } } },
  });
  it.each<[string, Partial<V1PodSpec>, string | null, RegExp | undefined]>([
    ['a nodeSelector on the label', { nodeSelector: { [key]: 'ssd' } }, 'ssd', undefined],
    ['a required affinity In the value', required([{ key, operator: 'In', values: ['ssd', 'nvme'] }]), 'ssd', undefined],
    ['the selector with its typo', { nodeSelector: { [key]: 'sdd' } }, 'ssd', /expected its node constraints to admit node node-1 \(labelled kubedrill\.io\/disk=ssd\), saw nodeSelector \{"kubedrill\.io\/disk":"sdd"\} that refuse it$/],
    ['the node relabelled to the typo', { nodeSelector: { [key]: 'sdd' } }, 'sdd', /expected a node labelled kubedrill\.io\/disk=ssd .*, saw node-1: kubedrill\.io\/disk=sdd$/],
    ['the label taken off the node', {}, null, /saw no node with label kubedrill\.io\/disk$/],
    ['no constraint at all', {}, 'ssd', /saw them admit node node-1 without that label too/],
    ['pinned by hostname', { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } }, 'ssd', /without that label too/],
    ['bound by nodeName', { nodeName: 'node-1', nodeSelector: { [key]: 'ssd' } }, 'ssd', /nodeName: expected the scheduler to place the pods by label kubedrill\.io\/disk=ssd, saw them bound to node "node-1"$/],
    ['Exists admits any value', required([{ key, operator: 'Exists' }]), 'ssd', /with kubedrill\.io\/disk=kubedrill-other-value too/],
    ['NotIn the typo', required([{ key, operator: 'NotIn', values: ['sdd'] }]), 'ssd', /without that label too/],
    ['a second term by hostname', required([{ key, operator: 'In', values: ['ssd'] }], [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }]), 'ssd', /without that label too/],
  ])('%s', (_name, spec, nodeValue, reason) => {
    const verdict = nodeTargeted(check('nodeTargeted', { workload: 'app', key, value: 'ssd' }), context(state(spec, nodeValue)));
    if (reason) expect(verdict.reason).toMatch(reason);
    else expect(verdict.reason).toBe('Deployment app pods are placed by label kubedrill.io/disk=ssd: node node-1 is admitted with it and would be refused without it or with another value');
    expect(verdict.passed).toBe(reason === undefined);
  });
  it('admitsNode: an empty term selects nothing; Gt and Lt compare integers', () => {
    const node = { name: 'n', labels: { cores: '8' } };
    expect(admitsNode({ containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } }, node)).toBe(false);
    expect(admitsNode({ containers: [], ...required([{ key: 'cores', operator: 'Gt', values: ['4'] }]) }, node)).toBe(true);
    expect(admitsNode({ containers: [], ...required([{ key: 'cores', operator: 'Lt', values: ['4'] }]) }, node)).toBe(false);
  });
});
