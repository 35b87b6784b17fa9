import type { Kube } from '../kube/client.ts';
import { readAttempt } from '../attempt/store.ts';
import type { DrillRecord } from './record.ts';

/** One task as `drill status` shows it. */
export interface TaskStatus {
  id: string;
  namespace: string;
  weight: number;
  hintsUsed: number;
  revealed: boolean;
  /** When `kubedrill check <id>` first passed it (the drill's grade is what counts). */
  passedAt: string | null;
  /** "ok", or why the task cannot be graded as it stands (namespace deleted, record edited). */
  problem: string | null;
}

/** A drill as `drill status` shows it. */
export interface DrillStatus {
  id: string;
  seed: string;
  state: DrillRecord['state'];
  startedAt: string | null;
  deadline: string | null;
  /** Seconds until the deadline (0 once past); null while injecting. */
  secondsLeft: number | null;
  timeLimitSeconds: number;
  passMark: number;
  hintCost: number;
  tasks: TaskStatus[];
  result: DrillRecord['result'] | null;
}

/** Read each task's attempt and put the drill's clock and tasks together. */
export async function drillStatus(kube: Kube, record: DrillRecord, now = Date.now()): Promise<DrillStatus> {
  const tasks = await Promise.all(
    record.tasks.map(async (task): Promise<TaskStatus> => {
      const base = { id: task.scenario, namespace: task.namespace, weight: task.weight, hintsUsed: 0, revealed: false, passedAt: null };
      try {
        const attempt = await readAttempt(kube, task.namespace);
        if (!attempt || attempt.drill !== record.id) return { ...base, problem: `namespace ${task.namespace} no longer holds this task` };
        return { ...base, hintsUsed: attempt.hintsUsed, revealed: attempt.revealed, passedAt: attempt.passedAt ?? null, problem: null };
      } catch (error) {
        return { ...base, problem: (error as Error).message };
      }
    }),
  );
  const deadline = record.deadline ? Date.parse(record.deadline) : undefined;
  return {
    id: record.id,
    seed: record.seed,
    state: record.state,
    startedAt: record.startedAt ?? null,
    deadline: record.deadline ?? null,
    secondsLeft: deadline === undefined ? null : Math.max(0, Math.round((deadline - now) / 1000)),
    timeLimitSeconds: record.timeLimitSeconds,
    passMark: record.rules.passMark,
    hintCost: record.rules.hintCost,
    tasks,
    result: record.result ?? null,
  };
}

/** "12:04" (mm:ss) or "1:02:03" for a countdown. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(hh ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}
