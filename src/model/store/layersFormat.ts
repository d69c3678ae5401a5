/**
 * The tfjs Layers format, written and read without tfjs: model.json's topology is what tfjs-layers writes for our
 * Sequential of SimpleRNN/GRU/LSTM layers and a Dense head (a unit test holds it to tf.Sequential's own), and
 * weights.bin is every weight as little-endian float32, in manifest order (weightShapes order).
 */
import type { Json } from './modelChecks';
import { weightShapes, type NetSpec } from '../network/spec';

/** The tfjs-layers release whose format this writes (a unit test holds it to the installed one). */
export const TFJS_LAYERS_VERSION = '4.22.0';

/** The layer classes our models are built from: the loader refuses anything else. */
export const LAYER_CLASSES = ['Sequential', 'SimpleRNN', 'GRU', 'LSTM', 'Dense', 'InputLayer'] as const;

const CLASS = { rnn: 'SimpleRNN', gru: 'GRU', lstm: 'LSTM' } as const;
const PREFIX = { rnn: 'simple_rnn', gru: 'gru', lstm: 'lstm' } as const;

const zeros = { class_name: 'Zeros', config: {} };
const noRegularizers = {
  kernel_regularizer: null,
  recurrent_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  recurrent_constraint: null,
  bias_constraint: null,
};

function layerName(spec: NetSpec, l: number): string {
  return `${PREFIX[spec.cell]}_${CLASS[spec.cell]}${l + 1}`;
}

const HEAD = 'dense_Dense1';

/** One recurrent layer's config, key for key in tfjs-layers' getConfig() order. */
function recurrentLayer(spec: NetSpec, l: number): Json {
  const { cell } = spec;
  return {
    class_name: CLASS[cell],
    config: {
      name: layerName(spec, l),
      trainable: true,
      ...(l === 0 ? { batch_input_shape: [null, spec.window, spec.features], dtype: 'float32' } : {}),
      units: spec.units,
      activation: 'tanh',
      ...(cell !== 'rnn' ? { recurrent_activation: 'sigmoid' } : {}),
      use_bias: true,
      kernel_initializer: zeros,
      recurrent_initializer: zeros,
      bias_initializer: zeros,
      ...(cell === 'lstm' ? { unit_forget_bias: false } : {}),
      ...noRegularizers,
      dropout: 0,
      recurrent_dropout: 0,
      ...(cell !== 'rnn' ? { implementation: null } : {}),
      ...(cell === 'gru' ? { reset_after: false } : {}),
      return_sequences: l < spec.layers - 1,
      return_state: false,
      go_backwards: false,
      stateful: false,
      unroll: false,
    },
  };
}

/** model.json's modelTopology for `spec`. */
export function layersTopology(spec: NetSpec): Json {
  const head: Json = {
    class_name: 'Dense',
    config: {
      units: 1,
      activation: 'linear',
      use_bias: true,
      kernel_initializer: zeros,
      bias_initializer: zeros,
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      name: HEAD,
      trainable: true,
    },
  };
  return {
    class_name: 'Sequential',
    config: {
      name: 'sequential_1',
      layers: [...Array.from({ length: spec.layers }, (_, l) => recurrentLayer(spec, l)), head],
    },
    keras_version: `tfjs-layers ${TFJS_LAYERS_VERSION}`,
    backend: 'tensor_flow.js',
  };
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** The weightsManifest entries for `spec`, in weightShapes order. */
export function weightSpecs(spec: NetSpec): WeightSpec[] {
  const kinds = ['kernel', 'recurrent_kernel', 'bias'];
  return weightShapes(spec).map((shape, i) => {
    const l = Math.floor(i / 3);
    const name =
      l < spec.layers
        ? `${layerName(spec, l)}/${kinds[i % 3]}`
        : `${HEAD}/${i === 3 * spec.layers ? 'kernel' : 'bias'}`;
    return { name, shape, dtype: 'float32' };
  });
}

/** weights.bin: the arrays one after another as little-endian float32, whatever the machine's byte order. */
export function encodeWeights(weights: ArrayLike<number>[]): Uint8Array {
  const n = weights.reduce((s, w) => s + w.length, 0);
  const out = new Uint8Array(4 * n);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const w of weights) for (let i = 0; i < w.length; i++, at += 4) view.setFloat32(at, w[i], true);
  return out;
}

/** The arrays of `shapes` read back from little-endian float32 bytes (whose length the caller has checked). */
export function decodeWeights(bytes: Uint8Array, shapes: number[][]): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  return shapes.map((s) => {
    const w = new Float32Array(s.reduce((a, b) => a * b, 1));
    for (let i = 0; i < w.length; i++, at += 4) w[i] = view.getFloat32(at, true);
    return w;
  });
}

const isObj = (v: Json | undefined): v is { [k: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why the kernel cannot run a checked topology (settings it does not implement, e.g. a model brought from Keras with
 * another activation), or undefined when it runs it exactly as tfjs-layers would.
 */
export function kernelCannotRun(topology: Json): string | undefined {
  const layers = isObj(topology) && isObj(topology.config) ? topology.config.layers : undefined;
  if (!Array.isArray(layers)) return 'no layers';
  const recurrent = layers.filter(
    (l) => isObj(l) && l.class_name !== 'Dense' && l.class_name !== 'InputLayer',
  );
  for (const [i, l] of recurrent.entries()) {
    const c = isObj(l) && isObj(l.config) ? l.config : {};
    const cls = isObj(l) ? l.class_name : undefined;
    const last = i === recurrent.length - 1;
    if ((c.activation ?? 'tanh') !== 'tanh') return `activation ${JSON.stringify(c.activation)}`;
    if (cls !== 'SimpleRNN' && (c.recurrent_activation ?? 'hardSigmoid') !== 'sigmoid')
      return `recurrent activation ${JSON.stringify(c.recurrent_activation ?? 'hardSigmoid')}`;
    if (c.use_bias === false) return 'a layer without bias';
    if (c.go_backwards === true) return 'go_backwards';
    if (c.reset_after === true) return 'GRU reset_after';
    if (Boolean(c.return_sequences) === last) return 'return_sequences';
  }
  const head = layers[layers.length - 1];
  const hc = isObj(head) && isObj(head.config) ? head.config : {};
  if ((hc.activation ?? 'linear') !== 'linear') return `head activation ${JSON.stringify(hc.activation)}`;
  if (hc.use_bias === false) return 'a head without bias';
  return undefined;
}
