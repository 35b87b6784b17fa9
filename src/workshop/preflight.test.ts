import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { Kube } from '../kube/client.ts';
import { imagesProblem, networkPolicyProblem } from './preflight.ts';

const ready = (name: string, taints: V1Node['spec'] = {}): V1Node => ({ metadata: { name }, spec: taints, status: { conditions: [{ type: 'Ready', status: 'True' }] } });

/** A Kube that runs probe pods by `answer(pod)`, and keeps what was applied. */
function fakeKube(answer: (pod: V1Pod) => { phase: string; log: string }): Kube & { applied: string[]; ran: V1Pod[] } {
  const applied: string[] = [];
  const ran: V1Pod[] = [];
  return {
    applied,
    ran,
    apply: async (objects: { kind: string; metadata: { name: string } }[]) => {
      for (const o of objects) applied.push(`${o.kind} ${o.metadata.name}`);
    },
    runPod: async (_ns: string, pod: V1Pod) => {
      ran.push(pod);
      return answer(pod);
    },
    snapshot: async () => ({ pods: [{ metadata: { name: 'policy-server' }, status: { podIP: '10.244.0.9', containerStatuses: [{ ready: true }] } }] }),
  } as unknown as Kube & { applied: string[]; ran: V1Pod[] };
}

describe('workshop preflight', () => {
  it('starts every image on every seat node, and names the ones that never reach one', async () => {
    const kube = fakeKube((pod) => ({ phase: pod.spec?.containers[0]?.image === 'busybox:1.36' ? 'Failed' : 'Timeout', log: '' }));
    const nodes = [ready('a'), ready('b'), ready('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] })];
    const problem = await imagesProblem(kube, 'ns', ['busybox:1.36', 'example/app:2'], nodes);
    expect(kube.ran.map((p) => `${p.spec?.nodeName} ${p.spec?.containers[0]?.image}`).sort()).toEqual(['a busybox:1.36', 'a example/app:2', 'b busybox:1.36', 'b example/app:2']);
    expect(problem).toMatch(/cannot be started within 90s: example\/app:2 on node a, example\/app:2 on node b — load them/);
    // The probe needs nothing but its image: a command that does not exist fails at once once the image is there.
    expect(kube.ran[0]!.spec?.containers[0]?.command).toEqual(['/kubedrill-image-check']);
    expect(await imagesProblem(fakeKube(() => ({ phase: 'Failed', log: '' })), 'ns', ['busybox:1.36'], nodes)).toBeUndefined();
  });

  it('proves NetworkPolicies are enforced: open before the deny policy, closed after', async () => {
    const kube = fakeKube(() => ({ phase: 'Succeeded', log: kube.applied.includes('NetworkPolicy deny-policy-server') ? 'closed' : 'open' }));
    expect(await networkPolicyProblem(kube, 'ns', 'busybox:1.36')).toBeUndefined();
    expect(kube.applied).toEqual(['Pod policy-server', 'NetworkPolicy deny-policy-server']);
    expect(kube.ran.at(-1)!.spec?.containers[0]?.command?.[2]).toBe('nc -w 2 10.244.0.9 8080 </dev/null && echo open || echo closed');
  });

  it('says what to change when policies are not enforced, or the control cannot connect', async () => {
    expect(await networkPolicyProblem(fakeKube(() => ({ phase: 'Succeeded', log: 'open' })), 'ns', 'busybox:1.36', 0)).toMatch(/does not enforce NetworkPolicies: .* use a network plugin that enforces them/);
    expect(await networkPolicyProblem(fakeKube(() => ({ phase: 'Succeeded', log: 'closed' })), 'ns', 'busybox:1.36', 0)).toMatch(/could not reach its server \(10\.244\.0\.9:8080\) even before any policy/);
    expect(await networkPolicyProblem(fakeKube(() => ({ phase: 'Succeeded', log: 'open' })), 'ns', undefined)).toBeUndefined();
  });
});
