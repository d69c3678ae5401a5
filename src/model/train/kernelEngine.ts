/**
 * The 'kernel' engine: mini-batch steps in SeqLab's WebAssembly kernel (model/kernel), which runs the recurrence,
 * BPTT and tf.train.adam's update in f32 SIMD. Windows are read straight from the prepared series, so no batch
 * is copied out; the SeqNet receives the weights whenever someone else is about to read it.
 */
import type { SeqNet } from '../network/seqnet';
import { KernelNet } from '../kernel/kernel';
import { kernelThreads } from '../kernel/threadCount';
import type { TrainConfig } from '../types';
import { targetIndex, windowStart, type Prepared } from '../windows/prepare';
import { targetBuffer } from '../windows/batches';
import type { StepEngine } from './engines';

export class KernelEngine implements StepEngine {
  private readonly kernel: KernelNet;
  private synced = true;
  threads = 1;

  constructor(
    private readonly net: SeqNet,
    private readonly p: Prepared,
    private readonly lr: number,
    batchSize: number,
    threads: TrainConfig['threads'] = 'auto',
  ) {
    // Each half of a batch (one shard) runs in one pass.
    this.kernel = new KernelNet(
      net.spec,
      Math.ceil(batchSize / 2),
      kernelThreads(net.spec, batchSize, threads),
    );
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
    const loss = await this.kernel.trainBatchAsync(this.p.z, this.offsets(targets), y, this.lr);
    this.threads = Math.max(this.threads, this.kernel.lastThreads);
    return loss;
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
