import type { Kube } from '../kube/client.ts';
import { grade, stabilityWindowMs } from '../../grader/index.ts';
import type { Probe, Snapshot, Verdict } from '../../grader/types.ts';
import type { RecordedExec, Fixture } from '../../grader/fixtures/replay.ts';
import type { AttemptRecord } from '../attempt/record.ts';
import { readBaseline } from '../attempt/store.ts';
import type { ScenarioView } from './scenario-view.ts';
import { probeFor } from './grade.ts';
import { sleep } from '../kube/client.ts';

/** A Probe that runs for real and keeps every exec it made (for fixtures). */
export function recordingProbe(inner: Probe): Probe & { recorded: RecordedExec[] } {
  const recorded: RecordedExec[] = [];
  return {
    recorded,
    async exec(target, command, options) {
      const result = await inner.exec(target, command, options);
      recorded.push({ pod: target.pod, ...(target.container ? { container: target.container } : {}), command, result });
      return result;
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
  const before: Snapshot | undefined = window > 0 ? await kube.snapshot(record.namespace) : undefined;
  if (window > 0) await sleep(window);
  const snapshot = await kube.snapshot(record.namespace);
  const probe = recordingProbe(probeFor(kube, record.namespace, snapshot));
  const baseline = await readBaseline(kube, record);
  const verdicts = await grade(scenario.checks, { snapshot, before, probe, injected: scenario.injected, fingerprint: record.fingerprint, ...(baseline ? { baseline } : {}) });
  const fixture: Fixture = {
    description,
    snapshot: slim(snapshot),
    ...(before ? { before: slim(before) } : {}),
    exec: probe.recorded,
    injected: scenario.injected,
    fingerprint: record.fingerprint,
    ...(baseline ? { baseline } : {}),
  };
  return { fixture, verdicts };
}

/** Drop managedFields and node image lists: noise no check reads, and most of a fixture's bytes. */
function slim(snapshot: Snapshot): Snapshot {
  return JSON.parse(
    JSON.stringify(snapshot, (key, value) => (key === 'managedFields' || key === 'images' ? undefined : value)),
  ) as Snapshot;
}
