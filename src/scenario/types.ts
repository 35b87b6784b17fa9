import type { KubeObject } from '../../grader/types.ts';
import type { ScenarioSpec } from './schema.ts';

/** The objects of one manifest file, as one inject `apply` step applies them. */
export interface ManifestFile {
  /** As written in scenario.yaml: `manifests/api.yaml`. */
  file: string;
  /** Absolute path. */
  path: string;
  /** The file's documents, in order. */
  objects: KubeObject[];
}

/** A script under fixes/ or shortcuts/: one honest alternative fix, or a cheat that must fail. */
export interface ScenarioScript {
  /** File name without `.sh`. */
  name: string;
  /** Absolute path. */
  path: string;
  /** The script's first comment line after the shebang, without `#`. */
  description: string;
  /**
   * Why it changes something every attempt on the cluster sees (a header line
   * `# cluster-wide: <why>`): verify runs it with no other case beside it.
   */
  clusterWide?: string;
}

/** A validated scenario, with everything `start`, `verify` and the grader read from its folder. */
export type Scenario = ScenarioSpec & {
  /** Absolute path of the scenario folder. */
  dir: string;
  /** One entry per inject `apply` step, in inject order. */
  manifests: ManifestFile[];
  /** Every manifest object in inject order (an object applied twice appears twice). */
  injected: KubeObject[];
  /** Every container image the manifests use, once each, in first-use order. */
  images: string[];  // without spec.missingImages: what a cluster must be able to pull
  /** Names of the Deployments the manifests create, once each. */
  workloads: string[];
  /** Absolute path of solution.sh. */
  solution: string;
  /** Alternative fixes under fixes/ (each must pass), by name. */
  fixes: ScenarioScript[];
  /** Shortcuts under shortcuts/ (each must fail), by name. */
  shortcuts: ScenarioScript[];
};
