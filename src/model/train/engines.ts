/**
 * How one mini-batch step is taken: in SeqLab's WebAssembly kernel (train/kernelEngine.ts), the one implementation of
 * the recurrence for training, forecasts and hidden states. Configs and meta.json files from earlier versions may name
 * 'fused' or 'layers': those engines are gone, and such models train and load on the kernel (their weights are the
 * same arrays).
 */
import type { TrainConfig } from '../types';
import type { SeqNet } from '../network/seqnet';
import type { Prepared } from '../windows/prepare';
import { KernelEngine } from './kernelEngine';

export interface StepEngine {
  /** One Adam step on the windows ending at `targets`; returns their mean squared error before the step. */
  step(targets: Int32Array): Promise<number>;
  /** Mean squared error (scaled units) over `targets` with the current weights. */
  valLoss(targets: Int32Array): number;
  /** A copy of the current weights. */
  snapshot(): Float32Array[];
  /** Sets the weights (here and in the network). */
  restore(w: Float32Array[]): void;
  /** The most threads a step has run on so far (1 unless the kernel ran a second). */
  readonly threads?: number;
  /** Makes the network hold the current weights, before anyone else reads it. */
  sync(): void;
  dispose(): void;
}

export type EngineName = 'kernel';

export function engineFor(_c: Partial<Pick<TrainConfig, 'units'>>): EngineName {
  return 'kernel';
}

export function createEngine(net: SeqNet, p: Prepared, c: TrainConfig): StepEngine {
  return new KernelEngine(net, p, c.learningRate, c.batchSize, c.threads);
}
