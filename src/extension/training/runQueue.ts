/** Runs one training at a time, in arrival order; a queued run can be taken out before it starts. */
import type { TrainingRun } from './trainingRun';

interface Entry {
  run: TrainingRun;
  start: () => Promise<void>;
}

export class RunQueue {
  private current: Entry | undefined;
  private readonly waiting: Entry[] = [];
  private readonly changeListeners = new Set<() => void>();

  get active(): TrainingRun | undefined {
    return this.current?.run;
  }

  get queued(): readonly TrainingRun[] {
    return this.waiting.map((e) => e.run);
  }

  /** `start` runs when every earlier run has finished; its promise settles when this run has. */
  enqueue(run: TrainingRun, start: () => Promise<void>): void {
    this.waiting.push({ run, start });
    this.changed();
    this.pump();
  }

  /** Removes a run that has not started; false if it is running or unknown. */
  remove(run: TrainingRun): boolean {
    const i = this.waiting.findIndex((e) => e.run === run);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    this.changed();
    return true;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  private pump(): void {
    if (this.current) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.current = next;
    this.changed();
    void next
      .start()
      .catch(() => undefined)
      .finally(() => {
        this.current = undefined;
        this.changed();
        this.pump();
      });
  }

  private changed(): void {
    for (const l of this.changeListeners) l();
  }
}
