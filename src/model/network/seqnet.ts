/**
 * The network behind a small interface. Callers (training, forecast, store) see only SeqNet, so a faster cell
 * implementation can replace the tfjs-layers one without their changing.
 */
import * as tf from '@tensorflow/tfjs';
import { weightShapes, type NetSpec } from './spec';
import { initialWeights } from './init';
import { probeWindow, type ProbeResult } from './probe';
import { KernelNet } from '../kernel/kernel';
import { kernelAvailable } from '../kernel/load';

export interface SeqNet {
  readonly spec: NetSpec;
  /** x: [batch, window, features] → ŷ: [batch, 1], predicted from the last hidden state h_T. */
  apply(x: tf.Tensor3D, training?: boolean): tf.Tensor2D;
  /** Trainable variables, in weightShapes order. */
  readonly variables: tf.Variable[];
  /** Copies of the current weights, in weightShapes order. */
  readWeights(): Float32Array[];
  writeWeights(w: Float32Array[]): void;
  /** Predictions for `count` windows given as [count, T, features] row-major (inference only). */
  predict(windows: Float32Array, count: number): Float32Array;
  /** h_t (and c_t) per layer for one window given as [T, features] row-major. */
  probe(window: Float32Array): ProbeResult;
  /** tfjs model.json topology plus weights, for the store. */
  artifacts(): Promise<tf.io.ModelArtifacts>;
  dispose(): void;
}

/** Rows per kernel pass when predicting many windows. */
const PREDICT_ROWS = 256;

/** The layer classes our models are built from: the loader refuses anything else. */
export const LAYER_CLASSES = ['Sequential', 'SimpleRNN', 'GRU', 'LSTM', 'Dense', 'InputLayer'] as const;

function buildLayers(spec: NetSpec): tf.Sequential {
  const model = tf.sequential();
  for (let l = 0; l < spec.layers; l++) {
    const common = {
      units: spec.units,
      returnSequences: l < spec.layers - 1,
      // Real weights are written right after; zeros keeps tfjs from drawing (unseeded) random ones.
      kernelInitializer: 'zeros' as const,
      recurrentInitializer: 'zeros' as const,
      biasInitializer: 'zeros' as const,
      ...(l === 0 ? { inputShape: [spec.window, spec.features] } : {}),
    };
    if (spec.cell === 'rnn') model.add(tf.layers.simpleRNN({ ...common, activation: 'tanh' }));
    else if (spec.cell === 'gru') model.add(tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' }));
    else model.add(tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid', unitForgetBias: false }));
  }
  model.add(tf.layers.dense({ units: 1, kernelInitializer: 'zeros', biasInitializer: 'zeros' }));
  return model;
}

class LayersNet implements SeqNet {
  readonly variables: tf.Variable[];
  constructor(
    readonly spec: NetSpec,
    private readonly model: tf.LayersModel,
  ) {
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  apply(x: tf.Tensor3D, training = false): tf.Tensor2D {
    return this.model.apply(x, { training }) as tf.Tensor2D;
  }

  readWeights(): Float32Array[] {
    return this.variables.map((v) => Float32Array.from(v.dataSync()));
  }

  writeWeights(w: Float32Array[]): void {
    const shapes = weightShapes(this.spec);
    tf.tidy(() => this.model.setWeights(w.map((a, i) => tf.tensor(a, shapes[i]))));
  }

  /** Inference runs in the WebAssembly kernel where it loads: one for many windows, one sized for a single window. */
  private kernels: { many?: KernelNet; one?: KernelNet } = {};

  private kernel(which: 'many' | 'one'): KernelNet | undefined {
    if (!kernelAvailable()) return undefined;
    const k = (this.kernels[which] ??= new KernelNet(this.spec, which === 'many' ? PREDICT_ROWS : 1));
    // The variables may have changed under any optimizer since the last call; reading them is cheap next to a pass.
    k.setWeights(this.readWeights());
    return k;
  }

  predict(windows: Float32Array, count: number): Float32Array {
    const span = this.spec.window * this.spec.features;
    const k = this.kernel(count <= 4 ? 'one' : 'many');
    if (k)
      return k.predict(
        windows,
        Int32Array.from({ length: count }, (_, b) => b * span),
      );
    return tf.tidy(
      () =>
        this.apply(
          tf.tensor3d(windows, [count, this.spec.window, this.spec.features]),
        ).dataSync() as Float32Array,
    );
  }

  probe(window: Float32Array): ProbeResult {
    const k = this.kernel('one');
    return k ? k.states(window) : probeWindow(this.spec, this.readWeights(), window);
  }

  async artifacts(): Promise<tf.io.ModelArtifacts> {
    let out: tf.io.ModelArtifacts | undefined;
    await this.model.save(
      tf.io.withSaveHandler(async (a) => {
        out = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!out) throw new Error('the model produced no artifacts');
    return out;
  }

  dispose(): void {
    this.kernels = {};
    this.model.dispose();
  }
}

/** A new network with seeded initial weights. */
export function createNet(spec: NetSpec, seed: number): SeqNet {
  const net = new LayersNet(spec, buildLayers(spec));
  net.writeWeights(initialWeights(spec, seed));
  return net;
}

/** Wraps a model the store has already checked; the spec must match its layers. */
export function wrapLoaded(spec: NetSpec, model: tf.LayersModel): SeqNet {
  const shapes = weightShapes(spec);
  const got = model.trainableWeights.map((w) => w.shape);
  if (got.length !== shapes.length || got.some((s, i) => s.join() !== shapes[i].join())) {
    model.dispose();
    throw new Error(
      `the model's layers (${got.map((s) => `[${s.join(',')}]`).join(' ')}) do not match meta.json`,
    );
  }
  return new LayersNet(spec, model);
}
