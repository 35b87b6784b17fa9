import { spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterError } from '../errors.ts';

/** A long-running host process the provider starts and supervises. */
export interface Daemon {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** Where the supervisor keeps pid files and logs. */
export interface SupervisorDirs {
  run: string;
  logs: string;
}

/** Log file of a daemon. */
export function logPath(dirs: SupervisorDirs, name: string): string {
  return path.join(dirs.logs, `${name}.log`);
}

function pidPath(dirs: SupervisorDirs, name: string): string {
  return path.join(dirs.run, `${name}.pid`);
}

/** A process's start time (clock ticks since boot), or undefined when it is gone or a zombie. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

/**
 * The pid recorded for `name` if that process is still the one we started:
 * same pid and same start time, so a pid reused after a reboot never counts.
 */
export function runningPid(dirs: SupervisorDirs, name: string): number | undefined {
  try {
    const recorded = JSON.parse(readFileSync(pidPath(dirs, name), 'utf8')) as { pid: number; command: string; startTime?: string };
    const started = startTime(recorded.pid);
    if (started === undefined) return undefined;
    if (recorded.startTime !== undefined) return started === recorded.startTime ? recorded.pid : undefined;
    // Pid files written before start times were recorded: compare the binary.
    return readFileSync(`/proc/${recorded.pid}/cmdline`, 'utf8').split('\0')[0] === recorded.command ? recorded.pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Start `daemon` in its own session (detached: it outlives this CLI and is not
 * in its process group), output appended to its log. Node's spawn rather than
 * zx here: zx awaits commands, a daemon must be left running.
 */
export async function startDaemon(dirs: SupervisorDirs, daemon: Daemon): Promise<number> {
  await fs.mkdir(dirs.run, { recursive: true });
  await fs.mkdir(dirs.logs, { recursive: true });
  const log = logPath(dirs, daemon.name);
  await fs.appendFile(log, `\n==== ${new Date().toISOString()} starting: ${daemon.command} ${daemon.args.join(' ')}\n`);
  const fd = openSync(log, 'a');
  try {
    const child = spawn(daemon.command, daemon.args, {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: { ...process.env, ...daemon.env },
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid ?? -1));
      child.once('error', reject);
    }).catch((error: unknown) => {
      throw new ClusterError(`${daemon.name}: could not start ${daemon.command}`, { cause: error, logPath: log });
    });
    child.unref();
    await fs.writeFile(pidPath(dirs, daemon.name), JSON.stringify({ pid, command: daemon.command, startTime: startTime(pid) }));
    return pid;
  } finally {
    closeSync(fd);
  }
}

/** Options for {@link waitHealthy}. */
export interface WaitOptions {
  name: string;
  check: () => Promise<boolean>;
  timeoutMs: number;
  /** The daemon whose death ends the wait early (its log is quoted). */
  dirs?: SupervisorDirs;
}

/** Poll `check` until it passes; fail naming the component and its log. */
export async function waitHealthy(options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const log = options.dirs ? logPath(options.dirs, options.name) : undefined;
  for (;;) {
    if (await options.check().catch(() => false)) return;
    if (options.dirs && runningPid(options.dirs, options.name) === undefined) {
      throw new ClusterError(`${options.name} exited during start-up; last lines of its log:\n${await tail(log)}`, { logPath: log });
    }
    if (Date.now() > deadline) {
      throw new ClusterError(`${options.name} not healthy after ${options.timeoutMs / 1000}s; last lines of its log:\n${await tail(log)}`, {
        logPath: log,
      });
    }
    await sleep(500);
  }
}

/** The last lines of a log, for error messages. */
export async function tail(file: string | undefined, lines = 15): Promise<string> {
  if (!file) return '';
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Stop a daemon by the pid in its pid file: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopDaemon(dirs: SupervisorDirs, name: string, graceMs = 10_000): Promise<boolean> {
  const pid = runningPid(dirs, name);
  await fs.rm(pidPath(dirs, name), { force: true }).catch(() => undefined);
  if (pid === undefined) return false;
  await killPid(pid, graceMs);
  return true;
}

/** SIGTERM a pid, SIGKILL it if it outlives `graceMs`, and wait (up to 10 s more) until it is gone. */
export async function killPid(pid: number, graceMs = 10_000): Promise<void> {
  const alive = (): boolean => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return !/\) Z /.test(stat);
    } catch {
      return false;
    }
  };
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) signal('SIGKILL');
  // Bounded: a process stuck in uninterruptible sleep must not hang `down`.
  const killDeadline = Date.now() + 10_000;
  while (alive() && Date.now() < killDeadline) await sleep(100);
}
