/**
 * How much data an epoch trains on, and when the time budget ends training.
 *
 * The rule (README "Time budget"):
 * - An epoch is one pass over every training window, in a seeded shuffle.
 * - With a budget of B seconds, the first epoch measures the speed r (windows/s, its first batch excluded: it warms
 *   up the kernel and starts its thread). When a pass would take more than B / min(10, epochs), epochs are shortened
 *   to r·B / min(10, epochs) windows (whole batches), so that validation, early stopping and the panel still get
 *   about ten epochs. Shortened epochs walk on through the shuffled pass, so all windows are still seen in turn.
 *   A guess from the first few batches ends a first epoch that would overrun; the first epoch's whole speed then
 *   fixes the length of the others.
 * - Training stops after the batch that reaches B (that epoch is still scored and reported), keeping the best
 *   validation weights when early stopping is on.
 * When neither happens (no budget, or a budget that does not bind), training is exactly what it is without one, so a
 * seed gives the same weights.
 */
import { Rng } from './rng';

/** Epochs a budget should leave room for (fewer when fewer are asked for). */
export const MIN_EPOCHS_IN_BUDGET = 10;

/** The speed is measured over at least this many batches after the first, and at least this long. */
const PROBE_BATCHES = 4;
const PROBE_SECONDS = 0.2;

/** Training windows in seeded shuffled passes; a pass is reshuffled from the targets' order each time it starts. */
export class WindowSweep {
  private readonly order: Int32Array;
  private at: number;

  constructor(
    private readonly targets: Int32Array,
    private readonly rng: Rng,
  ) {
    this.order = new Int32Array(targets.length);
    this.at = targets.length;
  }

  /** The next `count` windows (a batch may run on into the next pass). */
  take(count: number): Int32Array {
    const out = new Int32Array(count);
    for (let i = 0; i < count;) {
      if (this.at === this.order.length) {
        this.order.set(this.targets);
        this.rng.shuffle(this.order);
        this.at = 0;
      }
      const n = Math.min(count - i, this.order.length - this.at);
      out.set(this.order.subarray(this.at, this.at + n), i);
      this.at += n;
      i += n;
    }
    return out;
  }
}

export interface PlanConfig {
  batchSize: number;
  epochs: number;
  /** 0 or absent: no limit. */
  timeBudgetSeconds?: number;
  /** A hard cap on windows per epoch (benchmarks); 0 or absent: none. */
  maxWindowsPerEpoch?: number;
}

/** The epoch length and the budget's clock for one training run. */
export class EpochPlan {
  /** Windows each epoch trains on (set during the first epoch when the budget binds, then fixed). */
  windowsPerEpoch: number;
  /** True once the budget has been spent. */
  cut = false;
  readonly budgetSeconds: number;
  private readonly most: number;
  private probeStart = -1;
  private firstWindows = 0;
  private probeWindows = 0;
  private probeBatches = 0;
  private guessed = false;
  private settled: boolean;

  constructor(
    readonly trainWindows: number,
    private readonly c: PlanConfig,
    private readonly start = performance.now(),
  ) {
    this.most = Math.min(c.maxWindowsPerEpoch || trainWindows, trainWindows);
    this.windowsPerEpoch = this.most;
    this.budgetSeconds = c.timeBudgetSeconds ?? 0;
    this.settled = this.budgetSeconds === 0;
  }

  elapsed(now = performance.now()): number {
    return (now - this.start) / 1000;
  }

  /** Records a finished batch of `windows`; returns true when the budget is spent (training ends after it). */
  afterBatch(windows: number, now = performance.now()): boolean {
    if (!this.settled) this.measure(windows, now);
    if (this.budgetSeconds > 0 && this.elapsed(now) >= this.budgetSeconds) this.cut = true;
    return this.cut;
  }

  /**
   * The end of an epoch: the first one's speed, measured over all its batches but the first, fixes the epoch length
   * (the early guess from a few batches runs low while the JIT warms up).
   */
  endEpoch(now = performance.now()): void {
    if (this.settled) return;
    this.settled = true;
    // One batch only: its own time (warm-up included) is all there is to go by.
    const [windows, seconds] =
      this.probeWindows > 0
        ? [this.probeWindows, (now - this.probeStart) / 1000]
        : [this.firstWindows, this.elapsed(now)];
    this.plan(windows / Math.max(seconds, 1e-6));
  }

  private measure(windows: number, now: number): void {
    if (this.probeStart < 0) {
      this.probeStart = now;
      this.firstWindows = windows;
      return;
    }
    this.probeWindows += windows;
    this.probeBatches++;
    const seconds = (now - this.probeStart) / 1000;
    if (!this.guessed && this.probeBatches >= PROBE_BATCHES && seconds >= PROBE_SECONDS) {
      // A first guess ends a first epoch that would not fit, so that the budget is not spent on it alone.
      this.guessed = true;
      this.plan(this.probeWindows / seconds);
    }
  }

  private plan(windowsPerSecond: number): void {
    this.windowsPerEpoch = Math.min(
      this.most,
      windowsWithin(windowsPerSecond, this.budgetSeconds, this.c.epochs, this.c.batchSize),
    );
  }
}

/** Whole batches that fit min(10, epochs) epochs into the budget at the measured speed (at least one batch). */
export function windowsWithin(
  windowsPerSecond: number,
  budgetSeconds: number,
  epochs: number,
  batchSize: number,
): number {
  const perEpoch = (windowsPerSecond * budgetSeconds) / Math.min(MIN_EPOCHS_IN_BUDGET, epochs);
  return Math.max(1, Math.floor(perEpoch / batchSize)) * batchSize;
}
