import { describe, expect, it } from 'vitest';
import type { V1Pod } from '@kubernetes/client-node';
import { hostTaskPod, removeHostPath, seedHostPath, splitPath } from './host-files.ts';

describe('splitPath', () => {
  it.each([
    ['/tmp/kubedrill-data', '/tmp', 'kubedrill-data'],
    ['/var/lib/kd/x-v1a', '/var/lib/kd', 'x-v1a'],
  ])('%s', (path, parent, base) => expect(splitPath(path)).toEqual({ parent, base }));
});

describe('hostTaskPod', () => {
  const target = { node: 'n1', path: '/tmp/kd-inv' };
  it('writes each file from the environment into the directory under the mounted parent', () => {
    const pod = hostTaskPod({ name: 'seed', ...target, files: { 'a.csv': "x,'y'\n$HOME", b: '' } });
    const c = pod.spec!.containers[0]!;
    expect(pod.spec!.nodeName).toBe('n1');
    expect(pod.spec!.restartPolicy).toBe('Never');
    expect(pod.spec!.volumes).toEqual([{ name: 'host', hostPath: { path: '/tmp', type: 'Directory' } }]);
    expect(c.volumeMounts).toEqual([{ name: 'host', mountPath: '/host' }]);
    expect(c.image).toBe('busybox:1.36');
    expect(c.env).toEqual([
      { name: 'KD_FILE_0', value: "x,'y'\n$HOME" },
      { name: 'KD_FILE_1', value: '' },
    ]);
    // Contents never enter the script: it only names the files.
    expect(c.command![2]).toBe(`mkdir -p /host/kd-inv\nprintf '%s' "$KD_FILE_0" > /host/kd-inv/a.csv\nprintf '%s' "$KD_FILE_1" > /host/kd-inv/b\nchmod 0755 /host/kd-inv\nchmod 0644 /host/kd-inv/a.csv\nchmod 0644 /host/kd-inv/b`);
  });

  it('without files removes the directory and proves it gone', () => {
    const pod = hostTaskPod({ name: 'clean', ...target });
    expect(pod.spec!.containers[0]!.command).toEqual(['sh', '-ec', 'rm -rf /host/kd-inv\n[ ! -e /host/kd-inv ]']);
    expect(pod.spec!.containers[0]!.env).toEqual([]);
  });
});

describe('seedHostPath and removeHostPath', () => {
  const target = { node: 'n1', path: '/tmp/kd-inv' };
  const kube = (phase: string | Error, log = '') => {
    const ran: V1Pod[] = [];
    return {
      ran,
      runPod: async (_ns: string, pod: V1Pod) => {
        ran.push(pod);
        if (phase instanceof Error) throw phase;
        return { phase, log };
      },
    };
  };

  it('seeds through one pod in the namespace, and fails with its log', async () => {
    const ok = kube('Succeeded');
    await seedHostPath(ok, 'storage', target, { f: 'x' });
    expect(ok.ran.map((p) => p.metadata?.name)).toEqual(['kubedrill-host-files']);
    await expect(seedHostPath(kube('Failed', 'mkdir: permission denied\n'), 'storage', target, { f: 'x' })).rejects.toThrow('writing /tmp/kd-inv on node n1: pod ended Failed: mkdir: permission denied');
  });

  it.each<[string, string | Error, string | undefined]>([
    ['removed', 'Succeeded', undefined],
    ['the pod failed', 'Failed', 'the removing pod ended Failed: rm: busy'],
    ['the pod never ended', 'Timeout', 'the removing pod ended Timeout: rm: busy'],
    ['the pod could not be created', new Error('namespaces "storage" is being terminated'), 'namespaces "storage" is being terminated'],
  ])('remove: %s', async (_, phase, why) => {
    expect(await removeHostPath(kube(phase, 'rm: busy'), 'default', target)).toBe(why);
  });

  it('names the removing pod per directory, so removals side by side do not collide', async () => {
    const k = kube('Succeeded');
    await removeHostPath(k, 'default', target);
    await removeHostPath(k, 'default', { node: 'n1', path: '/tmp/kd-inv-v2' });
    const [a, b] = k.ran.map((p) => p.metadata?.name ?? '');
    expect(a).toMatch(/^kubedrill-host-clean-[0-9a-f]{10}$/);
    expect(b).not.toBe(a);
  });
});
