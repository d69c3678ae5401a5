/**
 * A run of several networks trained one after the other (the candidates of 'auto' choices, then extra ensemble
 * members) reads as one run: each part's epochs and batches are numbered after the earlier parts', out of the run's
 * total, and a time budget is shared out so that every part still to come gets an equal share of what is left.
 */
import type { EpochReport, TrainConfig } from '../types';
import type { TrainHooks, TrainedModel } from './trainTypes';

export type PartLabel = Pick<EpochReport, 'seasonRemoved' | 'differenced' | 'log'> & { member?: boolean };

export class Parts {
  private index = 0;
  private epochShift = 0;
  private spent = 0;

  constructor(
    private readonly c: TrainConfig,
    private readonly hooks: TrainHooks,
    private readonly count: number,
  ) {}

  /** Seconds every part took so far. */
  get seconds(): number {
    return this.spent;
  }

  /** The config of the next part: its seed and its share of the time budget. */
  config(seed = this.c.seed): TrainConfig {
    const budget = this.c.timeBudgetSeconds ?? 0;
    const left = this.count - this.index;
    return {
      ...this.c,
      seed,
      ...(budget > 0 && { timeBudgetSeconds: Math.max(1, Math.floor((budget - this.spent) / left)) }),
    };
  }

  /** Hooks of the next part: its reports shifted after the earlier parts' and labelled. */
  hooksFor(label: PartLabel): TrainHooks {
    const { onEpoch, onBatch } = this.hooks;
    if (this.count === 1) return this.hooks;
    const shift = this.epochShift;
    const spent = this.spent;
    const part = { index: this.index + 1, count: this.count, ...(label.member && { member: true }) };
    const tags = {
      ...(label.seasonRemoved !== undefined && { seasonRemoved: label.seasonRemoved }),
      ...(label.differenced !== undefined && { differenced: label.differenced }),
      ...(label.log !== undefined && { log: label.log }),
      part,
    };
    return {
      ...this.hooks,
      onEpoch:
        onEpoch &&
        ((r, view) =>
          onEpoch(
            {
              ...r,
              epoch: r.epoch + shift,
              epochs: r.epochs * this.count,
              elapsed: (r.elapsed ?? 0) + spent,
              ...tags,
            },
            view,
          )),
      onBatch:
        onBatch && ((r) => onBatch({ ...r, epoch: r.epoch + shift, elapsed: (r.elapsed ?? 0) + spent })),
    };
  }

  /** Records a finished part: the next part's epochs follow its last. */
  done(m: TrainedModel): void {
    this.index++;
    this.epochShift += m.history.length;
    this.spent += m.meta.trainSeconds;
  }
}
