import { storedObjects, type StoredObject } from '../../grader/stored/content.ts';
import { diffStored, type ObjectChange } from '../../grader/stored/diff.ts';
import type { Snapshot } from '../../grader/types.ts';

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
}

/** Assemble the debrief from the baseline, the passing snapshot and the scenario's texts. */
export function buildDebrief(input: DebriefInput): Debrief {
  const changes = input.baseline
    ? diffStored(input.baseline, storedObjects(input.snapshot, input.baseline.filter((o) => o.kind === 'PriorityClass').map((o) => o.name)))
    : null;
  return { seconds: Math.round(input.seconds), changes, explanation: input.explanation.trim(), otherFixes: input.fixes };
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
  const head = change.change === 'recreated' ? [`${change.object}: deleted and created again`] : [];
  const shown = change.fields.slice(0, MAX_FIELDS).map((f) => `${change.object}: ${f}`);
  const more = change.fields.length > MAX_FIELDS ? [`${change.object}: … and ${change.fields.length - MAX_FIELDS} more fields`] : [];
  return [...head, ...shown, ...more];
}
