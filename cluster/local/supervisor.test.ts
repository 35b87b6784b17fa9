import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterError } from '../errors.ts';
import { logPath, runningPid, startDaemon, stopDaemon, waitHealthy, type SupervisorDirs } from './supervisor.ts';

let dirs: SupervisorDirs;

async function tempDirs(): Promise<SupervisorDirs> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'kd-supervisor-'));
  return { run: path.join(root, 'run'), logs: path.join(root, 'logs') };
}

afterEach(async () => {
  await stopDaemon(dirs, 'sleeper', 1000);
  await fs.rm(path.dirname(dirs.run), { recursive: true, force: true });
});

describe('supervisor', () => {
  it('starts a daemon with a pid file and a log, and stops it by pid', async () => {
    dirs = await tempDirs();
    const pid = await startDaemon(dirs, { name: 'sleeper', command: '/bin/sh', args: ['-c', 'echo started; exec sleep 60'] });
    expect(runningPid(dirs, 'sleeper')).toBe(pid);
    await waitHealthy({ name: 'sleeper', dirs, timeoutMs: 5000, check: async () => (await fs.readFile(logPath(dirs, 'sleeper'), 'utf8')).includes('started') });
    expect(await stopDaemon(dirs, 'sleeper', 2000)).toBe(true);
    expect(existsSync(`/proc/${pid}/cmdline`) && runningPid(dirs, 'sleeper')).toBeFalsy();
  });

  it('fails naming the component and its log when the daemon dies during start-up', async () => {
    dirs = await tempDirs();
    await startDaemon(dirs, { name: 'sleeper', command: '/bin/sh', args: ['-c', 'echo boom: bad flag; exit 1'] });
    const error = await waitHealthy({ name: 'sleeper', dirs, timeoutMs: 5000, check: async () => false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClusterError);
    expect((error as ClusterError).message).toMatch(/sleeper exited during start-up[\s\S]*boom: bad flag/);
    expect((error as ClusterError).logPath).toBe(logPath(dirs, 'sleeper'));
  });
});
