import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Kube } from '../kube/client.ts';
import type { Snapshot } from '../../grader/types.ts';
import { stabilityWindowMs } from '../../grader/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { homeDir } from '../home.ts';
import { finishDrill } from './finish.ts';
import type { TaskGrader } from './grade.ts';
import { readDrill } from './store.ts';
import { DrillError } from './errors.ts';
import { DrillTamperedError } from './record.ts';

/** Where the timer of drill `id` writes what it did. */
export function timerLogPath(id: string): string {
  return join(homeDir(), 'drills', `${id}.log`);
}

/**
 * Start the timer of drill `id`: `kubedrill drill expire <id>`, detached
 * (its own session, no terminal, output to the log), so it outlives the
 * `drill` command and the learner's shell. Returns its pid.
 */
export function spawnTimer(id: string): number {
  const log = timerLogPath(id);
  mkdirSync(dirname(log), { recursive: true });
  const fd = openSync(log, 'a');
  try {
    const launcher = new URL('../../bin/kubedrill', import.meta.url).pathname;
    const child = spawn(launcher, ['drill', 'expire', id], { detached: true, stdio: ['ignore', fd, fd], env: process.env });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start the drill timer (${launcher})`);
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** Options for {@link runTimer}. */
export interface TimerOptions {
  kube: Kube;
  id: string;
  scenario: (id: string) => Promise<Scenario>;
  log: (line: string) => void;
  /** How often to look whether the drill was submitted meanwhile (default 15 s). */
  pollMs?: number;
  grader?: TaskGrader;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** How the timer ended. */
export type TimerOutcome = 'graded' | 'already graded' | 'gone';

/**
 * The timer's body: sleep until the deadline (waking now and then to exit
 * early if the drill was submitted), take each task's "before" snapshot one
 * stability window ahead so the window closes at the deadline, then grade the
 * cluster as it is at the deadline and record the result — once: if the
 * learner submitted meanwhile, finishDrill returns theirs.
 */
export async function runTimer(options: TimerOptions): Promise<TimerOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const poll = options.pollMs ?? 15_000;
  for (;;) {
    try {
      const record = await readDrill(options.kube, options.id);
      if (!record) return 'gone';
      if (record.result) return 'already graded';
      if (!record.deadline) {
        await sleep(poll);
        continue;
      }
      const deadline = Date.parse(record.deadline);
      const scenarios = await Promise.all(record.tasks.map((t) => options.scenario(t.scenario)));
      const window = Math.max(0, ...scenarios.map((s) => stabilityWindowMs(s.checks)));
      if (now() < deadline - window) {
        await sleep(Math.min(poll, deadline - window - now()));
        continue;
      }
      const before = new Map<string, Snapshot>();
      if (now() < deadline) {
        options.log(`taking the "before" snapshots (window ${window / 1000}s closes at the deadline)`);
        for (const task of record.tasks) {
          const snapshot = await options.kube.snapshot(task.namespace).catch(() => undefined);
          if (snapshot) before.set(task.namespace, snapshot);
        }
        await sleep(Math.max(0, deadline - now()));
      }
      options.log(`deadline ${record.deadline}: grading ${record.tasks.length} task(s)`);
      const finished = await finishDrill({ kube: options.kube, id: options.id, ended: 'expired', scenario: options.scenario, before, grader: options.grader, now });
      return finished.gradedNow ? 'graded' : 'already graded';
    } catch (error) {
      if (error instanceof DrillError || error instanceof DrillTamperedError) {
        options.log(`giving up: ${error.message}`);
        return 'gone';
      }
      // The cluster may blink (an apiserver restart): keep trying; a very late grading is marked late.
      options.log(`error: ${(error as Error).message}; retrying in 5s`);
      await sleep(5000);
    }
  }
}
