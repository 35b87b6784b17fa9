import { execa } from 'execa';
import type { CaseScript } from './generic-shortcuts.ts';

/** What a learner-style script did. Same shape on success and failure. */
export interface ScriptResult {
  exitCode: number;
  output: string;
}

/** Options for {@link runScript}. */
export interface RunScriptOptions {
  kubeconfig: string;
  namespace: string;
  /** Directories put first on PATH (e.g. the local provider's kubectl). */
  pathPrepend?: string[];
  timeoutMs?: number;
  /** More environment, e.g. KD_SUFFIX (always set: empty unless given, so `set -u` scripts run). */
  env?: Record<string, string>;
}

/** Run a solution/fix/shortcut as a learner would: sh, KUBECONFIG and NS set, no arguments. */
export async function runScript(script: Pick<CaseScript, 'path' | 'inline'>, options: RunScriptOptions): Promise<ScriptResult> {
  const args = script.path ? [script.path] : ['-c', script.inline ?? 'false'];
  const path = [...(options.pathPrepend ?? []), process.env.PATH ?? ''].join(':');
  const result = await execa('sh', args, {
    env: { KD_SUFFIX: '', ...options.env, KUBECONFIG: options.kubeconfig, NS: options.namespace, PATH: path },
    all: true,
    reject: false,
    stdin: 'ignore',
    timeout: options.timeoutMs ?? 180_000,
  });
  return { exitCode: result.exitCode ?? -1, output: String(result.all ?? '').trim() };
}
