/**
 * The network behind a small interface. Callers (training, forecast, store) see only SeqNet: plain weight arrays in
 * weightShapes order, predictions and hidden states. SeqLab's own models run in the WebAssembly kernel; tfjs-layers
 * runs only models the kernel cannot (layersNet.ts, loaded lazily by the store).
 */
import type { NetSpec, ProbeResult } from './spec';
import { weightShapes } from './spec';
import { initialWeights } from './init';
import { KernelNet } from '../kernel/kernel';
import { kernelAvailable, KERNEL_FILE } from '../kernel/load';

export interface SeqNet {
  readonly spec: NetSpec;
  /** Copies of the current weights, in weightShapes order. */
  readWeights(): Float32Array[];
  writeWeights(w: ArrayLike<number>[]): void;
  /** Predictions for `count` windows given as [count, T, features] row-major (inference only). */
  predict(windows: Float32Array, count: number): Float32Array;
  /**
   * Predictions for windows read in place: element (t, f) of window b is src[offsets[b] + t·features + f]. With
   * `threads` 2 the kernel runs every other pass on its second thread; the numbers equal predict's.
   */
  predictAt?(src: Float32Array, offsets: Int32Array, threads: 1 | 2): Promise<Float32Array>;
  /** h_t (and c_t) per layer for one window given as [T, features] row-major. */
  probe(window: Float32Array): ProbeResult;
  dispose(): void;
}

/** Rows per kernel pass when predicting many windows. */
const PREDICT_ROWS = 256;

/** Checks `w` against the spec's shapes and copies it. */
function copyWeights(spec: NetSpec, w: ArrayLike<number>[]): Float32Array[] {
  const shapes = weightShapes(spec);
  if (w.length !== shapes.length)
    throw new Error(`${w.length} weight arrays; the network has ${shapes.length}`);
  return shapes.map((s, k) => {
    const n = s.reduce((a, b) => a * b, 1);
    if (w[k].length !== n)
      throw new Error(`weight ${k} has ${w[k].length} values; [${s.join(', ')}] needs ${n}`);
    return Float32Array.from(w[k]);
  });
}

/** Weights held as plain arrays; inference runs in kernel instances sized for many windows or for one. */
class KernelSeqNet implements SeqNet {
  private weights: Float32Array[];
  /** Bumped by every write, so a kernel instance reloads the weights only when they changed. */
  private version = 0;
  private kernels: Partial<Record<'many' | 'one' | 'pair', { k: KernelNet; at: number }>> = {};

  constructor(
    readonly spec: NetSpec,
    weights: ArrayLike<number>[],
  ) {
    this.weights = copyWeights(spec, weights);
  }

  readWeights(): Float32Array[] {
    return this.weights.map((a) => a.slice());
  }

  writeWeights(w: ArrayLike<number>[]): void {
    this.weights = copyWeights(this.spec, w);
    this.version++;
  }

  private kernel(which: 'many' | 'one' | 'pair'): KernelNet {
    const entry = (this.kernels[which] ??= {
      k: new KernelNet(this.spec, which === 'one' ? 1 : PREDICT_ROWS, which === 'pair' ? 2 : 1),
      at: -1,
    });
    if (entry.at !== this.version) {
      entry.k.setWeights(this.weights);
      entry.at = this.version;
    }
    return entry.k;
  }

  predict(windows: Float32Array, count: number): Float32Array {
    const span = this.spec.window * this.spec.features;
    const offsets = new Int32Array(count);
    for (let b = 0; b < count; b++) offsets[b] = b * span;
    return this.kernel(count <= 4 ? 'one' : 'many').predict(windows, offsets);
  }

  predictAt(src: Float32Array, offsets: Int32Array, threads: 1 | 2): Promise<Float32Array> {
    if (threads < 2 || offsets.length <= PREDICT_ROWS)
      return Promise.resolve(this.kernel(offsets.length <= 4 ? 'one' : 'many').predict(src, offsets));
    return this.kernel('pair').predictAsync(src, offsets);
  }

  probe(window: Float32Array): ProbeResult {
    return this.kernel('one').states(window);
  }

  dispose(): void {
    this.kernels.many?.k.dispose();
    this.kernels.one?.k.dispose();
    this.kernels.pair?.k.dispose();
    this.kernels = {};
  }
}

/** Where the kernel does not load (its .wasm missing from the build), nothing can train: say so in one line. */
export function assertKernel(): void {
  if (!kernelAvailable())
    throw new Error(
      `the recurrent kernel (dist/wasm/${KERNEL_FILE}) is missing or this Node.js lacks WebAssembly SIMD; reinstall SeqLab or run npm run build`,
    );
}

/** A network with the given weights (weightShapes order), run by the kernel. */
export function kernelNet(spec: NetSpec, weights: ArrayLike<number>[]): SeqNet {
  assertKernel();
  return new KernelSeqNet(spec, weights);
}

/** A new network with seeded initial weights. */
export function createNet(spec: NetSpec, seed: number): SeqNet {
  return kernelNet(spec, initialWeights(spec, seed));
}
