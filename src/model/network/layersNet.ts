/**
 * A network run by tfjs-layers: the reference the kernel is tested against, and the runner for models the kernel
 * cannot run (store/layersFormat.ts's kernelCannotRun). Only this module (with backend.ts) imports tfjs, and the
 * store requires it lazily, so training, saving and SeqLab's own models never load tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { weightShapes, type NetSpec, type ProbeResult } from './spec';
import type { SeqNet } from './seqnet';

/** Our Sequential as tfjs-layers builds it, with zero weights. */
export function buildLayers(spec: NetSpec): tf.Sequential {
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

export class LayersNet implements SeqNet {
  readonly variables: tf.Variable[];
  constructor(
    readonly spec: NetSpec,
    readonly model: tf.LayersModel,
    /** Why the kernel does not run this model, for the message probe() gives. */
    private readonly why = 'it is a tfjs-layers reference',
  ) {
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  /** x: [batch, window, features] → ŷ: [batch, 1]. */
  apply(x: tf.Tensor3D, training = false): tf.Tensor2D {
    return this.model.apply(x, { training }) as tf.Tensor2D;
  }

  readWeights(): Float32Array[] {
    return this.variables.map((v) => Float32Array.from(v.dataSync()));
  }

  writeWeights(w: ArrayLike<number>[]): void {
    const shapes = weightShapes(this.spec);
    tf.tidy(() => this.model.setWeights(w.map((a, i) => tf.tensor(Array.from(a), shapes[i]))));
  }

  predict(windows: Float32Array, count: number): Float32Array {
    return tf.tidy(
      () =>
        this.apply(
          tf.tensor3d(windows, [count, this.spec.window, this.spec.features]),
        ).dataSync() as Float32Array,
    );
  }

  probe(): ProbeResult {
    throw new Error(`hidden states are not available for this model: ${this.why}`);
  }

  dispose(): void {
    this.model.dispose();
  }
}

/** A tfjs-layers network with the given weights. */
export function layersNet(spec: NetSpec, weights: ArrayLike<number>[]): LayersNet {
  const net = new LayersNet(spec, buildLayers(spec));
  net.writeWeights(weights);
  return net;
}

/** Builds a checked model.json's network in tfjs-layers (for models the kernel cannot run). */
export async function loadLayersNet(
  spec: NetSpec,
  artifacts: { modelTopology: object; weightSpecs: tf.io.WeightsManifestEntry[]; weightData: ArrayBuffer },
  why: string,
): Promise<LayersNet> {
  const model = await tf.loadLayersModel({ load: async () => artifacts });
  const shapes = weightShapes(spec);
  const got = model.trainableWeights.map((w) => w.shape);
  if (got.length !== shapes.length || got.some((s, i) => s.join() !== shapes[i].join())) {
    model.dispose();
    throw new Error(
      `the model's layers (${got.map((s) => `[${s.join(',')}]`).join(' ')}) do not match meta.json`,
    );
  }
  return new LayersNet(spec, model, why);
}
