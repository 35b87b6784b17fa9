import { describe, expect, it } from 'vitest';
import { ClusterError } from '../errors.ts';
import { mustRun, zxRunner } from './run.ts';

// The real runner against real, harmless processes: the shape every fake imitates.
describe('zxRunner', () => {
  it.each([
    { argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'], exitCode: 3, stdout: 'out\n', stderr: 'err\n' },
    { argv: ['echo', 'a b', '$HOME'], exitCode: 0, stdout: 'a b $HOME\n', stderr: '' },
  ])('$argv → exit $exitCode', async ({ argv, exitCode, stdout, stderr }) => {
    expect(await zxRunner(argv)).toEqual({ exitCode, stdout, stderr });
  });

  it('reports a missing command as exit 127', async () => {
    expect((await zxRunner(['kubedrill-no-such-command'])).exitCode).toBe(127);
  });

  it('kills a command at its timeout and says so', async () => {
    const result = await zxRunner(['sleep', '5'], { timeoutMs: 200 });
    expect(result.exitCode).toBe(-1);
    expect(result.stderr).toContain('timed out after 200ms');
  });

  it('passes env and stdin', async () => {
    const result = await zxRunner(['sh', '-c', 'printf "%s:" "$KD_X"; cat'], { env: { KD_X: 'y' }, input: 'in' });
    expect(result.stdout).toBe('y:in');
  });
});

describe('mustRun', () => {
  it('turns a failure into a ClusterError with the command, output and fix', async () => {
    const error = (await mustRun(zxRunner, ['sh', '-c', 'echo boom >&2; exit 2'], { what: 'boom test', fix: 'do X' }).catch(
      (e: unknown) => e,
    )) as ClusterError;
    expect(error).toBeInstanceOf(ClusterError);
    expect(error.message).toBe('boom test failed (exit 2): boom');
    expect(error.command).toBe("sh -c echo boom >&2; exit 2");
    expect(error.fix).toBe('do X');
  });
});
