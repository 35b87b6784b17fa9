import { describe, expect, it } from 'vitest';
import { compareValue } from './compare.ts';
import type { CheckOf } from './outcome.ts';

type Op = CheckOf<'fieldCompare'>['op'];
type Value = CheckOf<'fieldCompare'>['value'];

describe('compareValue', () => {
  it.each<[Op, unknown, Value, boolean, boolean, string]>([
    ['eq', 'busybox:1.36', 'busybox:1.36', false, true, '"busybox:1.36"'],
    ['eq', 'busybox:1.37', 'busybox:1.36', false, false, '"busybox:1.36"'],
    ['eq', 2, 2, false, true, '2'],
    ['eq', 2, '2', false, true, '"2"'],
    ['eq', true, true, false, true, 'true'],
    ['eq', undefined, 'x', false, false, '"x"'],
    ['eq', ['a', 'b'], ['a', 'b'], false, true, '["a","b"]'],
    ['eq', '512Mi', '0.5Gi', true, true, '0.5Gi'],
    ['eq', '500M', '0.5Gi', true, false, '0.5Gi'],
    ['ne', 'Recreate', 'RollingUpdate', false, true, 'anything but "RollingUpdate"'],
    ['ne', 'x', 'x', false, false, 'anything but "x"'],
    ['ne', undefined, 'x', false, true, 'anything but "x"'],
    ['gt', 2000, 1000, false, true, '> 1000'],
    ['gt', 1000, 1000, false, false, '> 1000'],
    ['gte', 1000, 1000, false, true, '>= 1000'],
    ['gte', '3', 2, false, true, '>= 2'],
    ['lt', 1, 2, false, true, '< 2'],
    ['lte', 3, 2, false, false, '<= 2'],
    ['gte', '200M', '160Mi', true, true, '>= 160Mi'],
    ['gte', '0.5Gi', '160Mi', true, true, '>= 160Mi'],
    ['gte', '160Mi', '160Mi', true, true, '>= 160Mi'],
    ['gte', '64Mi', '160Mi', true, false, '>= 160Mi'],
    ['gte', 167772160, '160Mi', true, true, '>= 160Mi'],
    ['lte', '1Gi', '1Gi', true, true, '<= 1Gi'],
    ['lte', '2Gi', '1Gi', true, false, '<= 1Gi'],
    ['lt', '1000M', '1Gi', true, true, '< 1Gi'],
    ['lt', '1100M', '1Gi', true, false, '< 1Gi'],
    ['gt', '500m', '0.1', true, true, '> 0.1'],
    ['gte', undefined, '160Mi', true, false, '>= 160Mi'],
    ['gte', undefined, 1, false, false, '>= 1'],
    ['exists', 'x', undefined, false, true, 'a value'],
    ['exists', 0, undefined, false, true, 'a value'],
    ['exists', undefined, undefined, false, false, 'a value'],
    ['exists', null, undefined, false, false, 'a value'],
    ['absent', undefined, undefined, false, true, 'nothing'],
    ['absent', '', undefined, false, false, 'nothing'],
    ['contains', 'mode=production\nlevel=info', 'mode=production', false, true, 'a value containing "mode=production"'],
    ['contains', ['Egress'], 'Egress', false, true, 'a value containing "Egress"'],
    ['contains', ['Ingress'], 'Egress', false, false, 'a value containing "Egress"'],
    ['contains', { 'kubedrill.io/slot': '1' }, 'kubedrill.io/slot', false, true, 'a value containing "kubedrill.io/slot"'],
    ['contains', undefined, 'x', false, false, 'a value containing "x"'],
    ['in', 'busybox:1.36', ['busybox:1.36', 'busybox:1.36.1'], false, true, 'one of "busybox:1.36", "busybox:1.36.1"'],
    ['in', 'busybox:1.37', ['busybox:1.36'], false, false, 'one of "busybox:1.36"'],
    ['in', '1024Mi', ['1Gi', '2Gi'], true, true, 'one of 1Gi, 2Gi'],
  ])('%s %j vs %j (quantity %s) → %s', (op, seen, value, quantity, holds, expected) => {
    const result = compareValue(op, seen, value, { quantity });
    expect(result.holds).toBe(holds);
    expect(result.expected).toBe(expected);
  });

  it.each<[Op, unknown, Value, boolean, string]>([
    ['gte', 'lots', '160Mi', true, 'not a quantity'],
    ['gt', 'many', 2, false, 'not a number'],
  ])('%s on %j says why it cannot compare', (op, seen, value, quantity, note) => {
    expect(compareValue(op, seen, value, { quantity })).toMatchObject({ holds: false, note });
  });

  it.each<[Op, Value, boolean, RegExp]>([
    ['eq', undefined, false, /op "eq" needs a value/],
    ['in', 'x', false, /needs a list value/],
    ['gte', 'big', true, /not a Kubernetes quantity/],
    ['gt', 'x', false, /is not a number/],
  ])('throws on a scenario bug: %s %j', (op, value, quantity, message) => {
    expect(() => compareValue(op, 1, value, { quantity })).toThrow(message);
  });
});
