import type { Verdict } from '../../grader/types.ts';
import { decodeRecordUnverified } from '../attempt/record.ts';
import { gradeAttempt } from '../engine/grade.ts';
import { quickChecks } from '../engine/hint.ts';
import type { ScenarioView } from '../engine/scenario-view.ts';
import type { Kube, SnapshotKind } from '../kube/client.ts';
import { BASE_KINDS, snapshotKinds } from '../kube/kinds.ts';
import type { CheckSpec } from '../scenario/schema.ts';
import { seatNamespace } from './plan.ts';

/**
 * A learner's own look at their seat's tasks, with the seat's kubeconfig:
 * read-only (nothing is written: no pass recorded, no history), the attempt
 * record read without the instructor's signature check (the seat has no
 * key; a record it cannot change anyway), and the same checks and no
 * stability window as `workshop status`. What a seat may not read
 * (nodes, ClusterRoles, another identity's rights) leaves some checks
 * unjudged here: they are named, never guessed. The instructor's `workshop
 * status` is the grade.
 */

/** The seat and control namespace a seat token belongs to (its `sub` claim: system:serviceaccount:<control>:<seat>), or undefined. */
export function seatOfToken(token: string): { seat: string; control: string } | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string };
    const [, kind, control, seat] = /^system:(serviceaccount):([^:]+):([^:]+)$/.exec(sub ?? '') ?? [];
    return kind && control?.startsWith('kubedrill-ws-') && seat ? { seat, control } : undefined;
  } catch {
    return undefined;
  }
}

/** Check kinds that read the nodes (pod CIDRs for policies, image digests, node labels). */
const READS_NODES = new Set(['nodeTargeted', 'policyAllows', 'policyPermits']);

/**
 * Why `check` cannot be judged with a seat's rights, given the lists the
 * seat was refused, or undefined when it can.
 */
export function seatBlind(check: Pick<CheckSpec, 'kind'> & Record<string, unknown>, forbidden: ReadonlySet<SnapshotKind>): string | undefined {
  if (check.kind === 'accessReview') return 'it asks the authorizer about another identity (a SubjectAccessReview), which a seat may not';
  if (forbidden.has('nodes') && (READS_NODES.has(check.kind) || (check.kind === 'fieldCompare' && check.image === true))) return 'it reads the nodes, which a seat may not list';
  const lists = snapshotKinds({ injected: [], checks: [check] }).filter((k) => !BASE_KINDS.includes(k) && forbidden.has(k));
  if (forbidden.has('priorityClasses') && JSON.stringify(check).includes('"PriorityClass"')) lists.push('priorityClasses');
  return lists.length ? `it reads ${lists.join(', ')}, which a seat may not list` : undefined;
}

/** One task as the seat sees it. */
export interface SeatLook {
  scenario: string;
  namespace: string;
  /** Every judged check passes (unjudged ones are named in `unjudged`). */
  passed: boolean;
  verdicts: Verdict[];
  /** Checks not judged with the seat's rights, each with why. */
  unjudged: { id: string; why: string }[];
}

/**
 * Look at `seat`'s tasks (or the one named): each scenario whose seat
 * namespace the seat can read and that holds an attempt of it. A Kube made
 * with `forbidden` (connect's option) fills the set with the lists refused.
 */
export async function lookAsSeat(kube: Kube, scenarios: ScenarioView[], seat: string, forbidden: Set<SnapshotKind>, task?: string): Promise<SeatLook[]> {
  const candidates = scenarios.filter((s) => !task || s.id === task);
  const found = await Promise.all(
    candidates.map(async (scenario) => {
      const namespace = seatNamespace(seat, scenario.namespace);
      const ns = await kube.readNamespace(namespace).catch(() => undefined);
      const record = ns ? decodeRecordUnverified(ns) : undefined;
      return record && record.scenario === scenario.id && record.state === 'active' ? { scenario, record } : undefined;
    }),
  );
  const looks: SeatLook[] = [];
  for (const { scenario, record } of found.filter((f) => f !== undefined)) {
    const all = quickChecks(scenario.checks);
    const asked = all.filter((c) => !seatBlind(c as never, new Set()));
    const graded = await gradeAttempt({ kube, scenario: { ...scenario, checks: asked }, record, windowMs: 0 });
    const unjudged = all.flatMap((c) => {
      const why = seatBlind(c as never, forbidden);
      return why ? [{ id: c.id, why }] : [];
    });
    const verdicts = graded.verdicts.filter((v) => !unjudged.some((u) => u.id === v.id));
    looks.push({ scenario: scenario.id, namespace: record.namespace, passed: verdicts.every((v) => v.passed), verdicts, unjudged });
  }
  return looks;
}
