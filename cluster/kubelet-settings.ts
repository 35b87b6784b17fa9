import { statfs } from 'node:fs/promises';

/**
 * The longest the kubelet waits between restarts of a crash-looping container.
 *
 * Why so low: the default back-off doubles from 10s up to 5 minutes. A learner
 * who fixes a crash-looping Deployment would then stare at CrashLoopBackOff for
 * minutes before the fixed container is even tried, and `check` could not tell
 * a working fix from a broken one. Capped at 10s, a broken container shows its
 * symptom within seconds of injection, and a fix takes effect within seconds.
 * The kubelet accepts 1s..300s (pkg/kubelet/apis/config/validation).
 */
export const maxContainerRestartPeriod = '10s';

/**
 * The feature gate `crashLoopBackOff.maxContainerRestartPeriod` needs: alpha
 * (off) in 1.32–1.34, beta (on by default) from 1.35 (pkg/features/kube_features.go
 * at v1.36.3). Set explicitly anyway: the kubelet refuses to start when the
 * field is set and the gate is off, so naming it makes the pair safe on any
 * version that knows the gate.
 */
export const crashLoopBackOffGate = 'KubeletCrashLoopBackOffMax';

/** The kubelet settings every kubedrill cluster shares (kind patch, local KubeletConfiguration). */
export interface KubeletSettings {
  featureGates: Record<string, boolean>;
  crashLoopBackOff: { maxContainerRestartPeriod: string };
  /**
   * Present (false) only on cgroup v1 hosts: from Kubernetes 1.35 the kubelet
   * refuses to start on cgroup v1 unless told otherwise (KEP-5573; default true).
   */
  failCgroupV1?: false;
}

/** Options for {@link kubeletSettings}. */
export interface KubeletSettingsOptions {
  /** The host (or the container engine's host) runs cgroup v1. */
  cgroupV1: boolean;
}

/**
 * The KubeletConfiguration fields (kubelet.config.k8s.io/v1beta1) kubedrill sets
 * on every node: a 10s crash-loop back-off cap with its feature gate, and
 * `failCgroupV1: false` on cgroup v1 hosts.
 */
export function kubeletSettings(options: KubeletSettingsOptions): KubeletSettings {
  const settings: KubeletSettings = {
    featureGates: { [crashLoopBackOffGate]: true },
    crashLoopBackOff: { maxContainerRestartPeriod },
  };
  if (options.cgroupV1) settings.failCgroupV1 = false;
  return settings;
}

/** statfs magic of a cgroup2 mount (linux/magic.h CGROUP2_SUPER_MAGIC). */
const cgroup2Magic = 0x63677270;

/**
 * The cgroup version of this host, read from the filesystem type mounted at
 * /sys/fs/cgroup: cgroup2 → 2, anything else (tmpfs holding v1 hierarchies) → 1.
 * For the local provider; kind asks its container engine instead.
 */
export async function hostCgroupVersion(root = '/sys/fs/cgroup'): Promise<1 | 2> {
  const stats = await statfs(root);
  return stats.type === cgroup2Magic ? 2 : 1;
}
