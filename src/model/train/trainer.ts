/**
 * The training loop: seeded shuffles of lazily built mini-batches, Adam, early stopping that restores the best
 * weights, a time budget (epochPlan.ts), cancellation between batches, and a clear error on a non-finite loss.
 * Callbacks get plain numbers.
 */
import type { BatchReport, EpochReport, TrainConfig } from '../types';
import type { SeqNet } from '../network/seqnet';
import type { Prepared } from '../windows/prepare';
import { createEngine } from './engines';
import { EpochPlan, WindowSweep } from './epochPlan';
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
  /** All training windows, and how many an epoch trained on (fewer only when the time budget bound: epochPlan.ts). */
  trainWindows: number;
  windowsPerEpoch: number;
  /** The time budget ended training. */
  budgetCut: boolean;
  /** Threads the batches ran on (the most any batch used). */
  threads: number;
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
  const plan = new EpochPlan(p.trainTargets.length, c, t0);
  const sweep = new WindowSweep(p.trainTargets, new Rng(c.seed + 1));
  const engine = createEngine(net, p, c);
  const history: EpochReport[] = [];
  const valProbe = evenlySpaced(p.valTargets, MAX_EPOCH_VAL_WINDOWS);
  let best = { loss: engine.valLoss(valProbe), epoch: 0, weights: engine.snapshot() };
  let stopped = false;
  try {
    for (let epoch = 1; epoch <= c.epochs && !stopped && !plan.cut; epoch++) {
      const e0 = performance.now();
      let sum = 0;
      let batch = 0;
      let done = 0;
      while (done < plan.windowsPerEpoch && !plan.cut) {
        if (hooks.shouldStop?.()) {
          stopped = true;
          break;
        }
        const part = sweep.take(Math.min(c.batchSize, plan.windowsPerEpoch - done));
        const loss = await engine.step(part);
        if (!Number.isFinite(loss)) throw diverged('training loss', epoch, c.learningRate);
        sum += loss * part.length;
        done += part.length;
        batch++;
        plan.afterBatch(part.length);
        const batches = Math.ceil(plan.windowsPerEpoch / c.batchSize);
        hooks.onBatch?.({ epoch, batch, batches: Math.max(batches, batch), loss, elapsed: plan.elapsed() });
        await yieldToEventLoop();
      }
      if (batch === 0) break;
      plan.endEpoch();
      const valLoss = engine.valLoss(valProbe);
      if (!Number.isFinite(valLoss)) throw diverged('validation loss', epoch, c.learningRate);
      const isBest = valLoss < best.loss;
      if (isBest) best = { loss: valLoss, epoch, weights: engine.snapshot() };
      const report: EpochReport = {
        epoch,
        epochs: c.epochs,
        loss: sum / done,
        valLoss,
        seconds: (performance.now() - e0) / 1000,
        best: isBest,
        windows: done,
        trainWindows: plan.trainWindows,
        elapsed: plan.elapsed(),
        ...(plan.cut ? { budgetCut: true as const } : {}),
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
  return {
    history,
    stopped,
    bestEpoch,
    seconds: (performance.now() - t0) / 1000,
    trainWindows: plan.trainWindows,
    windowsPerEpoch: plan.windowsPerEpoch,
    budgetCut: plan.cut,
    threads: engine.threads ?? 1,
  };
}
