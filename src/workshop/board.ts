import type { Snapshot } from '../../grader/types.ts';
import { stabilityWindowMs } from '../../grader/index.ts';
import { diffStored } from '../../grader/stored/diff.ts';
import { storedObjects } from '../../grader/stored/content.ts';
import { decodeRecord, type AttemptRecord } from '../attempt/record.ts';
import { baselineOf, writeAttempt } from '../attempt/store.ts';
import { namedChanges } from '../debrief/debrief.ts';
import { gradeAttempt } from '../engine/grade.ts';
import { quickChecks } from '../engine/hint.ts';
import type { ScenarioView } from '../engine/scenario-view.ts';
import { Semaphore } from '../engine/semaphore.ts';
import { signingKey } from '../home.ts';
import type { Kube } from '../kube/client.ts';
import { snapshotKinds } from '../kube/kinds.ts';
import { seatTasks, type SeatTask } from './plan.ts';
import type { WorkshopRecord } from './workshop.ts';

/** One seat's task on the board. */
export interface BoardCell extends SeatTask {
  /** not-started: failing, and nothing changed since injection; missing: no attempt there. */
  state: 'not-started' | 'failing' | 'passed' | 'missing';
  /** The first failing check (id: reason). */
  reason?: string;
  points: number;
  maxPoints: number;
  hintsUsed: number;
  revealed: boolean;
  startedAt?: string;
  /** When a refresh (or `workshop status`) first saw it pass, kept if it fails again later. */
  passedAt?: string;
  secondsToPass?: number;
  /** Why the instructor may want to look: no change for a while, or a crash loop the learner's change left. */
  stuck?: string;
}

/** What the board shows: the terminal table and the web page render the same model. */
export interface BoardModel {
  workshop: string;
  endsAt: string;
  secondsLeft: number;
  seats: string[];
  tasks: string[];
  cells: BoardCell[];
  /** Seats by tasks passed, then points, then total time to pass. */
  leaderboard: { seat: string; passed: number; points: number; seconds: number }[];
  refreshedAt: string;
  /** How long the last refresh took (one room read plus the gradings). */
  refreshSeconds: number;
}

/** Tasks graded at once (each may exec probes into its pods). */
const GRADE_AT_ONCE = 6;

/**
 * Grades a room again and again, cheaply: each refresh reads the room once
 * (one list call per kind across the cluster) and grades every task with
 * the scenario's full checks, its stability window chained — the window's
 * first snapshot is an earlier refresh's read at least a window old, so no
 * refresh waits out a window. Until a window has passed since the board
 * started, a task is graded as `workshop status` does (no restartsStable, no
 * window). Keeps when each cell last changed, for the stuck flags.
 */
export class RoomWatcher {
  private readonly history: { takenAt: number; room: Map<string, Snapshot> }[] = [];
  private readonly seen = new Map<string, { key: string; since: number }>();
  private readonly kube: Kube;
  private readonly record: WorkshopRecord;
  private readonly scenarios: Map<string, ScenarioView>;
  private readonly stuckMs: number;

  constructor(kube: Kube, record: WorkshopRecord, scenarios: ScenarioView[], options: { stuckMinutes?: number } = {}) {
    this.kube = kube;
    this.record = record;
    this.scenarios = new Map(scenarios.map((s) => [s.id, s]));
    this.stuckMs = (options.stuckMinutes ?? 5) * 60_000;
  }

  async refresh(now = Date.now): Promise<BoardModel> {
    const started = now();
    const tasks = seatTasks(this.record, [...this.scenarios.values()]);
    const kinds = [...new Set([...this.scenarios.values()].flatMap((s) => snapshotKinds(s)))];
    const room = await this.kube.snapshotAll(tasks.map((t) => t.namespace), kinds);
    const takenAt = now();
    const read: Kube = { ...this.kube, snapshot: async (namespace, only) => room.get(namespace) ?? this.kube.snapshot(namespace, only) };
    const key = await signingKey();
    const pool = new Semaphore(GRADE_AT_ONCE);
    const cells = await Promise.all(tasks.map((task) => pool.run(() => this.grade(task, room, read, key, takenAt))));
    this.history.push({ takenAt, room });
    const longest = Math.max(0, ...[...this.scenarios.values()].map((s) => stabilityWindowMs(s.checks)));
    // Keep the newest read older than the longest window, and everything after it.
    while (this.history.length > 1 && this.history[1]!.takenAt <= takenAt - longest) this.history.shift();
    return {
      workshop: this.record.name,
      endsAt: this.record.endsAt,
      secondsLeft: Math.max(0, Math.round((Date.parse(this.record.endsAt) - takenAt) / 1000)),
      seats: this.record.seats,
      tasks: this.record.scenarios,
      cells,
      leaderboard: leaderboard(this.record.seats, cells),
      refreshedAt: new Date(takenAt).toISOString(),
      refreshSeconds: Math.round((now() - started) / 100) / 10,
    };
  }

  private async grade(task: SeatTask, room: Map<string, Snapshot>, read: Kube, key: Buffer, takenAt: number): Promise<BoardCell> {
    const written = this.scenarios.get(task.scenario)!;
    const ns = room.get(task.namespace)?.namespaceObject;
    let attempt: AttemptRecord | undefined;
    try {
      attempt = ns && ns.status?.phase !== 'Terminating' ? decodeRecord(ns, key) : undefined;
    } catch {
      attempt = undefined;
    }
    const window = stabilityWindowMs(written.checks);
    const before = [...this.history].reverse().find((h) => h.takenAt <= takenAt - window)?.room.get(task.namespace);
    const scenario = before ? written : { ...written, checks: quickChecks(written.checks) };
    // Points out of the checks graded this time (the first window's looks leave restartsStable out).
    const maxPoints = scenario.checks.reduce((sum, c) => sum + c.points, 0);
    if (!attempt || attempt.state !== 'active') return this.note({ ...task, state: 'missing', points: 0, maxPoints, reason: `no active attempt in namespace ${task.namespace}`, hintsUsed: 0, revealed: false }, takenAt);
    const graded = await gradeAttempt({ kube: read, scenario, record: attempt, ...(before ? { before, windowMs: window } : { windowMs: 0 }) });
    const failing = graded.verdicts.find((v) => !v.passed);
    const points = scenario.checks.reduce((sum, c) => sum + (graded.verdicts.find((v) => v.id === c.id)?.passed ? c.points : 0), 0);
    if (graded.passed && !attempt.passedAt) {
      attempt.passedAt = graded.at;
      await writeAttempt(this.kube, attempt);
    }
    const touched = learnerChanged(graded.snapshot, attempt, written);
    const crashLoop = touched && !graded.passed && graded.snapshot.pods.some((p) => (p.status?.containerStatuses ?? []).some((c) => c.state?.waiting?.reason === 'CrashLoopBackOff'));
    return this.note(
      {
        ...task,
        state: graded.passed ? 'passed' : touched ? 'failing' : 'not-started',
        ...(failing ? { reason: `${failing.id}: ${failing.reason}` } : {}),
        points,
        maxPoints,
        hintsUsed: attempt.hintsUsed,
        revealed: attempt.revealed,
        startedAt: attempt.startedAt,
        ...(attempt.passedAt ? { passedAt: attempt.passedAt, secondsToPass: Math.round((Date.parse(attempt.passedAt) - Date.parse(attempt.startedAt)) / 1000) } : {}),
        ...(crashLoop ? { stuck: 'crash loop' } : {}),
      },
      takenAt,
    );
  }

  /** Record when the cell last changed (state or first failing check) and flag one unchanged too long. */
  private note(cell: BoardCell, takenAt: number): BoardCell {
    const id = `${cell.seat}/${cell.scenario}`;
    const key = `${cell.state} ${cell.reason?.split(':')[0] ?? ''}`;
    const last = this.seen.get(id);
    if (!last || last.key !== key) this.seen.set(id, { key, since: takenAt });
    const since = this.seen.get(id)!.since;
    if (cell.state !== 'passed' && cell.state !== 'missing' && !cell.stuck && takenAt - since >= this.stuckMs) {
      return { ...cell, stuck: `no change for ${Math.floor((takenAt - since) / 60_000)} min` };
    }
    return cell;
  }
}

/** Whether anything differs from the objects as injected: the debrief's "what you changed", not empty. */
function learnerChanged(snapshot: Snapshot, record: AttemptRecord, scenario: ScenarioView): boolean {
  const baseline = baselineOf(snapshot, record);
  // Without a baseline (an attempt from an older kubedrill) nobody can tell: count it as started.
  if (!baseline) return true;
  const classes = baseline.filter((o) => o.kind === 'PriorityClass').map((o) => o.name);
  return diffStored(baseline, storedObjects(snapshot, classes)).length > 0 || namedChanges(snapshot, scenario.injected, record.fingerprint ?? {}).length > 0;
}

/** Seats by tasks passed, points, then the total time their passes took. */
export function leaderboard(seats: string[], cells: BoardCell[]): BoardModel['leaderboard'] {
  return seats
    .map((seat) => {
      const mine = cells.filter((c) => c.seat === seat);
      return {
        seat,
        passed: mine.filter((c) => c.state === 'passed').length,
        // A task scores once passed (a revealed solution scores nothing): an untouched task's passing gates are no points.
        points: mine.reduce((sum, c) => sum + (c.state === 'passed' && !c.revealed ? c.points : 0), 0),
        seconds: mine.reduce((sum, c) => sum + (c.state === 'passed' ? (c.secondsToPass ?? 0) : 0), 0),
      };
    })
    .sort((a, b) => b.passed - a.passed || b.points - a.points || a.seconds - b.seconds || a.seat.localeCompare(b.seat));
}
