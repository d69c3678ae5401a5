/**
 * The 'kernel' engine: mini-batch steps in SeqLab's WebAssembly kernel (model/kernel), which runs the recurrence,
 * BPTT and tf.train.adam's update in f32 SIMD. Windows are read straight from the prepared series, so no batch
 * is copied out; the SeqNet receives the weights whenever someone else is about to read it.
 */
import { availableParallelism } from 'node:os';
import type { SeqNet } from '../network/seqnet';
import { gatesOf, type NetSpec } from '../network/spec';
import { KernelNet } from '../kernel/kernel';
import { targetIndex, windowStart, type Prepared } from '../windows/prepare';
import { targetBuffer } from '../windows/batches';
import type { StepEngine } from './engines';

/**
 * Threads for a batch: 2 where there are two cores and a batch has enough work to repay a worker's hand-off (about
 * 0.1 ms), else 1. SEQLAB_KERNEL_THREADS=1|2 overrides (benchmarks). Either way a seed gives the same weights.
 */
export function kernelThreads(spec: NetSpec, batchSize: number): 1 | 2 {
  const forced = process.env.SEQLAB_KERNEL_THREADS;
  if (forced === '1' || forced === '2') return Number(forced) as 1 | 2;
  if (availableParallelism() < 2) return 1;
  const macs = 3 * batchSize * spec.window * gatesOf(spec.cell) * spec.units * (spec.units + spec.features);
  return macs >= MIN_THREADED_MACS ? 2 : 1;
}

const MIN_THREADED_MACS = 5e6;

export class KernelEngine implements StepEngine {
  private readonly kernel: KernelNet;
  private synced = true;

  constructor(
    private readonly net: SeqNet,
    private readonly p: Prepared,
    private readonly lr: number,
    batchSize: number,
  ) {
    // Each half of a batch (one shard) runs in one pass.
    this.kernel = new KernelNet(net.spec, Math.ceil(batchSize / 2), kernelThreads(net.spec, batchSize));
    this.kernel.setWeights(net.readWeights());
  }

  private offsets(targets: Int32Array): Int32Array {
    const out = new Int32Array(targets.length);
    for (let b = 0; b < targets.length; b++) out[b] = windowStart(this.p, targets[b]);
    return out;
  }

  async step(targets: Int32Array): Promise<number> {
    const y = targetBuffer(this.p, targets);
    this.synced = false;
    return this.kernel.trainBatchAsync(this.p.z, this.offsets(targets), y, this.lr);
  }

  valLoss(targets: Int32Array): number {
    const yhat = this.kernel.predict(this.p.z, this.offsets(targets));
    let s = 0;
    for (let i = 0; i < targets.length; i++) s += (this.p.z[targetIndex(this.p, targets[i])] - yhat[i]) ** 2;
    return s / targets.length;
  }

  snapshot(): Float32Array[] {
    return this.kernel.getWeights();
  }

  restore(w: Float32Array[]): void {
    this.kernel.setWeights(w);
    this.net.writeWeights(w);
    this.synced = true;
  }

  sync(): void {
    if (this.synced) return;
    this.net.writeWeights(this.snapshot());
    this.synced = true;
  }

  dispose(): void {
    this.kernel.dispose();
  }
}
