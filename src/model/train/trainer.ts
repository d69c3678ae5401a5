/**
 * The training loop: seeded shuffles of lazily built mini-batches, Adam, early stopping that restores the best
 * weights, cancellation between batches, and a clear error on a non-finite loss. Callbacks get plain numbers.
 */
import type { BatchReport, EpochReport, TrainConfig } from '../types';
import type { SeqNet } from '../network/seqnet';
import { chunks } from '../windows/batches';
import type { Prepared } from '../windows/prepare';
import { createEngine } from './engines';
import { Rng } from './rng';

/** Training could not produce a usable model (e.g. the loss became NaN); such a model is never saved. */
export class TrainingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingError';
  }
}

export interface LoopHooks {
  onEpoch?(r: EpochReport): void | Promise<void>;
  onBatch?(r: BatchReport): void;
  shouldStop?(): boolean;
}

export interface LoopResult {
  history: EpochReport[];
  stopped: boolean;
  bestEpoch: number;
  seconds: number;
}

/** Early stopping scores at most this many validation windows per epoch; final metrics always use all of them. */
const MAX_EPOCH_VAL_WINDOWS = 1024;

function evenlySpaced(targets: Int32Array, max: number): Int32Array {
  if (targets.length <= max) return targets;
  return Int32Array.from({ length: max }, (_, i) => targets[Math.floor((i * targets.length) / max)]);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function diverged(what: string, epoch: number, lr: number): TrainingError {
  return new TrainingError(
    `training diverged: the ${what} became non-finite at epoch ${epoch}; try a lower learning rate than ${lr}`,
  );
}

/** Trains `net` in place. With patience > 0 the best validation weights (epoch 0 = initial ones included) are restored. */
export async function trainLoop(
  net: SeqNet,
  p: Prepared,
  c: TrainConfig,
  hooks: LoopHooks,
): Promise<LoopResult> {
  const t0 = performance.now();
  const rng = new Rng(c.seed + 1);
  const engine = createEngine(net, p, c);
  const history: EpochReport[] = [];
  const valProbe = evenlySpaced(p.valTargets, MAX_EPOCH_VAL_WINDOWS);
  let best = { loss: engine.valLoss(valProbe), epoch: 0, weights: engine.snapshot() };
  let stopped = false;
  const perEpoch = c.maxWindowsPerEpoch
    ? Math.min(c.maxWindowsPerEpoch, p.trainTargets.length)
    : p.trainTargets.length;
  try {
    for (let epoch = 1; epoch <= c.epochs && !stopped; epoch++) {
      const e0 = performance.now();
      const order = rng.shuffle(Int32Array.from(p.trainTargets)).subarray(0, perEpoch);
      const batches = Math.ceil(order.length / c.batchSize);
      let sum = 0;
      let batch = 0;
      for (const part of chunks(order, c.batchSize)) {
        if (hooks.shouldStop?.()) {
          stopped = true;
          break;
        }
        const loss = await engine.step(part);
        if (!Number.isFinite(loss)) throw diverged('training loss', epoch, c.learningRate);
        sum += loss * part.length;
        batch++;
        hooks.onBatch?.({ epoch, batch, batches, loss });
        await yieldToEventLoop();
      }
      if (batch === 0) break;
      const valLoss = engine.valLoss(valProbe);
      if (!Number.isFinite(valLoss)) throw diverged('validation loss', epoch, c.learningRate);
      const isBest = valLoss < best.loss;
      if (isBest) best = { loss: valLoss, epoch, weights: engine.snapshot() };
      const report: EpochReport = {
        epoch,
        epochs: c.epochs,
        loss: sum / order.length,
        valLoss,
        seconds: (performance.now() - e0) / 1000,
        best: isBest,
      };
      history.push(report);
      engine.sync();
      await hooks.onEpoch?.(report);
      if (c.patience > 0 && epoch - best.epoch >= c.patience) break;
    }
    if (c.patience > 0 && history.length > 0) engine.restore(best.weights);
    else engine.sync();
  } finally {
    engine.dispose();
  }
  const bestEpoch = c.patience > 0 ? best.epoch : history.length;
  return { history, stopped, bestEpoch, seconds: (performance.now() - t0) / 1000 };
}
