import type { V1LabelSelector } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { forName, implies, isEmptySelector, pinnedNames } from './selectors.ts';

const labels = (matchLabels: Record<string, string>): V1LabelSelector => ({ matchLabels });
const expr = (key: string, operator: string, values?: string[]): V1LabelSelector => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

describe('implies', () => {
  it.each<[string, V1LabelSelector, V1LabelSelector, boolean]>([
    ['anything implies {}', labels({ app: 'db' }), {}, true],
    ['{} implies nothing narrower', {}, labels({ app: 'db' }), false],
    ['same labels', labels({ app: 'db' }), labels({ app: 'db' }), true],
    ['more labels imply fewer', labels({ app: 'db', tier: 'x' }), labels({ app: 'db' }), true],
    ['other value', labels({ app: 'legacy-db' }), labels({ app: 'db' }), false],
    ['In (db) is app=db', expr('app', 'In', ['db']), labels({ app: 'db' }), true],
    ['In (db,legacy-db) is wider than app=db', expr('app', 'In', ['db', 'legacy-db']), labels({ app: 'db' }), false],
    ['app=db implies In (db,x)', labels({ app: 'db' }), expr('app', 'In', ['db', 'x']), true],
    ['Exists is wider than app=db', expr('app', 'Exists'), labels({ app: 'db' }), false],
    ['app=db implies Exists app', labels({ app: 'db' }), expr('app', 'Exists'), true],
    ['app=db implies NotIn (x)', labels({ app: 'db' }), expr('app', 'NotIn', ['x']), true],
    ['NotIn (x,y) implies NotIn (x)', expr('app', 'NotIn', ['x', 'y']), expr('app', 'NotIn', ['x']), true],
    ['NotIn (x) does not imply NotIn (x,y)', expr('app', 'NotIn', ['x']), expr('app', 'NotIn', ['x', 'y']), false],
    ['DoesNotExist implies NotIn', expr('app', 'DoesNotExist'), expr('app', 'NotIn', ['x']), true],
    ['an unknown operator implies nothing', expr('app', 'Gt', ['1']), expr('app', 'Exists'), false],
  ])('%s', (_name, narrow, wide, want) => {
    expect(implies(narrow, wide)).toBe(want);
  });
});

describe('namespace names', () => {
  it.each<[string, V1LabelSelector, string[] | undefined]>([
    ['matchLabels', labels({ 'kubernetes.io/metadata.name': 'kube-system' }), ['kube-system']],
    ['In', expr('kubernetes.io/metadata.name', 'In', ['a', 'b']), ['a', 'b']],
    ['both intersect', { matchLabels: { 'kubernetes.io/metadata.name': 'a' }, matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] }] }, ['a']],
    ['not pinned', labels({ team: 'infra' }), undefined],
    ['NotIn pins nothing', expr('kubernetes.io/metadata.name', 'NotIn', ['a']), undefined],
    ['{}', {}, undefined],
  ])('%s', (_name, selector, want) => {
    expect(pinnedNames(selector)).toEqual(want);
  });

  it('narrows to one name, keeping the rest', () => {
    const selector: V1LabelSelector = { matchLabels: { team: 'x' }, matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] }] };
    expect(forName(selector, 'b')).toEqual({ matchLabels: { team: 'x', 'kubernetes.io/metadata.name': 'b' } });
  });

  it('knows the empty selector', () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptySelector(expr('app', 'Exists'))).toBe(false);
  });
});
