import { describe, expect, it } from 'vitest';
import { readDefaulted } from './resources.ts';

const template = (resources: unknown): unknown => ({ spec: { template: { spec: { containers: [{ name: 'worker', resources }] } } } });
const at = (rest: string): string => `spec.template.spec.containers[name=worker].resources.${rest}`;

describe('readDefaulted: requests as the API server defaults them on pods', () => {
  it.each<[string, unknown, string, unknown]>([
    ['a request written', template({ limits: { memory: '256Mi' }, requests: { memory: '64Mi' } }), at('requests.memory'), '64Mi'],
    ['no requests: the limit', template({ limits: { memory: '256Mi' } }), at('requests.memory'), '256Mi'],
    ['requests for cpu only: memory from its limit', template({ limits: { memory: '256Mi' }, requests: { cpu: '100m' } }), at('requests.memory'), '256Mi'],
    ['neither', template({}), at('requests.memory'), undefined],
    ['a limit is never defaulted from a request', template({ requests: { memory: '64Mi' } }), at('limits.memory'), undefined],
    ['the whole requests map', template({ limits: { memory: '256Mi', cpu: '1' }, requests: { cpu: '100m' } }), at('requests'), { memory: '256Mi', cpu: '100m' }],
    ['the whole map, no limits', template({ requests: { cpu: '100m' } }), at('requests'), { cpu: '100m' }],
    ['an extended resource, quoted', template({ limits: { 'kubedrill.io/slot': '1' } }), at('requests["kubedrill.io/slot"]'), '1'],
    ['an extended resource, dotted', template({ limits: { 'kubedrill.io/slot': '1' } }), at('requests.kubedrill.io/slot'), '1'],
    ['other paths as they are', template({ limits: { memory: '256Mi' } }), 'spec.template.spec.containers[name=worker].name', 'worker'],
  ])('%s', (_name, obj, path, value) => {
    expect(readDefaulted(obj, path)).toEqual(value);
  });
});
