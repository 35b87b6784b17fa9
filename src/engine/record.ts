import type { Kube } from '../kube/client.ts';
import { grade, stabilityWindowMs } from '../../grader/index.ts';
import { parseImage, repositories } from '../../grader/image.ts';
import type { KubeObject, Probe, Snapshot, Verdict } from '../../grader/types.ts';
import type { RecordedAccess, RecordedAdmission, RecordedExec, RecordedLog, Fixture } from '../../grader/fixtures/replay.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import { baselineOf } from '../attempt/store.ts';
import type { ScenarioView } from './scenario-view.ts';
import { probeFor, readAttempt } from './grade.ts';
import { snapshotKinds } from '../kube/kinds.ts';
import { sleep } from '../kube/client.ts';
import { withNamespaceSuffix } from './cluster-names.ts';

/** What a recording appends to each namespace name: `<namespace>-rec`. */
export const RECORDED_SUFFIX = '-rec';

/**
 * The scenario as the recorder injects it: each namespace `<name>-rec`,
 * renamed wherever manifests and checks spell it (as verify does per case),
 * and its other namespaces by role. Tests replaying recorded fixtures grade
 * with this view: a check naming `dns-server` means `dns-server-rec` there.
 */
export function asRecorded<S extends ScenarioView>(scenario: S): { scenario: S; namespaces: Record<string, string> } {
  return withNamespaceSuffix(scenario, RECORDED_SUFFIX);
}

/** A Probe that runs for real and keeps every exec, log read, access review and admission dry run it made (for fixtures). */
export function recordingProbe(inner: Probe): Probe & { recorded: RecordedExec[]; logsRead: RecordedLog[]; reviews: RecordedAccess[]; admissions: RecordedAdmission[] } {
  const recorded: RecordedExec[] = [];
  const logsRead: RecordedLog[] = [];
  const reviews: RecordedAccess[] = [];
  const admissions: RecordedAdmission[] = [];
  return {
    recorded,
    logsRead,
    reviews,
    admissions,
    async exec(target, command, options) {
      const result = await inner.exec(target, command, options);
      recorded.push({ pod: target.pod, ...(target.container ? { container: target.container } : {}), command, result });
      return result;
    },
    async logs(target, options = {}) {
      const text = await inner.logs(target, options);
      logsRead.push({ pod: target.pod, ...(target.container ? { container: target.container } : {}), ...(options.previous ? { previous: true } : {}), ...(options.tail ? { tail: options.tail } : {}), text });
      return text;
    },
    async access(question) {
      const answer = await inner.access(question);
      reviews.push({ question, answer });
      return answer;
    },
    async admit(pod) {
      // The pod as asked: grading builds it from the template afresh, so a replay asks the same.
      const asked = JSON.parse(JSON.stringify(pod)) as typeof pod;
      const answer = await inner.admit(pod);
      admissions.push({ pod: asked, answer });
      return answer;
    },
  };
}

/**
 * Grade an attempt as `check` does and capture everything the checks read —
 * both snapshots and every exec — as a grader fixture. Unit tests replay it,
 * so the grader is tested on what a real cluster really returns.
 */
export async function recordFixture(
  kube: Kube,
  scenario: ScenarioView,
  record: AttemptRecord,
  description: string,
): Promise<{ fixture: Fixture; verdicts: Verdict[] }> {
  const window = stabilityWindowMs(scenario.checks);
  const kinds = snapshotKinds(scenario);
  const before: Snapshot | undefined = window > 0 ? await readAttempt(kube, record, kinds) : undefined;
  if (window > 0) await sleep(window);
  const snapshot = await readAttempt(kube, record, kinds);
  const probe = recordingProbe(probeFor(kube, record.namespace, snapshot));
  // Each other namespace's probe records too; a replay answers every role from the one recording.
  const others = Object.entries(record.namespaces ?? {}).map(([role, ns]) => [role, recordingProbe(probeFor(kube, ns, snapshot.others?.[role] ?? snapshot))] as const);
  const all = [probe, ...others.map(([, p]) => p)];
  const baseline = baselineOf(snapshot, record);
  const verdicts = await grade(scenario.checks, {
    snapshot,
    before,
    probe,
    namespaces: { main: record.namespace, ...record.namespaces },
    probes: Object.fromEntries(others),
    injected: scenario.injected,
    fingerprint: record.fingerprint,
    ...(baseline ? { baseline } : {}),
  });
  const logs = all.flatMap((p) => p.logsRead);
  const access = all.flatMap((p) => p.reviews);
  const admissions = all.flatMap((p) => p.admissions);
  const fixture: Fixture = {
    description,
    snapshot: slim(snapshot, scenario.injected),
    ...(before ? { before: slim(before, scenario.injected) } : {}),
    exec: all.flatMap((p) => p.recorded),
    ...(logs.length ? { logs } : {}),
    ...(access.length ? { access } : {}),
    ...(admissions.length ? { admissions } : {}),
    injected: scenario.injected,
    fingerprint: record.fingerprint,
    ...(baseline ? { baseline } : {}),
  };
  return { fixture, verdicts };
}

/**
 * Drop managedFields (noise no check reads, and most of a fixture's bytes)
 * and the node images no pod, template or manifest names: a node's
 * status.images stays only for the repositories in use, since image checks
 * read there what a tag resolves to (busybox:1.36 → sha256:…).
 */
function slim(snapshot: Snapshot, injected: KubeObject[]): Snapshot {
  const copy = JSON.parse(JSON.stringify(snapshot, (key, value) => (key === 'managedFields' ? undefined : value))) as Snapshot;
  const used = repositories(imagesNamed([copy.pods, copy.deployments, copy.replicaSets, injected]));
  for (const node of copy.nodes) {
    if (node.status?.images) node.status.images = node.status.images.filter((i) => (i.names ?? []).some((n) => used.has(parseImage(n).repository)));
  }
  return copy;
}

// Every string under an `image` or `imageID` key, however deep.
function imagesNamed(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) imagesNamed(v, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'image' || key === 'imageID') && typeof v === 'string' && v !== '') found.add(v);
      else imagesNamed(v, found);
    }
  }
  return found;
}
