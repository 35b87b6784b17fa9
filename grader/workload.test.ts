import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { deployment, fakeUid, pod, replicaSet, snapshot, workload } from './fixtures/builders.ts';
import type { Snapshot } from './types.ts';
import { judged, podLabel, resolveWorkload, strayNote } from './workload.ts';

const api = deployment('api', { replicas: 2 });
const rs = replicaSet(api);
const owned = (i: number, extra: Partial<Parameters<typeof pod>[1]> = {}): V1Pod => pod(rs, extra, i);
const names = (pods: V1Pod[]): string[] => pods.map((p) => p.metadata?.name ?? '');

describe('resolveWorkload', () => {
  it.each<[string, Partial<Snapshot>, string[], string[]]>([
    ['pods through its ReplicaSet', { deployments: [api], replicaSets: [rs], pods: [owned(0), owned(1)] }, ['api-5d8f7c9b6d-x7k2p', 'api-5d8f7c9b6d-m4q9z'], []],
    ['being deleted: neither owned nor stray', { deployments: [api], replicaSets: [rs], pods: [owned(0), owned(1, { deleting: true })] }, ['api-5d8f7c9b6d-x7k2p'], []],
    ['Succeeded/Failed pods are not active', { deployments: [api], replicaSets: [rs], pods: [owned(0), owned(1, { phase: 'Failed' })] }, ['api-5d8f7c9b6d-x7k2p'], []],
    ['a Succeeded or Failed bare pod is not a stray', { deployments: [api], replicaSets: [rs], pods: [owned(0), pod(undefined, { name: 'done', labels: { app: 'api' }, phase: 'Succeeded' }), pod(undefined, { name: 'evicted', labels: { app: 'api' }, phase: 'Failed' })] }, ['api-5d8f7c9b6d-x7k2p'], []],
    ['a bare pod being deleted is not a stray', { deployments: [api], replicaSets: [rs], pods: [owned(0), pod(undefined, { name: 'going', labels: { app: 'api' }, deleting: true })] }, ['api-5d8f7c9b6d-x7k2p'], []],
    ['a pending bare pod is a stray', { deployments: [api], replicaSets: [rs], pods: [owned(0), pod(undefined, { name: 'waiting', labels: { app: 'api' }, phase: 'Pending', ready: false })] }, ['api-5d8f7c9b6d-x7k2p'], ['waiting']],
    ['a bare pod with the labels is a stray', { deployments: [api], replicaSets: [rs], pods: [owned(0), pod(undefined, { name: 'bare', labels: { app: 'api' } })] }, ['api-5d8f7c9b6d-x7k2p'], ['bare']],
    ['a pod without the labels is neither', { deployments: [api], replicaSets: [rs], pods: [pod(undefined, { name: 'other', labels: { app: 'db' } })] }, [], []],
    [
      'a ReplicaSet the Deployment does not control',
      (() => {
        const orphanRs = replicaSet(api, { hash: '0000000000' });
        orphanRs.metadata = { ...orphanRs.metadata, ownerReferences: orphanRs.metadata?.ownerReferences?.map((r) => ({ ...r, controller: false })) };
        return { deployments: [api], replicaSets: [rs, orphanRs], pods: [pod(orphanRs, { name: 'adopted-not' })] };
      })(),
      [],
      ['adopted-not'],
    ],
    [
      'an old ReplicaSet of the same Deployment still counts',
      (() => {
        const old = replicaSet(api, { hash: '1111111111' });
        return { deployments: [api], replicaSets: [old, rs], pods: [pod(old, { name: 'old-one' }), owned(0)] };
      })(),
      ['old-one', 'api-5d8f7c9b6d-x7k2p'],
      [],
    ],
  ])('%s', (_name, part, ownedNames, strayNames) => {
    const result = resolveWorkload({ snapshot: snapshot(part), name: 'api' });
    if (!result.ok) throw new Error(result.reason);
    expect(names(result.workload.pods)).toEqual(ownedNames);
    expect(names(result.workload.strays)).toEqual(strayNames);
  });

  it('explains a recreated Deployment', () => {
    const result = resolveWorkload({ snapshot: snapshot(workload('api', { uid: '0b7e5c2a-91d4-4f3e-8a6b-2c9d7e1f4a30' })), name: 'api', fingerprint: { 'Deployment/api': fakeUid('deploy/api') } });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^Deployment api was deleted and recreated \(uid 0b7e5c2a…, injected as [0-9a-f]{8}…\)$/), where: { kind: 'Deployment', name: 'api', path: 'metadata.uid' } });
  });

  it('names strays owned by another controller differently from bare pods', () => {
    const other = replicaSet(deployment('api-v2', { labels: { app: 'api' } }));
    const result = resolveWorkload({ snapshot: snapshot({ deployments: [api], replicaSets: [rs, other], pods: [pod(other, {}, 0), pod(other, {}, 1)] }), name: 'api' });
    if (!result.ok) throw new Error(result.reason);
    expect(strayNote(result.workload)).toBe('; 2 pods with app=api are not owned by Deployment api (pods it does not own do not count)');
  });

  it('judges owned pods, then strays, and labels the strays', () => {
    const result = resolveWorkload({ snapshot: snapshot({ deployments: [api], replicaSets: [rs], pods: [pod(undefined, { name: 'bare', labels: { app: 'api' } }), owned(0)] }), name: 'api' });
    if (!result.ok) throw new Error(result.reason);
    expect(names(judged(result.workload))).toEqual(['api-5d8f7c9b6d-x7k2p', 'bare']);
    expect(judged(result.workload).map((p) => podLabel(result.workload, p))).toEqual(['pod api-5d8f7c9b6d-x7k2p', 'pod bare (not owned, carries app=api)']);
  });
});
