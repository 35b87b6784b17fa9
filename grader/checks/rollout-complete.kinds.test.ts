import { describe, expect, it } from 'vitest';
import { grade } from '../index.ts';
import { fixtureContext, loadFixture } from '../fixtures/replay.ts';
import { check } from '../fixtures/test-context.ts';

/**
 * rolloutComplete on StatefulSets and DaemonSets as a real cluster reports
 * them (grader/fixtures/kinds/, recorded by test/real/record-kinds.ts).
 * Revisions and pod names change with each recording: matched by pattern.
 */
const fixtures = {
  statefulset: await loadFixture('kinds/statefulset'),
  'statefulset-ondelete': await loadFixture('kinds/statefulset-ondelete'),
  daemonset: await loadFixture('kinds/daemonset'),
};
const sts = (name: string) => ({ kind: 'StatefulSet', name });
const ds = (name: string) => ({ kind: 'DaemonSet', name });

describe('rolloutComplete on recorded StatefulSets and DaemonSets', () => {
  it.each<[string, keyof typeof fixtures, { kind: string; name: string }, number, boolean, boolean, RegExp, string | undefined]>([
    ['StatefulSet rolled out', 'statefulset', sts('web'), 2, true, false, /^StatefulSet web rolling update complete: 2\/2 pods ready at revision web-[a-z0-9]+$/, undefined],
    ['StatefulSet crash-looping (command exits 1)', 'statefulset', sts('crash'), 2, false, false, /^StatefulSet crash status\.readyReplicas: expected 2, saw 0 \(waiting for 2 pods to be ready\)$/, 'status.readyReplicas'],
    ['StatefulSet template changed under partition 1', 'statefulset', sts('held'), 2, false, true, /^StatefulSet held spec\.updateStrategy\.rollingUpdate\.partition: expected 0 .*, saw 1 \(pods below ordinal 1 are held back\)$/, 'spec.updateStrategy.rollingUpdate.partition'],
    ['StatefulSet mid-rollout (1 of 2 updated, both ready)', 'statefulset', sts('mid'), 2, false, false, /^StatefulSet mid rolling update: expected every pod at revision mid-\w+, saw 1 of 2 updated \(currentRevision mid-\w+\)$/, 'status.currentRevision'],
    ['StatefulSet scaled to 0', 'statefulset', sts('scaled'), 2, false, true, /^StatefulSet scaled spec\.replicas: expected 2, saw 0$/, 'spec.replicas'],
    ['StatefulSet with more replicas than expected', 'statefulset', sts('web'), 3, false, true, /^StatefulSet web spec\.replicas: expected 3, saw 2$/, 'spec.replicas'],
    ['StatefulSet deleted', 'statefulset', sts('gone'), 2, false, true, /^StatefulSet gone not found in namespace kd-kinds-statefulset: expected the injected StatefulSet to exist$/, undefined],
    // OnDelete: kubectl rollout status refuses it; the controller never moves currentRevision, so pods at updateRevision are the whole rollout.
    ['StatefulSet OnDelete, template changed, no pod deleted yet', 'statefulset-ondelete', sts('lazy'), 2, false, false, /^StatefulSet lazy rolling update: expected every pod at revision lazy-\w+, saw 0 of 2 updated \(OnDelete: a pod takes the new template only once deleted\)$/, 'status.updatedReplicas'],
    ['StatefulSet OnDelete, every pod deleted and recreated (currentRevision left behind)', 'statefulset-ondelete', sts('redone'), 2, true, false, /^StatefulSet redone rolling update complete: 2\/2 pods ready at revision redone-\w+$/, undefined],
    ['DaemonSet rolled out on the one node', 'daemonset', ds('agent'), 1, true, false, /^DaemonSet agent successfully rolled out: 1 of 1 pods updated and available$/, undefined],
    ['DaemonSet whose nodeSelector matches no node', 'daemonset', ds('nowhere'), 1, false, false, /^DaemonSet nowhere status\.desiredNumberScheduled: expected 1 \(a pod on every node it should run on\), saw 0$/, 'status.desiredNumberScheduled'],
    ['DaemonSet expected on more nodes than there are', 'daemonset', ds('agent'), 2, false, false, /desiredNumberScheduled: expected 2 .*, saw 1$/, 'status.desiredNumberScheduled'],
  ])('%s', async (_name, fixture, workload, replicas, passed, final, reason, path) => {
    const [verdict] = await grade([check('rolloutComplete', { workload, replicas })], fixtureContext(fixtures[fixture]));
    expect(verdict!.reason).toMatch(reason);
    expect(verdict!.passed).toBe(passed);
    expect(verdict!.final ?? false).toBe(final);
    expect(verdict!.where).toMatchObject({ kind: workload.kind, name: workload.name, namespace: `kd-kinds-${fixture}`, ...(path ? { path } : {}) });
  });

  it('the recorded mid-rollout StatefulSet has every pod ready: only the revisions tell it apart', () => {
    const mid = fixtures.statefulset.snapshot.statefulSets?.find((s) => s.metadata?.name === 'mid');
    expect(mid?.status).toMatchObject({ replicas: 2, readyReplicas: 2, updatedReplicas: 1 });
    expect(mid?.status?.updateRevision).not.toBe(mid?.status?.currentRevision);
  });

  it('the recorded OnDelete StatefulSet has every pod updated while currentRevision stays at the old one', () => {
    const redone = fixtures['statefulset-ondelete'].snapshot.statefulSets?.find((s) => s.metadata?.name === 'redone');
    expect(redone?.status).toMatchObject({ replicas: 2, readyReplicas: 2, updatedReplicas: 2 });
    expect(redone?.status?.updateRevision).not.toBe(redone?.status?.currentRevision);
  });

  it('refuses a Job (rolloutComplete is for long-running workloads)', async () => {
    const [verdict] = await grade([check('rolloutComplete', { workload: { kind: 'Job', name: 'migrate' }, replicas: 1 })], fixtureContext(await loadFixture('kinds/job')));
    expect(verdict).toMatchObject({ passed: false, reason: expect.stringMatching(/judges Deployments, StatefulSets and DaemonSets, not a Job/) });
  });
});
