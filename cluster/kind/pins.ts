import os from 'node:os';
import path from 'node:path';

/**
 * The kind release kubedrill is tested with. Its node images need kind >= this
 * release for `kind load` (v0.32.0 release notes: containerd upgrade).
 * Why v0.32.0 and not later: docs/decisions/0011-kind-release-pin.md.
 */
export const kindRelease = 'v0.32.0';

/**
 * kind v0.32.0's default node image, pinned by digest as kind asks
 * (https://github.com/kubernetes-sigs/kind/releases/tag/v0.32.0, "The default
 * node image is now ..."). Kubernetes 1.36.1: the crash-loop back-off cap is beta
 * there and the kubelet still runs on cgroup v1 with `failCgroupV1: false`.
 */
export const nodeImage =
  'kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5';

/** Name of the kind cluster kubedrill creates. */
export const clusterName = 'kubedrill';

/** The kubeconfig context kind gives that cluster. */
export const contextName = `kind-${clusterName}`;

/** The container kind runs the single node in (`<cluster>-control-plane`). */
export const nodeContainer = `${clusterName}-control-plane`;

/**
 * A real tag next to busybox:1.36 that scenarios never use: shortcut tests swap
 * a workload to it ("any other image passes?") and it must pull offline too.
 */
export const decoyImage = 'busybox:1.37';

/** Where to get kind, for error messages. */
export const installKind = [
  `Install kind ${kindRelease} and put it on PATH:`,
  `  Linux:  curl -Lo kind https://kind.sigs.k8s.io/dl/${kindRelease}/kind-linux-amd64 && chmod +x kind && sudo mv kind /usr/local/bin/`,
  `  macOS:  brew install kind`,
  `  Go:     go install sigs.k8s.io/kind@${kindRelease}`,
].join('\n');

/** Files the kind provider keeps under `$KUBEDRILL_HOME/kind`. */
export interface KindPaths {
  dir: string;
  /** The generated cluster config, kept for `kind create` and for a curious reader. */
  config: string;
  /** `kind get kubeconfig` output, written at every `up`. */
  kubeconfig: string;
}

/** Paths under `home` (default `$KUBEDRILL_HOME`, else ~/.kubedrill). */
export function kindPaths(home?: string): KindPaths {
  const base = home ?? process.env.KUBEDRILL_HOME ?? path.join(os.homedir(), '.kubedrill');
  const dir = path.join(base, 'kind');
  return { dir, config: path.join(dir, 'kind-config.yaml'), kubeconfig: path.join(dir, 'kubeconfig') };
}
