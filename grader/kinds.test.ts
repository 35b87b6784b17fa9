import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './fixtures/replay.ts';
import { workloadObjects } from './workload.ts';
import type { Snapshot } from './types.ts';

/**
 * The fixtures of grader/fixtures/kinds/ (test/real/record-kinds.ts) are what
 * the *.kinds.test.ts files say they are: one kd-kinds-<name> namespace each,
 * every injected object in the snapshot, no managedFields. The check tests
 * themselves sit beside each check.
 */
const names = (await readdir(new URL('./fixtures/kinds/', import.meta.url))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

const listOf: Record<string, (s: Snapshot) => { metadata?: { name?: string } }[]> = {
  StatefulSet: (s) => workloadObjects(s, 'StatefulSet'),
  DaemonSet: (s) => workloadObjects(s, 'DaemonSet'),
  Job: (s) => workloadObjects(s, 'Job'),
  CronJob: (s) => workloadObjects(s, 'CronJob'),
  Pod: (s) => s.pods,
  Deployment: (s) => s.deployments,
  PersistentVolumeClaim: (s) => s.persistentVolumeClaims ?? [],
  PersistentVolume: (s) => s.persistentVolumes ?? [],
  ServiceAccount: (s) => s.serviceAccounts ?? [],
  Role: (s) => s.roles ?? [],
  RoleBinding: (s) => s.roleBindings ?? [],
  Secret: (s) => s.secrets ?? [],
};

describe('recorded fixtures of every kind', () => {
  it('cover each case of test/real/kinds-cases.ts', () => {
    expect(names).toEqual(['access', 'cronjob', 'daemonset', 'job', 'logs', 'logs-previous', 'pod', 'statefulset', 'statefulset-ondelete', 'volumes']);
  });

  it.each(names)('%s: its own namespace, every injected object read back, no managedFields', async (name) => {
    const fixture = await loadFixture(`kinds/${name}`);
    expect(fixture.snapshot.namespace).toBe(`kd-kinds-${name}`);
    for (const object of fixture.injected) {
      const list = listOf[object.kind];
      expect(list, `a list for ${object.kind}`).toBeDefined();
      expect(list!(fixture.snapshot).map((o) => o.metadata?.name), `${object.kind} ${object.metadata.name}`).toContain(object.metadata.name);
    }
    expect(JSON.stringify(fixture)).not.toMatch(/"managedFields"/);
    expect(fixture.exec).toEqual([]);
  });
});
