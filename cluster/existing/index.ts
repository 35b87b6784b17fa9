import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ClusterError } from '../errors.ts';
import { nodeStatuses } from '../kind/nodes.ts';
import type { CommandRunner } from '../kind/run.ts';
import { zxRunner } from '../kind/run.ts';
import type { ClusterAccess, ComponentStatus, Provider, UpOptions } from '../provider.ts';
import type { Ask, Consent } from './confirm.ts';
import { confirmContext, inquirerAsk } from './confirm.ts';
import type { KubectlEnv } from './kubeconfig.ts';
import { currentContext, describeContext, flattenContext, kubeconfigFiles, reachServer } from './kubeconfig.ts';

/** Options for {@link existingProvider}; everything defaults to the real system. */
export interface ExistingProviderOptions {
  /** `--context`; `up` may also name one. Default: the kubeconfig's current context. */
  context?: string;
  runner?: CommandRunner;
  /** `$KUBEDRILL_HOME` override. */
  home?: string;
  /** KUBECONFIG override (default: process.env.KUBECONFIG). */
  kubeconfigEnv?: string;
  /** Home directory holding ~/.kube/config (tests). */
  homedir?: string;
  /** stdin is a terminal (default: process.stdin.isTTY). */
  isTTY?: boolean;
  /** The yes/no question (default: @inquirer/prompts confirm). */
  ask?: Ask;
}

/** What `up` remembers: the only thing kubedrill keeps about an existing cluster. */
export interface ExistingRecord {
  context: string;
  server: string;
  kubeconfig: string;
  consent: Consent;
  recordedAt: string;
}

/**
 * The `existing` provider: any kubeconfig context — a cloud cluster for a big
 * workshop, or a lab cluster made by another tool. It never creates or deletes
 * a cluster; `up` checks the context (asking first when it is not a local/lab
 * one), proves the server answers, and records the choice; `down` forgets it.
 */
export function existingProvider(options: ExistingProviderOptions = {}): Provider {
  const runner = options.runner ?? zxRunner;
  const env: KubectlEnv = {
    runner,
    kubeconfigEnv: 'kubeconfigEnv' in options ? options.kubeconfigEnv : process.env.KUBECONFIG,
    homedir: options.homedir,
  };
  const dir = path.join(options.home ?? process.env.KUBEDRILL_HOME ?? path.join(os.homedir(), '.kubedrill'), 'existing');
  const recordFile = path.join(dir, 'cluster.json');

  const readRecord = async (): Promise<ExistingRecord | null> => {
    try {
      return JSON.parse(await readFile(recordFile, 'utf8')) as ExistingRecord;
    } catch {
      return null;
    }
  };
  const writeAtomic = async (file: string, text: string): Promise<void> => {
    await mkdir(dir, { recursive: true });
    await writeFile(`${file}.tmp`, text, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  };
  /** The user's kubeconfig when it is one file; a flattened copy of the context when KUBECONFIG lists several. */
  const kubeconfigFor = async (context: string): Promise<string> => {
    const files = kubeconfigFiles(env);
    if (files.length === 1) return files[0]!;
    const copy = path.join(dir, 'kubeconfig');
    await writeAtomic(copy, await flattenContext(env, context));
    return copy;
  };

  return {
    name: 'existing',

    async up(up: UpOptions): Promise<ClusterAccess> {
      const { progress } = up;
      if (up.listen !== undefined) {
        throw new ClusterError('existing: --listen cannot move the API server of a cluster kubedrill did not make', { fix: 'drop --listen, or use --provider local or kind' });
      }
      const named = up.context ?? options.context;
      const info = await progress.step('read the kubeconfig context', async () =>
        describeContext(env, named ?? (await currentContext(env))),
      );
      progress.info(`context ${info.context}, server ${info.server || '(none)'}`);
      // Asked before anything is sent to the cluster; never inside a step (its heartbeat would cut the prompt).
      const consent = await confirmContext({
        ...info,
        yes: up.yes ?? false,
        isTTY: options.isTTY ?? Boolean(process.stdin.isTTY),
        ask: options.ask ?? inquirerAsk,
      });
      const version = await progress.step(`reach the cluster of context ${info.context}`, () => reachServer(env, info));
      progress.info(`Kubernetes ${version}`);
      const kubeconfig = await kubeconfigFor(info.context);
      const record: ExistingRecord = { ...info, kubeconfig, consent, recordedAt: new Date().toISOString() };
      await progress.step('record the context', () => writeAtomic(recordFile, `${JSON.stringify(record, null, 2)}\n`));
      return { provider: 'existing', kubeconfig, context: info.context };
    },

    async down({ progress }): Promise<void> {
      const record = await readRecord();
      progress.info(
        record
          ? `existing cluster (context ${record.context}): nothing to remove but kubedrill's record of it; the cluster stays as it is`
          : 'existing cluster: nothing recorded, nothing to remove',
      );
      await rm(dir, { recursive: true, force: true });
    },

    async status(): Promise<ComponentStatus[]> {
      const record = await readRecord();
      if (!record) return [];
      return nodeStatuses(runner, { kubeconfig: record.kubeconfig, context: record.context });
    },

    async kubeconfig(): Promise<ClusterAccess> {
      const record = await readRecord();
      if (record) return { provider: 'existing', kubeconfig: record.kubeconfig, context: record.context };
      const context = options.context ?? (await currentContext(env));
      return { provider: 'existing', kubeconfig: await kubeconfigFor(context), context };
    },
  };
}
