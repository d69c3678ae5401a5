/**
 * A recurrent network running in SeqLab's WebAssembly kernel (src/kernel/assembly): f32, batched, with BPTT and Adam
 * inside the module. Weights go in and come out in tfjs-layers' layout (weightShapes order: kernel [in, g·u],
 * recurrent kernel [u, g·u], bias [g·u] per layer, then the dense head), so the tfjs network stays the model format.
 * Windows are read from any flat array through per-window offsets: element (t, f) of window b is
 * src[offsets[b] + t·features + f], which covers both a [batch, window, features] tensor's data and a series.
 *
 * A batch's gradient is always the sum of two shards' (its first and second half, each summed over its own passes),
 * added in that order: on one thread both shards run here, on two the second runs in a worker over the same shared
 * memory. The arithmetic is the same either way, so a seed gives the same weights with 1 or 2 threads.
 */
import { gatesOf, weightShapes, type NetSpec, type ProbeResult } from '../network/spec';
import {
  instantiateKernel,
  kernelModule,
  newKernelMemory,
  type KernelExports,
  type WasmMemory,
} from './load';
import { RemoteShard } from './threads';

/** tf.train.adam's defaults; epsilon is the tfjs backends' float32 epsilon. */
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

/** Activations for one pass are bounded by this, so long windows or big batches are run in several passes. */
export const KERNEL_MEMORY_BUDGET = 512 * 1024 * 1024;

const CELL_CODE = { rnn: 0, gru: 1, lstm: 2 } as const;
const up4 = (n: number): number => (n + 3) & ~3;

/** Bytes the kernel needs for `rows` windows per pass (layout.ts's sizes, rounded up). */
export function kernelBytes(spec: NetSpec, rows: number): number {
  const U = up4(spec.units);
  const G = gatesOf(spec.cell) * U;
  const R = up4(rows);
  const T = spec.window;
  const in0 = up4(spec.features);
  let params = U + 4;
  let perLayer = 0;
  for (let l = 0; l < spec.layers; l++) {
    const inl = l === 0 ? in0 : U;
    params += (inl + U + 1) * G;
    perLayer +=
      G * (inl + U) +
      (T + 1) * R * U * (spec.cell === 'lstm' ? 2 : 1) +
      T * R * G +
      (spec.cell === 'gru' ? T * R * U : 0);
  }
  return 4 * (4 * params + perLayer + T * R * in0 + 3 * R + 2 * T * R * U + 4 * R * U) + 64 * 1024 + 16 * 40;
}

/** The most rows per pass (a multiple of 4, at least 4, at most `want` rounded up) within the memory budget. */
export function rowsWithin(spec: NetSpec, want: number, budget = KERNEL_MEMORY_BUDGET): number {
  let rows = up4(Math.max(1, want));
  while (rows > 4 && kernelBytes(spec, rows) > budget) rows = up4(rows >> 1);
  return rows;
}

/** Where a shard's windows go and its gradients come from. */
interface ShardTarget {
  xs: number;
  ys: number;
}

export class KernelNet {
  private readonly memory: WasmMemory;
  /** Shard 0: owns the weights and Adam's moments. */
  private readonly k: KernelExports;
  /** Rows per pass (padded). */
  readonly rows: number;
  private acc1 = 1;
  private acc2 = 1;
  /** Threads the last trainBatchAsync or predictAsync ran on (a worker that failed to start leaves it at 1). */
  lastThreads = 1;
  private readonly grads0: number;
  /** The second shard's gradients when it runs on this thread. */
  private readonly grads1: number;
  private remote:
    | Promise<{ shard: RemoteShard; xs: number; ys: number; grads: number; yhat: number } | undefined>
    | undefined;

  /** `rows`: windows per pass; a training batch of 2·rows runs each half in one pass. `threads`: 1 or 2. */
  constructor(
    readonly spec: NetSpec,
    rows: number,
    readonly threads = 1,
  ) {
    if (spec.layers < 1 || spec.layers > 3) throw new Error(`the kernel runs 1–3 layers, not ${spec.layers}`);
    this.rows = rowsWithin(spec, rows);
    this.memory = newKernelMemory();
    this.k = instantiateKernel(this.memory);
    const got = this.k.configure(
      CELL_CODE[spec.cell],
      spec.layers,
      spec.units,
      spec.window,
      this.rows,
      spec.features,
      0,
      0,
    );
    if (got < 0)
      throw new Error(
        `the kernel cannot allocate ${Math.round(kernelBytes(spec, this.rows) / 2 ** 20)} MiB for this network`,
      );
    this.grads0 = this.g('grads');
    // Allocated up front so that a worker's region, which starts at this instance's end, never moves.
    this.grads1 = this.k.allocGrads();
    if (!this.grads1) throw new Error('the kernel cannot allocate a second gradient set');
  }

  private f32(ptr: number, n: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, n);
  }

  private g(
    name:
      'wdOff' | 'bdOff' | 'params' | 'grads' | 'adamM' | 'xs' | 'ys' | 'yhat' | 'P' | 'U' | 'G' | 'R' | 'IN0',
  ): number {
    return this.k[name].value;
  }

  /** Each weight's place in the padded parameter block: (tfjs array, element) ↔ kernel element. */
  private forEachWeight(visit: (k: number, i: number, at: number) => void): void {
    const { spec } = this;
    const u = spec.units;
    const gates = gatesOf(spec.cell);
    const U = this.g('U');
    const G = this.g('G');
    for (let l = 0; l < spec.layers; l++) {
      const inl = l === 0 ? spec.features : u;
      const mats: Array<[number, number, number]> = [
        [3 * l, inl, this.k.kOff(l)],
        [3 * l + 1, u, this.k.rOff(l)],
        [3 * l + 2, 1, this.k.bOff(l)],
      ];
      for (const [k, rows, off] of mats) {
        for (let r = 0; r < rows; r++) {
          for (let q = 0; q < gates; q++)
            for (let j = 0; j < u; j++) visit(k, r * gates * u + q * u + j, off + r * G + q * U + j);
        }
      }
    }
    const L = spec.layers;
    for (let j = 0; j < u; j++) visit(3 * L, j, this.g('wdOff') + j);
    visit(3 * L + 1, 0, this.g('bdOff'));
  }

  /** Sets the weights (weightShapes order); Adam's moments carry on, as they do when tfjs variables are assigned. */
  setWeights(w: ArrayLike<number>[]): void {
    const shapes = weightShapes(this.spec);
    shapes.forEach((s, k) => {
      const n = s.reduce((a, b) => a * b, 1);
      if (w[k]?.length !== n)
        throw new Error(`weight ${k} has ${w[k]?.length} values; [${s.join(', ')}] needs ${n}`);
    });
    const p = this.f32(this.g('params'), this.g('P'));
    p.fill(0);
    this.forEachWeight((k, i, at) => (p[at] = w[k][i]));
  }

  /** Keeps the weights, forgets Adam's moments and step count (a new instance starts that way). */
  resetAdam(): void {
    // m and v sit right after params and grads.
    this.f32(this.g('adamM'), 2 * this.g('P')).fill(0);
    this.acc1 = 1;
    this.acc2 = 1;
  }

  getWeights(): Float32Array[] {
    return this.unpack(this.g('params'));
  }

  private unpack(ptr: number): Float32Array[] {
    const out = weightShapes(this.spec).map((s) => new Float32Array(s.reduce((a, b) => a * b, 1)));
    const p = this.f32(ptr, this.g('P'));
    this.forEachWeight((k, i, at) => (out[k][i] = p[at]));
    return out;
  }

  /** Copies windows from..from+count into a shard's time-major input, zeroing the padding rows. */
  private load(
    to: ShardTarget,
    src: ArrayLike<number>,
    offsets: ArrayLike<number>,
    from: number,
    count: number,
    y?: ArrayLike<number>,
  ): void {
    const { window: T, features: F } = this.spec;
    const R = this.rows;
    const IN0 = this.g('IN0');
    const x = this.f32(to.xs, T * R * IN0);
    x.fill(0);
    for (let b = 0; b < count; b++) {
      const o = offsets[from + b];
      for (let t = 0; t < T; t++) {
        const d = (t * R + b) * IN0;
        for (let f = 0; f < F; f++) x[d + f] = src[o + t * F + f];
      }
    }
    if (y) {
      const ys = this.f32(to.ys, R);
      ys.fill(0);
      for (let b = 0; b < count; b++) ys[b] = y[from + b];
    }
  }

  private get own(): ShardTarget {
    return { xs: this.g('xs'), ys: this.g('ys') };
  }

  /** Where the batch splits into its two shards: fixed by n alone, whatever runs them. */
  private static half(n: number): number {
    return Math.min(n, up4(Math.ceil(n / 2)));
  }

  /** Loss sum of windows [from, to) into the instance's current gradient set, zeroed first. */
  private shardHere(
    src: ArrayLike<number>,
    offsets: ArrayLike<number>,
    y: ArrayLike<number>,
    from: number,
    to: number,
    denom: number,
  ): number {
    this.k.zeroGrads();
    let sum = 0;
    for (let at = from; at < to; at += this.rows) {
      const count = Math.min(this.rows, to - at);
      this.load(this.own, src, offsets, at, count, y);
      this.k.forward();
      sum += this.k.backward(count, denom);
    }
    return sum;
  }

  /** Both shards on this thread; leaves the batch's gradient in grads0. */
  private accumulate(src: ArrayLike<number>, offsets: ArrayLike<number>, y: ArrayLike<number>): number {
    const n = offsets.length;
    const h = KernelNet.half(n);
    this.k.useGrads(this.grads0);
    const s0 = this.shardHere(src, offsets, y, 0, h, n);
    if (h === n) return s0 / n;
    this.k.useGrads(this.grads1);
    const s1 = this.shardHere(src, offsets, y, h, n, n);
    this.k.useGrads(this.grads0);
    this.k.addGrads(this.grads1);
    return (s0 + s1) / n;
  }

  /** The batch's mean squared error and its gradient (weightShapes order), without a step. */
  gradients(
    src: ArrayLike<number>,
    offsets: ArrayLike<number>,
    y: ArrayLike<number>,
  ): { loss: number; grads: Float32Array[] } {
    const loss = this.accumulate(src, offsets, y);
    return { loss, grads: this.unpack(this.grads0) };
  }

  private adam(learningRate: number): void {
    // tfjs keeps β^t as float32 variables multiplied once per step.
    this.acc1 = Math.fround(this.acc1 * Math.fround(BETA1));
    this.acc2 = Math.fround(this.acc2 * Math.fround(BETA2));
    this.k.adam(learningRate, BETA1, BETA2, EPSILON, 1 - this.acc1, 1 - this.acc2);
  }

  /** One Adam step on the windows at `offsets` with targets `y`, on this thread; returns their MSE before the step. */
  trainBatch(
    src: ArrayLike<number>,
    offsets: ArrayLike<number>,
    y: ArrayLike<number>,
    learningRate: number,
  ): number {
    const loss = this.accumulate(src, offsets, y);
    this.adam(learningRate);
    return loss;
  }

  private startRemote(): NonNullable<KernelNet['remote']> {
    const { spec } = this;
    const module = kernelModule();
    if (!module) return Promise.resolve(undefined);
    // The worker's region starts where this instance's ends; nothing here allocates after that.
    return RemoteShard.start({
      type: 'init',
      memory: this.memory,
      module,
      cell: CELL_CODE[spec.cell],
      layers: spec.layers,
      units: spec.units,
      window: spec.window,
      rows: this.rows,
      features: spec.features,
      base: this.k.end(),
      params: this.g('params'),
    }).catch(() => undefined);
  }

  /** trainBatch, with the second shard on a worker thread when this net has two threads. */
  async trainBatchAsync(
    src: ArrayLike<number>,
    offsets: ArrayLike<number>,
    y: ArrayLike<number>,
    learningRate: number,
  ): Promise<number> {
    const n = offsets.length;
    const h = KernelNet.half(n);
    this.lastThreads = 1;
    if (this.threads < 2 || h === n) return this.trainBatch(src, offsets, y, learningRate);
    this.remote ??= this.startRemote();
    const remote = await this.remote;
    if (!remote) return this.trainBatch(src, offsets, y, learningRate);
    this.lastThreads = 2;
    // The worker's first pass starts before this thread's shard; later passes (only past the memory budget) follow it.
    const far = { xs: remote.xs, ys: remote.ys };
    const first = Math.min(this.rows, n - h);
    this.load(far, src, offsets, h, first, y);
    const pending = remote.shard.run(first, n, true);
    this.k.useGrads(this.grads0);
    const s0 = this.shardHere(src, offsets, y, 0, h, n);
    let s1 = await pending;
    for (let at = h + first; at < n; at += this.rows) {
      const count = Math.min(this.rows, n - at);
      this.load(far, src, offsets, at, count, y);
      s1 += await remote.shard.run(count, n, false);
    }
    this.k.addGrads(remote.grads);
    this.adam(learningRate);
    return (s0 + s1) / n;
  }

  /** Predictions for the windows at `offsets`. */
  predict(src: ArrayLike<number>, offsets: ArrayLike<number>): Float32Array {
    const n = offsets.length;
    const out = new Float32Array(n);
    for (let from = 0; from < n; from += this.rows) {
      const count = Math.min(this.rows, n - from);
      this.load(this.own, src, offsets, from, count);
      this.k.forward();
      out.set(this.f32(this.g('yhat'), count), from);
    }
    return out;
  }

  /**
   * predict, with every other pass on the worker thread when this net has two threads. Rows do not mix in a forward
   * pass, so the numbers are predict's whichever thread runs a window.
   */
  async predictAsync(src: ArrayLike<number>, offsets: ArrayLike<number>): Promise<Float32Array> {
    const n = offsets.length;
    this.lastThreads = 1;
    if (this.threads < 2 || n <= this.rows) return this.predict(src, offsets);
    this.remote ??= this.startRemote();
    const remote = await this.remote;
    if (!remote) return this.predict(src, offsets);
    this.lastThreads = 2;
    const out = new Float32Array(n);
    const far = { xs: remote.xs, ys: remote.ys };
    const R = this.rows;
    for (let from = 0; from < n; from += 2 * R) {
      const count = Math.min(R, n - from);
      const farFrom = from + count;
      const farCount = Math.min(R, n - farFrom);
      let pending: Promise<void> | undefined;
      if (farCount > 0) {
        this.load(far, src, offsets, farFrom, farCount);
        pending = remote.shard.forward();
      }
      this.load(this.own, src, offsets, from, count);
      this.k.forward();
      out.set(this.f32(this.g('yhat'), count), from);
      if (pending) {
        await pending;
        out.set(this.f32(remote.yhat, farCount), farFrom);
      }
    }
    return out;
  }

  /** h_t (and c_t) for every step and layer of one window given as [T, features] row-major, and its prediction. */
  states(window: ArrayLike<number>): ProbeResult {
    const { window: T, units: u, layers: L, cell } = this.spec;
    this.load(this.own, window, [0], 0, 1);
    this.k.forward();
    const R = this.rows;
    const U = this.g('U');
    const read = (ptr: number): Float32Array => {
      const all = this.f32(ptr, (T + 1) * R * U);
      const out = new Float32Array(T * u);
      for (let t = 0; t < T; t++) out.set(all.subarray((t + 1) * R * U, (t + 1) * R * U + u), t * u);
      return out;
    };
    const layers: ProbeResult['layers'] = [];
    for (let l = 0; l < L; l++)
      layers.push(
        cell === 'lstm' ? { h: read(this.k.hs(l)), c: read(this.k.cs(l)) } : { h: read(this.k.hs(l)) },
      );
    return { layers, output: this.f32(this.g('yhat'), 1)[0] };
  }

  /** The second thread's nice value as it reported it (Linux), once a two-thread batch has started it. */
  async shardPriority(): Promise<number | undefined> {
    return (await this.remote)?.shard.priority;
  }

  /** Stops the worker thread, if any. */
  dispose(): void {
    void this.remote?.then((r) => r?.shard.dispose());
    this.remote = undefined;
  }
}
