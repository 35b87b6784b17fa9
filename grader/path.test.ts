import { describe, expect, it } from 'vitest';
import { parsePath, readPath } from './path.ts';

const deployment = {
  spec: {
    replicas: 2,
    paused: false,
    template: {
      metadata: { labels: { app: 'api', 'app.kubernetes.io/name': 'api' } },
      spec: {
        containers: [
          {
            name: 'sidecar',
            image: 'busybox:1.36',
          },
          {
            name: 'api',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'exec app'],
            resources: { limits: { memory: '200Mi' }, requests: { 'kubedrill.io/slot': '1', cpu: '100m' } },
          },
        ],
      },
    },
  },
};

describe('readPath', () => {
  it.each([
    ['spec.replicas', 2],
    ['spec.paused', false],
    ['spec.template.spec.containers[name=api].resources.limits.memory', '200Mi'],
    ['spec.template.spec.containers[name="api"].image', 'busybox:1.36'],
    ['spec.template.spec.containers[1].command[2]', 'exec app'],
    ['spec.template.spec.containers.1.name', 'api'],
    ['spec.template.spec.containers[0].name', 'sidecar'],
    ['spec.template.spec.containers[name=api].resources.requests["kubedrill.io/slot"]', '1'],
    ["spec.template.spec.containers[name=api].resources.requests['kubedrill.io/slot']", '1'],
    ['spec.template.spec.containers[name=api].resources.requests.kubedrill.io/slot', '1'],
    ['spec.template.metadata.labels.app.kubernetes.io/name', 'api'],
    ['spec.template.metadata.labels.app', 'api'],
    ['spec.template.spec.containers[name=api].command', ['sh', '-c', 'exec app']],
  ])('%s → %j', (path, expected) => {
    expect(readPath(deployment, path)).toEqual(expected);
  });

  it.each([
    ['spec.strategy.type'],
    ['spec.template.spec.containers[name=nope].image'],
    ['spec.template.spec.containers[7].image'],
    ['spec.template.spec.containers[name=api].resources.limits.cpu'],
    ['spec.replicas.foo'],
    ['spec.template.spec.containers[name=api].resources.requests.kubedrill.io/other'],
    ['metadata.name'],
  ])('%s → undefined', (path) => {
    expect(readPath(deployment, path)).toBeUndefined();
  });

  it('selects the last item of a repeated name, the one the kubelet keeps', () => {
    const env = { env: [{ name: 'CACHE_MB', value: '16' }, { name: 'OTHER', value: 'x' }, { name: 'CACHE_MB', value: '256' }] };
    expect(readPath(env, 'env[name=CACHE_MB].value')).toBe('256');
  });

  it('reads through Date values and nulls without throwing', () => {
    expect(readPath({ a: null }, 'a.b')).toBeUndefined();
    expect(readPath({ a: { t: new Date(0) } }, 'a.t')).toEqual(new Date(0));
  });

  it.each([['a[1'], ['a[x]'], ['a[]']])('rejects malformed %s', (path) => {
    expect(() => parsePath(path)).toThrow(/path/);
  });
});
