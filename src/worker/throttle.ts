/**
 * Keeps progress traffic to about `perSecond` messages: in between, only the latest value is kept, and `flush`
 * sends it before anything that must follow it (a run's views, its end).
 */
export class Throttle<T> {
  private last = Number.NEGATIVE_INFINITY;
  private pending: T | undefined;
  private readonly interval: number;

  constructor(
    private readonly send: (value: T) => void,
    perSecond = 10,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.interval = 1000 / perSecond;
  }

  /** Sends now if the interval has passed, else keeps the value as the one to send next. */
  offer(value: T): void {
    const t = this.now();
    if (t - this.last >= this.interval) {
      this.last = t;
      this.pending = undefined;
      this.send(value);
    } else {
      this.pending = value;
    }
  }

  /** Whether a call now would be sent right away (lets callers skip computing costly payloads). */
  ready(): boolean {
    return this.now() - this.last >= this.interval;
  }

  /** Sends the held value, if any, regardless of the interval. */
  flush(): void {
    if (this.pending === undefined) return;
    const value = this.pending;
    this.pending = undefined;
    this.last = this.now();
    this.send(value);
  }
}
