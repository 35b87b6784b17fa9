import { describe, expect, it } from 'vitest';
import { deniedNow, symptomKinds } from './symptom.ts';
import type { AccessQuestion } from '../../grader/types.ts';

const snapshot = { namespace: 'rbac', serviceAccounts: [{ metadata: { name: 'watcher' } }] };
const asked: AccessQuestion[] = [];
const kube = (allowed: (q: AccessQuestion) => boolean) => ({
  access: async (q: AccessQuestion) => {
    asked.push(q);
    return { allowed: allowed(q), reason: allowed(q) ? 'RBAC: allowed by RoleBinding x' : '' };
  },
});

describe('deniedNow', () => {
  it.each<[string, (q: AccessQuestion) => boolean, string, boolean, string]>([
    ['refused: observed', () => false, 'watcher', true, 'can rbac:watcher list pods in rbac: denied'],
    ['allowed: not observed', () => true, 'watcher', false, 'can rbac:watcher list pods in rbac: expected denied, saw allowed (RBAC: allowed by RoleBinding x)'],
    ['no such ServiceAccount: not observed', () => false, 'ghost', false, 'ServiceAccount ghost not found in namespace rbac'],
  ])('%s', async (_, allowed, serviceAccount, passed, reason) => {
    const [v] = await deniedNow(kube(allowed), [{ serviceAccount, verb: 'list', resource: 'pods', group: '' }], snapshot);
    expect(v).toEqual({ id: `denied:${serviceAccount}:list pods`, passed, reason, where: { kind: 'ServiceAccount', name: serviceAccount, namespace: 'rbac', path: 'may list pods' } });
  });

  it('asks in the main namespace, with group and subresource', async () => {
    asked.length = 0;
    await deniedNow(kube(() => false), [{ serviceAccount: 'watcher', verb: 'create', resource: 'pods', group: '', subresource: 'exec' }, { serviceAccount: 'watcher', verb: 'list', resource: 'deployments', group: 'apps' }], snapshot);
    expect(asked).toEqual([
      { serviceAccount: { namespace: 'rbac', name: 'watcher' }, verb: 'create', resource: 'pods', group: '', namespace: 'rbac', subresource: 'exec' },
      { serviceAccount: { namespace: 'rbac', name: 'watcher' }, verb: 'list', resource: 'deployments', group: 'apps', namespace: 'rbac' },
    ]);
  });
});

describe('symptomKinds', () => {
  it('reads ServiceAccounts only when the symptom asks the authorizer', () => {
    expect(symptomKinds({ symptom: { description: 'x', timeout: '30s', all: [], any: [], denied: [{ serviceAccount: 'w', verb: 'list', resource: 'pods', group: '' }] } })).toContain('serviceAccounts');
    expect(symptomKinds({ symptom: { description: 'x', timeout: '30s', all: [], any: [] } })).not.toContain('serviceAccounts');
  });
});
