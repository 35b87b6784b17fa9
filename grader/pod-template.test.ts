import type { V1Pod, V1PodTemplateSpec } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/replay.ts';
import { templateDrift } from './pod-template.ts';
import { resolveWorkload } from './workload.ts';

// A real pod and the ReplicaSet template it was made from (pending-requests after its solution).
const fixture = await loadFixture('recorded/pending-requests-fixed');
const owned = (): { pod: V1Pod; template: V1PodTemplateSpec } => {
  const pod = structuredClone(fixture.snapshot.pods.find((p) => p.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet' && !p.metadata.deletionTimestamp)!);
  const rs = fixture.snapshot.replicaSets.find((r) => r.metadata?.uid === pod.metadata?.ownerReferences?.[0]?.uid)!;
  return { pod, template: structuredClone(rs.spec!.template!) };
};

describe('templateDrift', () => {
  it('a pod as its controller made it does not differ (token volume, default tolerations, ServiceAccount name are admission\'s)', () => {
    const { pod, template } = owned();
    expect(pod.spec?.volumes?.some((v) => v.name.startsWith('kube-api-access-'))).toBe(true);
    expect(templateDrift(pod, template)).toBeUndefined();
  });

  it.each<[string, (pod: V1Pod) => void, string | undefined]>([
    ['image set in place', (p) => (p.spec!.containers[0]!.image = 'busybox:1.37'), 'spec.containers[name=api].image'],
    ['resized in place', (p) => (p.spec!.containers[0]!.resources = { requests: { cpu: '10m' } }), 'spec.containers[name=api].resources'],
    ['a toleration added', (p) => p.spec!.tolerations!.push({ key: 'example.io/any', operator: 'Exists' }), 'spec.tolerations'],
    ['a deadline set', (p) => (p.spec!.activeDeadlineSeconds = 600), 'spec.activeDeadlineSeconds'],
    ['adopted, running another command', (p) => (p.spec!.containers[0]!.command = ['sleep', '3600']), 'spec.containers[name=api].command'],
    ['adopted, with a second container', (p) => p.spec!.containers.push({ name: 'extra', image: 'busybox:1.36' }), 'spec.containers'],
    ['adopted, pinned to a node by hand', (p) => (p.spec!.nodeSelector = { 'kubernetes.io/hostname': 'node-1' }), 'spec.nodeSelector'],
    ['a debug container added (kubectl debug)', (p) => (p.spec!.ephemeralContainers = [{ name: 'debugger', image: 'busybox:1.36' }]), undefined],
    ['a limit a LimitRange filled in where the template sets none', (p) => (p.spec!.containers[0]!.resources = { ...p.spec!.containers[0]!.resources, limits: { memory: '64Mi' } }), undefined],
    ['labels changed (metadata is not the template\'s business here)', (p) => (p.metadata!.labels = { ...p.metadata!.labels, extra: 'yes' }), undefined],
  ])('%s', (_name, change, path) => {
    const { pod, template } = owned();
    change(pod);
    expect(templateDrift(pod, template)).toBe(path);
  });

  it('fails every check of the workload, naming the pod and the field', () => {
    const snapshot = structuredClone(fixture.snapshot);
    const pod = snapshot.pods.find((p) => p.metadata?.ownerReferences?.[0]?.kind === 'ReplicaSet' && !p.metadata.deletionTimestamp)!;
    pod.spec!.containers[0]!.image = 'busybox:1.37';
    const resolved = resolveWorkload({ snapshot, name: 'api', fingerprint: fixture.fingerprint });
    expect(resolved).toMatchObject({ ok: false, where: { kind: 'Pod', name: pod.metadata?.name, path: 'spec.containers[name=api].image' } });
    expect(resolved.ok ? '' : resolved.reason).toMatch(/^pod api-[a-z0-9-]+ of Deployment api differs from the template its ReplicaSet api-[a-z0-9]+ made it from, at spec\.containers\[name=api\]\.image \(changed in place, or made elsewhere and adopted\)/);
  });
});
