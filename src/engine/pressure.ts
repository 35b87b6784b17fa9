import type { Kube } from '../kube/client.ts';
import type { EventLag } from '../kube/event-lag.ts';
import { sleep } from '../kube/client.ts';

/** Limits past which verify starts no new case (measured: docs/decisions/0080). */
export interface PressureLimits {
  /** Pods on the cluster not yet gone (terminating ones count: they still hold an IP and a kubelet slot). */
  pods: number;
  /** How long one list of every pod may take, ms: the API server's (and etcd's) answer time under load. */
  listMs: number;
  /**
   * How late the kubelet's events may arrive, seconds. The kubelet writes
   * them one at a time; on an overloaded machine its queue grows to minutes
   * and a symptom that waits for one (FailedMount, Unhealthy) misses its
   * deadline while the pods already show it.
   */
  eventLagS: number;
}

/** What one look at the cluster saw. */
export interface PressureReading {
  pods: number;
  listMs: number;
  eventLagS: number;
  /** When it was taken, ms since epoch. */
  at: number;
}

/**
 * Back-pressure for a proof run: before a case starts, `admit` waits until the
 * cluster holds fewer pods than the limit, answers a list of every pod within
 * the limit, and the kubelet's events arrive within the limit. One reading
 * serves every waiter for a second, so a full queue does not itself load the
 * API server. The highest reading is kept for the run's summary. The event
 * watch opens at the first `admit`; `close` ends it.
 */
export class Pressure {
  private latest: PressureReading | undefined;
  private pending: Promise<PressureReading> | undefined;
  /** The highest pods and list time seen. */
  peak: { pods: number; listMs: number; eventLagS: number } = { pods: 0, listMs: 0, eventLagS: 0 };
  /** Total ms cases waited for admission. */
  waitedMs = 0;

  private readonly kube: Pick<Kube, 'listAllPods' | 'eventLag'>;
  private readonly limits: PressureLimits;
  private lag: EventLag | undefined;
  /** Cases admitted and not yet released. */
  private running = 0;

  constructor(kube: Pick<Kube, 'listAllPods' | 'eventLag'>, limits: PressureLimits) {
    this.kube = kube;
    this.limits = limits;
  }

  /** End the event watch. */
  close(): void {
    this.lag?.close();
  }

  /** Resolve once a new case may start (or the signal aborts). */
  async admit(signal?: AbortSignal): Promise<void> {
    const started = Date.now();
    for (;;) {
      signal?.throwIfAborted();
      const reading = await this.read();
      // Late events only hold a case back while one of ours runs: an idle run cannot drain a queue it did not fill.
      const lagOk = reading.eventLagS <= this.limits.eventLagS || this.running === 0;
      if (reading.pods < this.limits.pods && reading.listMs <= this.limits.listMs && lagOk) break;
      await sleep(1000);
    }
    this.running++;
    this.waitedMs += Date.now() - started;
  }

  /** A case admitted by `admit` has ended. */
  release(): void {
    this.running = Math.max(0, this.running - 1);
  }

  private async read(): Promise<PressureReading> {
    if (this.latest && Date.now() - this.latest.at < 1000) return this.latest;
    this.pending ??= this.measure().finally(() => {
      this.pending = undefined;
    });
    this.latest = await this.pending;
    return this.latest;
  }

  private async measure(): Promise<PressureReading> {
    this.lag ??= this.kube.eventLag();
    const started = Date.now();
    const pods = (await this.kube.listAllPods()).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
    const listMs = Date.now() - started;
    const eventLagS = Math.round(this.lag.seconds());
    this.peak = { pods: Math.max(this.peak.pods, pods), listMs: Math.max(this.peak.listMs, listMs), eventLagS: Math.max(this.peak.eventLagS, eventLagS) };
    return { pods, listMs, eventLagS, at: Date.now() };
  }
}
