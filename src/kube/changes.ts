import { Watch, type KubeConfig } from '@kubernetes/client-node';

/** What a poll can wake on: these kinds in one namespace. */
export type WatchedKind = 'pods' | 'events' | 'deployments';

const PATHS: Record<WatchedKind, (ns: string) => string> = {
  pods: (ns) => `/api/v1/namespaces/${ns}/pods`,
  events: (ns) => `/api/v1/namespaces/${ns}/events`,
  deployments: (ns) => `/apis/apps/v1/namespaces/${ns}/deployments`,
};

/** A wake-up on change: `wait` returns at the next change (or one seen since the last wait), or after `maxMs`. */
export interface Changes {
  wait(maxMs: number): Promise<void>;
  close(): void;
}

/**
 * Watch `kinds` in `namespace` so a poll re-reads the cluster when something
 * changed rather than on a timer. A watch that ends (the server closes them
 * every few minutes) is reopened; until then `wait` still returns at `maxMs`.
 */
export function watchChanges(kc: KubeConfig, namespace: string, kinds: WatchedKind[]): Changes {
  const watch = new Watch(kc);
  const controllers: AbortController[] = [];
  let closed = false;
  let pending = false;
  let wake: (() => void) | undefined;
  const changed = (): void => {
    pending = true;
    wake?.();
  };
  const open = (path: string): void => {
    if (closed) return;
    const reopen = (): void => void setTimeout(() => open(path), 1000).unref();
    watch.watch(path, {}, changed, () => !closed && reopen()).then(
      (controller) => (closed ? controller.abort() : controllers.push(controller)),
      () => reopen(),
    );
  };
  for (const kind of kinds) open(PATHS[kind](namespace));
  return {
    async wait(maxMs) {
      if (!pending && maxMs > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, maxMs);
          function done(): void {
            clearTimeout(timer);
            wake = undefined;
            resolve();
          }
          wake = done;
        });
      }
      pending = false;
    },
    close() {
      closed = true;
      wake?.();
      for (const c of controllers) c.abort();
    },
  };
}
