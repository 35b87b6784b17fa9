import type { V1LabelSelector } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { describeSelector, selectorMatches } from './selector.ts';

const app = { app: 'app', tier: 'web' };

describe('selectorMatches', () => {
  it.each<[string, V1LabelSelector | undefined, Record<string, string> | undefined, boolean]>([
    ['matchLabels hit', { matchLabels: { app: 'app' } }, app, true],
    ['matchLabels miss', { matchLabels: { app: 'db' } }, app, false],
    ['matchLabels needs every label', { matchLabels: { app: 'app', tier: 'db' } }, app, false],
    ['empty selector selects all', {}, app, true],
    ['empty selector selects unlabelled', {}, undefined, true],
    ['missing selector selects nothing', undefined, app, false],
    ['In hit', { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'app'] }] }, app, true],
    ['In miss', { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] }, app, false],
    ['In on absent key', { matchExpressions: [{ key: 'x', operator: 'In', values: [''] }] }, app, false],
    ['NotIn hit', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] }, app, true],
    ['NotIn miss', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['app'] }] }, app, false],
    ['NotIn on absent key', { matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['a'] }] }, app, true],
    ['Exists hit', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, app, true],
    ['Exists miss', { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, app, false],
    ['DoesNotExist hit', { matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, app, true],
    ['DoesNotExist miss', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, app, false],
    ['unknown operator', { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, app, false],
    [
      'labels and expressions together',
      { matchLabels: { tier: 'web' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['app'] }] },
      app,
      true,
    ],
  ])('%s', (_name, selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
});

describe('describeSelector', () => {
  it.each<[V1LabelSelector | undefined, string]>([
    [{ matchLabels: { app: 'api' } }, 'app=api'],
    [{}, '{} (every pod)'],
    [undefined, '<none>'],
    [
      {
        matchLabels: { app: 'a' },
        matchExpressions: [
          { key: 't', operator: 'In', values: ['x', 'y'] },
          { key: 'u', operator: 'NotIn', values: ['z'] },
          { key: 'v', operator: 'Exists' },
          { key: 'w', operator: 'DoesNotExist' },
        ],
      },
      'app=a,t in (x,y),u notin (z),v,!w',
    ],
  ])('%j → %s', (selector, text) => {
    expect(describeSelector(selector)).toBe(text);
  });
});
