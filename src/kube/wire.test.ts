import { dumpYaml } from '@kubernetes/client-node';
import { parse as load } from 'yaml';
import { describe, expect, it } from 'vitest';
import { typedForClient } from './wire.ts';

// What goes on the wire: dumpYaml serializes a body the way KubernetesObjectApi.patch does.
const wire = (object: object): unknown => load(dumpYaml(object));

describe('typedForClient', () => {
  const policy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'backend-allow-frontend', namespace: 'ingress' },
    spec: {
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 'http' }] }],
    },
  };

  it('keeps an ingress rule\'s from, which a plain object loses', () => {
    expect((wire(policy) as typeof policy).spec.ingress[0]).not.toHaveProperty('from');
    expect(wire(typedForClient(policy))).toEqual(policy);
  });

  it('leaves an object whose names all match the model as it was', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { terminationGracePeriodSeconds: 2, containers: [{ name: 'web', image: 'busybox:1.36', resources: { limits: { memory: '64Mi' } }, readinessProbe: { httpGet: { path: '/', port: 8080 } } }] } } },
    };
    expect(wire(typedForClient(deployment))).toEqual(deployment);
  });
});
