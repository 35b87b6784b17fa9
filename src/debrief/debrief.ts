import { storedObjects, type StoredObject } from '../../grader/stored/content.ts';
import { diffStored, type ObjectChange } from '../../grader/stored/diff.ts';
import type { Fingerprint, KubeObject, Snapshot } from '../../grader/types.ts';

/** What a learner gets after a pass: never before. */
export interface Debrief {
  /** Seconds from the task to the pass. */
  seconds: number;
  /** What the learner changed, field by field, against the objects as stored at injection; null when the attempt has no baseline. */
  changes: ObjectChange[] | null;
  /** The scenario's explanation of the root cause. */
  explanation: string;
  /** The other honest fixes, by their one-line descriptions (the reference solution first). */
  otherFixes: Array<{ name: string; description: string }>;
}

/** Options for {@link buildDebrief}. */
export interface DebriefInput {
  baseline: StoredObject[] | undefined;
  /** The snapshot the passing grade read. */
  snapshot: Snapshot;
  seconds: number;
  explanation: string;
  fixes: Array<{ name: string; description: string }>;
  /** The scenario's manifests and the identities recorded at injection: objects the baseline does not store (Secrets, Jobs) are followed by name and uid. */
  injected?: KubeObject[];
  fingerprint?: Fingerprint;
}

/** Assemble the debrief from the baseline, the passing snapshot and the scenario's texts. */
export function buildDebrief(input: DebriefInput): Debrief {
  const changes = input.baseline
    ? [...diffStored(input.baseline, storedObjects(input.snapshot, input.baseline.filter((o) => o.kind === 'PriorityClass').map((o) => o.name))), ...namedChanges(input.snapshot, input.injected ?? [], input.fingerprint ?? {})]
    : null;
  return { seconds: Math.round(input.seconds), changes, explanation: input.explanation.trim(), otherFixes: input.fixes };
}

/**
 * Secrets and Jobs the learner created, deleted or recreated, by name and
 * uid only: the baseline stores neither (a Secret's data is never written
 * into an annotation; a Job's template cannot change). Kinds the grading did
 * not read are left out; Jobs a CronJob made, and service-account token
 * Secrets, are not the learner's.
 */
export function namedChanges(snapshot: Snapshot, injected: KubeObject[], fingerprint: Fingerprint): ObjectChange[] {
  type Named = { metadata?: { name?: string; uid?: string; ownerReferences?: unknown[] }; type?: string };
  const lists: Array<[string, Named[] | undefined]> = [
    ['Secret', (snapshot.secrets as Named[] | undefined)?.filter((s) => s.type !== 'kubernetes.io/service-account-token')],
    ['Job', (snapshot.jobs as Named[] | undefined)?.filter((j) => !(j.metadata?.ownerReferences ?? []).length)],
  ];
  const changes: ObjectChange[] = [];
  for (const [kind, list] of lists) {
    if (!list) continue;
    const manifests = new Set(injected.filter((o) => o.kind === kind).map((o) => o.metadata.name));
    const live = new Map(list.map((o) => [o.metadata?.name ?? '', o.metadata?.uid ?? '']));
    const head = (name: string): Pick<ObjectChange, 'object' | 'kind' | 'name'> => ({ object: `${kind} ${name}`, kind, name });
    for (const [name, uid] of [...live].sort(([a], [b]) => a.localeCompare(b))) {
      const was = fingerprint[`${kind}/${name}`];
      if (!manifests.has(name)) changes.push({ ...head(name), change: 'created', fields: [] });
      else if (was && uid && was !== uid) changes.push({ ...head(name), change: 'recreated', fields: [] });
    }
    for (const name of [...manifests].sort()) if (!live.has(name)) changes.push({ ...head(name), change: 'deleted', fields: [] });
  }
  return changes;
}

const MAX_FIELDS = 8;

/** The debrief as text lines for the terminal (no colour; the caller paints headings). */
export function renderDebrief(debrief: Debrief): { heading: string; lines: string[] }[] {
  const sections: { heading: string; lines: string[] }[] = [];
  if (debrief.changes) {
    const lines = debrief.changes.length === 0 ? ['no object changed (the cluster healed, or only pods were touched)'] : debrief.changes.flatMap(changeLines);
    sections.push({ heading: 'What you changed', lines });
  }
  sections.push({ heading: 'Why it broke', lines: debrief.explanation.split('\n').map((l) => l.trimEnd()) });
  if (debrief.otherFixes.length > 0) {
    sections.push({ heading: 'Fixes that also pass', lines: debrief.otherFixes.map((f) => `${f.name}: ${f.description}`) });
  }
  return sections;
}

function changeLines(change: ObjectChange): string[] {
  if (change.change === 'created') return [`${change.object}: created`];
  if (change.change === 'deleted') return [`${change.object}: deleted`];
  const head = change.change === 'recreated' ? [`${change.object}: deleted and created again${change.kind === 'Job' ? ' (a Job\'s pod template cannot change)' : ''}`] : [];
  const shown = change.fields.slice(0, MAX_FIELDS).map((f) => `${change.object}: ${f}`);
  const more = change.fields.length > MAX_FIELDS ? [`${change.object}: … and ${change.fields.length - MAX_FIELDS} more fields`] : [];
  return [...head, ...shown, ...more];
}
