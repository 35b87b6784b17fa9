import { ClusterError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import type { Component } from './control-plane.ts';
import { logPath, runningPid, startDaemon, waitHealthy, type SupervisorDirs } from './supervisor.ts';

/**
 * Make sure a component runs and is healthy: a running healthy one is left
 * alone (warm `up`), a running one still starting is waited for, a missing
 * one is (re)started. Failures name the component and its log.
 */
export async function ensureComponent(component: Component, options: { dirs: SupervisorDirs; progress: Progress }): Promise<void> {
  const { dirs } = options;
  await options.progress.step(component.name, async () => {
    try {
      if (runningPid(dirs, component.name) === undefined) {
        await component.prepare?.();
        await startDaemon(dirs, component);
      } else if (await component.healthy().catch(() => false)) {
        return;
      }
      await waitHealthy({ name: component.name, check: component.healthy, timeoutMs: component.timeoutSeconds * 1000, dirs });
    } catch (error) {
      if (error instanceof ClusterError) throw error;
      throw new ClusterError(`${component.name}: ${String(error)}`, { cause: error, logPath: logPath(dirs, component.name) });
    }
  });
}
