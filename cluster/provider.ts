import type { Progress } from './progress.ts';

/** The providers kubedrill knows. */
export type ProviderName = 'kind' | 'local' | 'existing';

/** What `up` needs to know beyond the provider itself. */
export interface UpOptions {
  progress: Progress;
  /** Every image the scenarios use (e.g. "busybox:1.36"), for preloading or a local registry. */
  images: string[];
  /** kind: pull and `kind load` every image. */
  preload?: boolean;
  /** Skip confirmation prompts (existing provider). */
  yes?: boolean;
  /** existing provider: the kubeconfig context to use. */
  context?: string;
  /** The API server listens on this IPv4 address of the host instead, for a room's LAN (local, kind; fixed at create). */
  listen?: string;
  /** kind: the node image to create the cluster from instead of the pinned kindest/node (fixed at create). */
  nodeImage?: string;
}

/** Where to reach a cluster that is up. */
export interface ClusterAccess {
  provider: ProviderName;
  /** Path of a kubeconfig file holding `context`. */
  kubeconfig: string;
  context: string;
}

/** Health of one component (local provider) or of the cluster as a whole. */
export interface ComponentStatus {
  name: string;
  healthy: boolean;
  detail: string;
}

/**
 * A way to bring a cluster up and down, modelled on kind's provider interface:
 * small, one implementation per runtime. Everything a provider creates is
 * labelled or recorded so `down` and `status` rediscover it from the system.
 */
export interface Provider {
  readonly name: ProviderName;
  /** Bring the cluster up; idempotent (a second call repairs or returns at once). */
  up(options: UpOptions): Promise<ClusterAccess>;
  /** Remove everything `up` made. Idempotent. */
  down(options: { progress: Progress }): Promise<void>;
  /** Per-component health; an empty list means "not created". */
  status(): Promise<ComponentStatus[]>;
  /** Kubeconfig path and context of the cluster (whether or not it is running). */
  kubeconfig(): Promise<ClusterAccess>;
}
