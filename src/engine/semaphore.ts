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

/** One task at a time (exclusive scenarios). */
export class Mutex extends Semaphore {
  constructor() {
    super(1);
  }
}
