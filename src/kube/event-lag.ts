import { CoreV1Api, Watch, type CoreV1Event, type KubeConfig } from '@kubernetes/client-node';

/** How far behind the kubelet's events reach the API server, seen through one watch. */
export interface EventLag {
  /** The largest lag (written − occurred), seconds, of the kubelet events that arrived in the last `windowMs` (0 when none did). */
  seconds(): number;
  close(): void;
}

/** Events that arrived within this long count towards {@link EventLag.seconds}. */
const WINDOW_MS = 15_000;

/**
 * When an event last happened, ms since epoch: the newest of lastTimestamp,
 * eventTime and the series' last observation (a repeated event is written
 * again with a later lastTimestamp or series time, so its age is that of the
 * latest occurrence). Undefined when it carries none.
 */
export function occurredAt(event: CoreV1Event): number | undefined {
  const times = [event.lastTimestamp, event.eventTime, event.series?.lastObservedTime, event.firstTimestamp]
    .filter((t): t is Date => t !== undefined && t !== null)
    .map((t) => new Date(t).getTime())
    .filter((t) => Number.isFinite(t) && t > 0);
  return times.length === 0 ? undefined : Math.max(...times);
}

/**
 * When the API server wrote this version of the event, ms since epoch: the
 * newest managedFields time (set by the server on every write) or, for a
 * first write, its creationTimestamp. The server's clock, not the reader's:
 * a verify running on another machine, or a VM whose clock drifted, reads the
 * same lag.
 */
export function writtenAt(event: CoreV1Event): number | undefined {
  const times = [event.metadata?.creationTimestamp, ...(event.metadata?.managedFields ?? []).map((f) => f.time)]
    .filter((t): t is Date => t !== undefined && t !== null)
    .map((t) => new Date(t).getTime())
    .filter((t) => Number.isFinite(t) && t > 0);
  return times.length === 0 ? undefined : Math.max(...times);
}

/** Whether the kubelet reported the event (legacy `source.component` or the events.k8s.io reporter). */
export function fromKubelet(event: CoreV1Event): boolean {
  return event.source?.component === 'kubelet' || event.reportingComponent === 'kubelet';
}

/**
 * Keeps the recent kubelet event lags (the server's write time less the
 * event's last occurrence): `add` one arrival, `seconds` the largest of those
 * that arrived within the window. Separate from the watch so the rule is
 * testable without a cluster.
 */
export class LagWindow {
  private arrivals: { at: number; lag: number }[] = [];
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(windowMs = WINDOW_MS, now: () => number = Date.now) {
    this.windowMs = windowMs;
    this.now = now;
  }

  add(event: CoreV1Event): void {
    if (!fromKubelet(event)) return;
    const occurred = occurredAt(event);
    const written = writtenAt(event);
    if (occurred === undefined || written === undefined) return;
    const at = this.now();
    this.arrivals.push({ at, lag: Math.max(0, (written - occurred) / 1000) });
    this.forget(at);
  }

  seconds(): number {
    this.forget(this.now());
    return this.arrivals.reduce((most, a) => Math.max(most, a.lag), 0);
  }

  private forget(at: number): void {
    const since = at - this.windowMs;
    let drop = 0;
    while (drop < this.arrivals.length && this.arrivals[drop]!.at < since) drop++;
    if (drop > 0) this.arrivals = this.arrivals.slice(drop);
  }
}

/**
 * Watch every namespace's events and measure how late the kubelet's arrive.
 * The kubelet writes its events one at a time: when the machine is overloaded
 * each write waits on the API server and its queue grows to minutes, so an
 * event a symptom waits for (FailedMount, Unhealthy) arrives after the
 * symptom's deadline. The watch starts at the collection's current version
 * (a watch without one first replays every stored event as new); one that
 * ends is reopened after a second, from the version then current.
 */
export function watchEventLag(kc: KubeConfig): EventLag {
  const watch = new Watch(kc);
  const core = kc.makeApiClient(CoreV1Api);
  const window = new LagWindow();
  let controller: AbortController | undefined;
  let closed = false;
  const open = (): void => {
    if (closed) return;
    const reopen = (): void => void setTimeout(open, 1000).unref();
    core
      .listEventForAllNamespaces({ limit: 1 })
      .then((list) =>
        watch.watch(
          '/api/v1/events',
          { resourceVersion: list.metadata?.resourceVersion, allowWatchBookmarks: false },
          (phase: string, event: CoreV1Event) => {
            if (phase === 'ADDED' || phase === 'MODIFIED') window.add(event);
          },
          () => !closed && reopen(),
        ),
      )
      .then(
        (c) => (closed ? c.abort() : (controller = c)),
        () => reopen(),
      );
  };
  open();
  return {
    seconds: () => window.seconds(),
    close() {
      closed = true;
      controller?.abort();
    },
  };
}
