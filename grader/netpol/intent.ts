import type { WorkloadRef } from '../../src/scenario/schema.ts';
import type { V1NetworkPolicy, V1NetworkPolicyPeer, V1NetworkPolicyPort } from '@kubernetes/client-node';
import type { KubeObject } from '../types.ts';
import { allowedBy } from './allowed.ts';
import type { Direction, Grant, Subject } from './allowed.ts';
import { everyPeer, peersOf } from './peers.ts';
import type { Universe } from './peers.ts';
import { portSpec } from './ports.ts';
import type { Protocol } from './ports.ts';
import { nameLabel } from './selectors.ts';
import { grantWords } from './words.ts';

/**
 * One peer the subject may reach (egress) or be reached from (ingress), on
 * some ports. `pods` alone: pods with these labels in the subject's
 * namespace; `namespace` (+ `pods`): pods of that namespace; `cidr`: an
 * ipBlock; none of them: any peer.
 */
export interface AllowedPeer {
  /** matchLabels of the pods. */
  pods?: Record<string, string>;
  /** Another namespace, by name. */
  namespace?: string;
  /** Addresses, as an ipBlock (pods whose IP is inside count, as the network plugin applies it). */
  cidr?: string;
  except?: string[];
  /** Omitted or empty: every port. Protocol defaults to TCP. */
  ports?: { protocol?: Protocol; port?: number; endPort?: number }[];
}

/** The params of a policyAllows check: what the policies may allow a workload, and nothing more. */
export interface PolicyAllowsParams {
  /** The workload whose pods are judged (by its pod template labels). */
  workload: WorkloadRef;
  direction: Direction;
  allow: AllowedPeer[];
  /** Also allow port 53, UDP and TCP, with any peer (name resolution). */
  dns?: boolean;
  /** Also allow whatever the scenario's injected NetworkPolicies allowed the workload. */
  plusInjected?: boolean;
}

/** An intent as grants (the same shape as what policies allow) and the words for reasons. */
export interface Intent {
  grants: Grant[];
  words: string[];
}

/** What `intentOf` reads besides the params. */
export interface IntentContext {
  universe: Universe;
  subject: Subject;
  /** The scenario's manifests; their NetworkPolicies count with plusInjected. */
  injected: KubeObject[];
}

function peerOf(entry: AllowedPeer): V1NetworkPolicyPeer | undefined {
  if (entry.cidr !== undefined) return { ipBlock: { cidr: entry.cidr, ...(entry.except ? { except: entry.except } : {}) } };
  if (entry.namespace !== undefined) return { namespaceSelector: { matchLabels: { [nameLabel]: entry.namespace } }, podSelector: { matchLabels: entry.pods ?? {} } };
  if (entry.pods !== undefined) return { podSelector: { matchLabels: entry.pods } };
  return undefined;
}

function grantOf(peer: V1NetworkPolicyPeer | undefined, ports: V1NetworkPolicyPort[] | undefined, u: Universe): Grant {
  return { ...(peer ? { peer } : {}), peers: peer ? peersOf(peer, u) : everyPeer(u), ports: portSpec(ports), ...(ports ? { rawPorts: ports } : {}) };
}

/**
 * The intent of a check as grants: each `allow` entry, DNS when asked, and —
 * with plusInjected — what the injected NetworkPolicies allowed, computed by
 * the same evaluator (no injected policy selecting the workload: everything).
 */
export function intentOf(params: PolicyAllowsParams, c: IntentContext): Intent {
  const grants: Grant[] = [];
  const words: string[] = [];
  for (const entry of params.allow) {
    const g = grantOf(peerOf(entry), entry.ports, c.universe);
    grants.push(g);
    words.push(grantWords(g, c.universe));
  }
  if (params.dns) {
    grants.push(grantOf(undefined, [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }], c.universe));
    words.push('DNS (UDP 53, TCP 53 with any peer)');
  }
  if (params.plusInjected) {
    const policies = c.injected.filter((o) => o.kind === 'NetworkPolicy') as unknown as V1NetworkPolicy[];
    const before = allowedBy({ policies, subject: c.subject, direction: params.direction, universe: c.universe });
    grants.push(...before.grants);
    words.push(before.policies.length ? `as injected: ${before.grants.map((g) => grantWords(g, c.universe)).join('; ') || 'nothing'}` : `everything (no injected NetworkPolicy restricted ${params.direction})`);
  }
  return { grants, words };
}
