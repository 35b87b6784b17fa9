import { couldNotRun, describeExec, execTimeoutMs } from '../exec.ts';
import { count, show, truncate } from '../format.ts';
import { fail, finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import { podName } from '../pod-state.ts';
import type { CheckContext } from '../types.ts';
import { unreadyWhere } from '../where.ts';
import { podLabel, resolveWorkload, workloadLabel } from '../workload.ts';
import { coveringMount } from './file-from-config-map.ts';
import { runningContainers } from './main-process.ts';

/** One mount as /proc/self/mountinfo lists it. */
export interface MountInfo {
  mountPoint: string;
  readOnly: boolean;
  fsType: string;
}

const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));

// Writable mounts every container has: the kubelet's own files and the kernel's filesystems.
const OWN_FILES = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);
const KERNEL_TREES = ['/dev', '/proc', '/sys'];

/** Writable mounts that are neither on the way to one of `writable` (at, under or above it: `readOnly` says how far up is too far) nor among what every container has. */
export function otherWritable(mounts: MountInfo[], writable: string[]): MountInfo[] {
  const under = (path: string, dir: string): boolean => {
    const d = dir.length > 1 ? dir.replace(/\/+$/, '') : dir;
    return path === d || d === '/' || path.startsWith(`${d}/`);
  };
  return mounts.filter((m) => !m.readOnly && !OWN_FILES.has(m.mountPoint) && !KERNEL_TREES.some((t) => under(m.mountPoint, t)) && !writable.some((w) => under(m.mountPoint, w) || under(w, m.mountPoint)));
}

/** Parse /proc/self/mountinfo: mount point (field 5), per-mount options (6), filesystem type and superblock options after the `-`. */
export function parseMountInfo(text: string): MountInfo[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = line.split(' ');
      const dash = fields.indexOf('-');
      const options = (fields[5] ?? '').split(',');
      const superOptions = dash >= 0 ? (fields[dash + 3] ?? '').split(',') : [];
      return { mountPoint: unescape(fields[4] ?? ''), readOnly: options.includes('ro') || superOptions.includes('ro'), fsType: dash >= 0 ? (fields[dash + 1] ?? '') : '' };
    });
}

/** The mount a path lies on: the deepest mount point at or above it, the last listed winning (it is mounted on top). */
export function mountOf(mounts: MountInfo[], path: string): MountInfo | undefined {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let best: MountInfo | undefined;
  for (const m of mounts) {
    const at = m.mountPoint;
    if (!(at === p || at === '/' || p.startsWith(`${at}/`))) continue;
    if (!best || at.length >= best.mountPoint.length) best = m;
  }
  return best;
}

// Print the mount table, a marker, then for each directory "ok <dir>" or "no <dir> <error>" after trying to create a file in it.
export const WRITE_SCRIPT = 'cat /proc/self/mountinfo; echo "--- kubedrill"; for d in "$@"; do f="${d%/}/.kubedrill-write-$$"; if err=$( (: > "$f") 2>&1 ); then rm -f "$f"; echo "ok $d"; else echo "no $d $err"; fi; done';

/**
 * writablePaths: in every Running pod of the workload, as the container's own
 * user (an exec runs as the container does): each `writable` directory takes
 * a new file (created and removed at once), and each `readOnly` path lies on
 * a mount that is read-only in /proc/self/mountinfo. Read-only means the
 * mount, not the permissions: a root filesystem made writable again fails
 * even when the user cannot write to it. Not final: a pod mid-rollout may
 * still run the old template.
 */
export async function writablePaths(check: CheckOf<'writablePaths'>, ctx: CheckContext): Promise<Outcome> {
  const found = resolveWorkload({ snapshot: ctx.snapshot, name: check.workload, fingerprint: ctx.fingerprint, injected: ctx.injected });
  if (!found.ok) return finalFail(found.reason, found.where);
  const w = found.workload;
  const { pods, owned } = runningContainers(w, check.container);
  const subject = `${workloadLabel(check.workload)} container ${check.container}`;
  if (owned === 0) return fail(`${subject}: expected a Running pod to try its filesystem in, saw none running it among ${count(w.pods.length, 'pod')}`, unreadyWhere(w));
  const reads = await Promise.all(
    pods.map(async (pod) => ({ pod, result: await ctx.probe.exec({ pod: podName(pod), container: check.container }, ['/bin/sh', '-c', WRITE_SCRIPT, 'sh', ...check.writable], { timeoutMs: execTimeoutMs }) })),
  );
  for (const { pod, result } of reads) {
    const who = `${podLabel(w, pod)} container ${check.container}`;
    const at = (path: string): { kind: string; name: string; path: string } => ({ kind: 'Pod', name: podName(pod), path });
    if (couldNotRun(result) || result.exitCode !== 0) return fail(`${who}: could not try its filesystem (${describeExec('sh', result)})`, at('/proc/self/mountinfo'));
    const [table = '', tries = ''] = result.stdout.split('--- kubedrill\n');
    const mounts = parseMountInfo(table);
    for (const dir of check.writable) {
      const line = tries.split('\n').find((l) => l === `ok ${dir}` || l.startsWith(`no ${dir} `));
      if (line === `ok ${dir}`) continue;
      const error = line ? line.slice(`no ${dir} `.length).replace(/^sh: (can't create [^:]*: )?/, '') : 'no answer';
      return fail(`${who}: expected to create a file in ${dir} (the app writes there), saw ${show(truncate(error, 80))}`, at(dir));
    }
    if (check.emptyDirOnly) {
      const mounts = pod.spec?.containers.find((c) => c.name === check.container)?.volumeMounts ?? [];
      for (const dir of check.writable) {
        const mount = coveringMount(mounts, dir);
        const volume = mount ? pod.spec?.volumes?.find((v) => v.name === mount.name) : undefined;
        if (!volume?.emptyDir) {
          const saw = !mount ? 'no volume there (the root filesystem)' : `volume ${mount.name} at ${mount.mountPath}: ${volume ? Object.keys(volume).find((k) => k !== 'name') ?? 'no source' : 'not defined'}`;
          return fail(`${who}: expected ${dir} on an emptyDir volume (scratch space that ends with the pod), saw ${saw}`, at(dir));
        }
      }
    }
    if (check.othersReadOnly) {
      const other = otherWritable(mounts, check.writable)[0];
      if (other) return fail(`${who}: expected nothing writable but ${check.writable.join(', ')}, saw ${other.mountPoint === '/' ? 'the root filesystem' : other.mountPoint} (${other.fsType}) mounted writable`, at(other.mountPoint));
    }
    for (const path of check.readOnly) {
      const mount = mountOf(mounts, path);
      if (!mount) return fail(`${who}: expected ${path} on a read-only mount, saw no mount covering it in /proc/self/mountinfo`, at(path));
      if (!mount.readOnly) {
        const over = mount.mountPoint === '/' ? `the root filesystem (${mount.fsType}), mounted writable` : mount.mountPoint === path ? `a writable ${mount.fsType} mounted at ${path}` : `mount ${mount.mountPoint} (${mount.fsType}), which is writable`;
        return fail(`${who}: expected ${path} to stay read-only, saw it on ${over}`, at(path));
      }
    }
  }
  const parts = [check.writable.length ? `${check.writable.join(', ')} writable` : '', check.readOnly.length ? `${check.readOnly.join(', ')} on read-only mounts` : ''].filter(Boolean);
  return pass(`${subject}: ${parts.join('; ')} in ${count(pods.length, 'Running pod')}`);
}
