import { Writable } from 'node:stream';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
import type { ExecResult } from '../../grader/types.ts';

/** What to run where. */
export interface ExecRequest {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  /** Give up after this long (exit code 124, like timeout(1)). Default 15 s. */
  timeoutMs?: number;
}

/**
 * Run a command in a pod and collect its output and exit code. The result has
 * the same shape whatever happens: a connection error becomes exit code -1
 * with the message in stderr, so a probe is a verdict, never an exception.
 */
export async function execInPod(kc: KubeConfig, request: ExecRequest): Promise<ExecResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, done): void {
        append(chunk.toString('utf8'));
        done();
      },
    });
  return new Promise<ExecResult>((resolve) => {
    let settled = false;
    const finish = (exitCode: number, extra = ''): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr: stderr + extra });
    };
    const timer = setTimeout(() => finish(124, `exec timed out after ${request.timeoutMs ?? 15_000} ms`), request.timeoutMs ?? 15_000);
    new Exec(kc)
      .exec(
        request.namespace,
        request.pod,
        request.container ?? '',
        request.command,
        sink((t) => (stdout += t)),
        sink((t) => (stderr += t)),
        null,
        false,
        (status: V1Status) => finish(exitCodeOf(status)),
      )
      .then((socket) => socket.on('close', () => setTimeout(() => finish(-1, 'exec stream closed without a status'), 200)))
      .catch((error: unknown) => finish(-1, String((error as Error)?.message ?? error)));
  });
}

/** Exit code from the V1Status the exec stream ends with. */
export function exitCodeOf(status: V1Status): number {
  if (status.status === 'Success') return 0;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = Number(cause?.message);
  return Number.isInteger(code) ? code : -1;
}
