/** At most `size` tasks at once; the rest wait in order. */
export class Semaphore {
  private available: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.available = Math.max(1, size);
  }
  /** Run `task` when a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.available > 0) this.available--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.available++;
    }
  }
}

/**
 * Shared or alone: any number of `shared` tasks run together, an `alone` task
 * runs with none beside it. A waiting `alone` task holds back new shared ones,
 * so it is never starved.
 */
export class Gate {
  private sharing = 0;
  private alone = false;
  private readonly queue: Array<{ alone: boolean; start: () => void }> = [];

  /** Run `task` beside other shared tasks. */
  shared<T>(task: () => Promise<T>): Promise<T> {
    return this.run(false, task);
  }

  /** Run `task` with nothing else running. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.run(true, task);
  }

  private async run<T>(alone: boolean, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.queue.push({ alone, start });
      this.pump();
    });
    try {
      return await task();
    } finally {
      if (alone) this.alone = false;
      else this.sharing--;
      this.pump();
    }
  }

  // Start waiting tasks in order while the head of the queue may start.
  private pump(): void {
    for (;;) {
      const head = this.queue[0];
      if (!head || this.alone) return;
      if (head.alone && this.sharing > 0) return;
      this.queue.shift();
      if (head.alone) this.alone = true;
      else this.sharing++;
      head.start();
      if (head.alone) return;
    }
  }
}
