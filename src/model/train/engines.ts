/**
 * How one mini-batch step is taken. 'kernel' (the default wherever its .wasm loads) runs SeqLab's WebAssembly kernel
 * (train/kernelEngine.ts). 'fused' runs the recurrence and its gradient as plain loops (network/fused.ts)
 * with an Adam that matches tf.train.adam's update; 'layers' runs tfjs-layers with its optimizer. Unless the config
 * names one, the kernel runs every size; without
 * the kernel, small networks (the common case here) get 'fused' and large ones 'layers'.
 * Both start from, and hand back, the same weights in weightShapes order, so everything after training (store,
 * forecast, probe) is the same tfjs network either way.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../types';
import type { SeqNet } from '../network/seqnet';
import { FusedNet, zerosLike, type Params } from '../network/fused';
import { makeBatch } from '../windows/batches';
import { targetIndex, windowStart, type Prepared } from '../windows/prepare';
import { scaledMse } from './evaluate';
import { kernelAvailable } from '../kernel/load';
import { KernelEngine } from './kernelEngine';

export interface StepEngine {
  /** One Adam step on the windows ending at `targets`; returns their mean squared error before the step. */
  step(targets: Int32Array): Promise<number>;
  /** Mean squared error (scaled units) over `targets` with the current weights. */
  valLoss(targets: Int32Array): number;
  /** A copy of the current weights. */
  snapshot(): Float32Array[];
  /** Sets the weights (here and in the tfjs network). */
  restore(w: Float32Array[]): void;
  /** The most threads a step has run on so far (1 unless the kernel ran a second). */
  readonly threads?: number;
  /** Makes the tfjs network hold the current weights, before anyone else reads it. */
  sync(): void;
  dispose(): void;
}

/**
 * Above this many units the matrix products dominate, and tfjs' SIMD kernels beat scalar JS loops: measured on GRU,
 * window 50, batch 64 (samples/s, fused vs layers): 16 units 2542 vs 552, 32 units 1253 vs 439, 64 units 288 vs 235,
 * 128 units 48 vs 71.
 */
export const FUSED_MAX_UNITS = 64;

export type EngineName = NonNullable<TrainConfig['engine']>;

export function engineFor(c: Pick<TrainConfig, 'engine' | 'units'>, kernel = kernelAvailable()): EngineName {
  return c.engine ?? (kernel ? 'kernel' : c.units <= FUSED_MAX_UNITS ? 'fused' : 'layers');
}

export function createEngine(net: SeqNet, p: Prepared, c: TrainConfig): StepEngine {
  const name = engineFor(c);
  if (name === 'kernel') return new KernelEngine(net, p, c.learningRate, c.batchSize, c.threads);
  return name === 'fused'
    ? new FusedEngine(net, p, c.learningRate)
    : new LayersEngine(net, p, c.learningRate);
}

class LayersEngine implements StepEngine {
  private readonly optimizer: tf.Optimizer;
  constructor(
    private readonly net: SeqNet,
    private readonly p: Prepared,
    lr: number,
  ) {
    this.optimizer = tf.train.adam(lr);
  }

  async step(targets: Int32Array): Promise<number> {
    const { x, y } = makeBatch(this.p, targets);
    const lossT = this.optimizer.minimize(
      () => tf.losses.meanSquaredError(y, this.net.apply(x, true)) as tf.Scalar,
      true,
      this.net.variables,
    );
    const loss = lossT ? (await lossT.data())[0] : NaN;
    tf.dispose(lossT ? [x, y, lossT] : [x, y]);
    return loss;
  }

  valLoss(targets: Int32Array): number {
    return scaledMse(this.net, this.p, targets, true);
  }

  snapshot(): Float32Array[] {
    return this.net.readWeights();
  }

  restore(w: Float32Array[]): void {
    this.net.writeWeights(w);
  }

  sync(): void {}

  dispose(): void {
    this.optimizer.dispose();
  }
}

/** tf.train.adam's defaults; epsilon is the tfjs backends' float32 epsilon. */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

class FusedEngine implements StepEngine {
  private readonly fused: FusedNet;
  private w: Params;
  private readonly grads: Params;
  private readonly m: Params;
  private readonly v: Params;
  private t = 0;
  private synced = true;

  constructor(
    private readonly net: SeqNet,
    private readonly p: Prepared,
    private readonly lr: number,
  ) {
    this.fused = new FusedNet(net.spec);
    this.w = net.readWeights().map((a) => Float64Array.from(a));
    this.grads = zerosLike(net.spec);
    this.m = zerosLike(net.spec);
    this.v = zerosLike(net.spec);
  }

  step(targets: Int32Array): Promise<number> {
    const { fused, w, grads, p } = this;
    for (const g of grads) g.fill(0);
    const n = targets.length;
    let sum = 0;
    for (let b = 0; b < n; b++) {
      const e = fused.forward(w, p.z, windowStart(p, targets[b])) - p.z[targetIndex(p, targets[b])];
      sum += e * e;
      fused.backward(w, (2 * e) / n, grads);
    }
    this.t++;
    const c1 = 1 - BETA1 ** this.t;
    const c2 = 1 - BETA2 ** this.t;
    for (let k = 0; k < w.length; k++) {
      const wk = w[k];
      const gk = grads[k];
      const mk = this.m[k];
      const vk = this.v[k];
      for (let i = 0; i < wk.length; i++) {
        const g = gk[i];
        mk[i] = BETA1 * mk[i] + (1 - BETA1) * g;
        vk[i] = BETA2 * vk[i] + (1 - BETA2) * g * g;
        wk[i] -= (this.lr * (mk[i] / c1)) / (Math.sqrt(vk[i] / c2) + EPSILON);
      }
    }
    this.synced = false;
    return Promise.resolve(sum / n);
  }

  valLoss(targets: Int32Array): number {
    const { fused, w, p } = this;
    let s = 0;
    for (let b = 0; b < targets.length; b++)
      s += (fused.forward(w, p.z, windowStart(p, targets[b])) - p.z[targetIndex(p, targets[b])]) ** 2;
    return s / targets.length;
  }

  snapshot(): Float32Array[] {
    return this.w.map((a) => Float32Array.from(a));
  }

  restore(w: Float32Array[]): void {
    this.w = w.map((a) => Float64Array.from(a));
    this.net.writeWeights(w);
    this.synced = true;
  }

  sync(): void {
    if (this.synced) return;
    this.net.writeWeights(this.snapshot());
    this.synced = true;
  }

  dispose(): void {}
}
