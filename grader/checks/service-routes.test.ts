import { describe, expect, it } from 'vitest';
import type { V1EndpointSlice, V1Service } from '@kubernetes/client-node';
import { container, fakeUid, pod, snapshot, workload } from '../fixtures/builders.ts';
import { check, context } from '../fixtures/test-context.ts';
import type { Snapshot } from '../types.ts';
import { controllerManaged, serviceRoutes } from './service-routes.ts';

const webPorts = [container('web', { ports: [{ name: 'web', containerPort: 8080 }] })];
const web = (): Partial<Snapshot> => {
  const parts = workload('webapp', { replicas: 2, labels: { app: 'webapp', tier: 'web' }, containers: webPorts });
  parts.pods?.forEach((p, i) => (p.status = { ...p.status, podIP: `10.244.0.${10 + i}` }));
  return parts;
};
const decoy = (): Partial<Snapshot> => workload('web-preview', { labels: { app: 'web-preview', tier: 'web' } });
const svcUid = fakeUid('svc/web');
const service = (spec: V1Service['spec']): Partial<Snapshot> => ({ services: [{ metadata: { name: 'web', uid: svcUid }, spec }] });
const slice = (o: { name?: string; managedBy?: string; owned?: boolean; ips?: string[]; ports?: { name?: string; port?: number }[] } = {}): V1EndpointSlice => ({
  addressType: 'IPv4',
  metadata: {
    name: o.name ?? 'web-abcde',
    labels: { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': o.managedBy ?? controllerManaged },
    ownerReferences: o.owned === false ? [] : [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svcUid, controller: true }],
  },
  endpoints: (o.ips ?? ['10.244.0.10', '10.244.0.11']).map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
  ports: o.ports ?? [{ name: '', port: 8080, protocol: 'TCP' }],
});
const good = { selector: { app: 'webapp' }, ports: [{ port: 8080, targetPort: 'web' as unknown as number }] };
const params = { service: 'web', workload: 'webapp', port: 8080, targetPort: 8080 };

describe('serviceRoutes', () => {
  it.each<[string, Partial<Snapshot>[], boolean, RegExp, boolean?]>([
    ['the selector and the port name resolve to the pods', [service(good), { endpointSlices: [slice()] }], true, /^Service web \(selector app=webapp\) routes port 8080 to 8080 on 2 Ready pods of Deployment webapp and nothing else/],
    ['a numeric targetPort', [service({ ...good, ports: [{ port: 8080, targetPort: 8080 }] }), { endpointSlices: [slice()] }], true, /routes port 8080 to 8080/],
    ['two labels that only the pods carry', [service({ ...good, selector: { app: 'webapp', tier: 'web' } }), { endpointSlices: [slice()] }], true, /selector app=webapp,tier=web/],
    ['the injected typo', [service({ ...good, selector: { app: 'web-app' } }), { endpointSlices: [] }], false, /^Service web spec\.selector: expected it to match the pod template of Deployment webapp \(labels app=webapp,tier=web\), saw app=web-app/, true],
    ['a broad selector catches the decoy', [service({ ...good, selector: { tier: 'web' } }), decoy(), { endpointSlices: [slice()] }], false, /selector tier=web also matches the pod template of Deployment web-preview/, true],
    ['today\'s ReplicaSet only', [service({ ...good, selector: { app: 'webapp', 'pod-template-hash': '5d8f7c9b6d' } }), { endpointSlices: [slice()] }], false, /pods, today's and the next rollout's, are not selected/, true],
    ['no selector, hand-fed', [service({ ports: good.ports }), { endpointSlices: [slice({ managedBy: 'staff', name: 'web-manual' })] }], false, /spec\.selector: expected labels .* saw none/, true],
    ['an ExternalName alias', [service({ type: 'ExternalName', externalName: 'web-internal.drill.svc.cluster.local' })], false, /spec\.type: expected a Service that selects pods, saw ExternalName/, true],
    ['a hand-made slice beside the controller\'s', [service(good), { endpointSlices: [slice(), slice({ name: 'extra', managedBy: 'me', ips: ['10.244.0.99'] })] }], false, /^EndpointSlice extra of Service web is not the EndpointSlice controller's \(managed-by "me"\)/, true],
    ['a port name no container has', [service({ ...good, ports: [{ port: 8080, targetPort: 'http' as unknown as number }] }), { endpointSlices: [slice({ ports: [] })] }], false, /targetPort: expected the port Deployment webapp serves on, 8080 \(by number or by its name\), saw "http", a name no container .* \(its ports: web=8080\)/, true],
    ['a wrong number', [service({ ...good, ports: [{ port: 8080, targetPort: 8081 }] })], false, /saw 8081$/, true],
    ['a relabelled bare pod', [service(good), { pods: [{ ...pod(undefined, { name: 'loose', labels: { app: 'webapp', tier: 'web' } }) }] }, { endpointSlices: [slice()] }], false, /also selects pod loose \(a bare pod\)/],
    ['the controller has not listed a pod yet', [service(good), { endpointSlices: [slice({ ips: ['10.244.0.10'] })] }], false, /expected Ready pod webapp-5d8f7c9b6d-m4q9z \(10\.244\.0\.11\) .* as a ready endpoint, saw it missing/],
    ['a slice without the port', [service(good), { endpointSlices: [slice({ ports: [] })] }], false, /lists pod webapp-5d8f7c9b6d-m4q9z with no port 8080 \(its ports: none\)/],
    ['no Service', [], false, /^Service web not found/, true],
  ])('%s', (_name, parts, passed, reason, final) => {
    const ctx = context(snapshot(web(), ...parts), { fingerprint: { 'Deployment/webapp': fakeUid('deploy/webapp') } });
    const verdict = serviceRoutes(check('serviceRoutes', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(verdict.final ?? false).toBe(final ?? false);
  });
});
