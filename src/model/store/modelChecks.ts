/**
 * What a model.json may say, checked before tfjs sees it: only the layer and initializer classes we build, a bounded
 * config, a manifest of plain float32 weights, and a topology and weight shapes that are exactly meta.json's network.
 */
import type { WeightSpec } from './layersFormat';
import type { ModelMeta } from '../types';
import { LAYER_CLASSES } from './layersFormat';
import { weightShapes } from '../network/spec';
import { StoreError } from './errors';
import { featureCount } from './seriesMeta';

/** Initializer, constraint and regularizer classes that may appear inside a layer's config. */
const NESTED_CLASSES = new Set([
  'Zeros',
  'Ones',
  'Constant',
  'GlorotUniform',
  'GlorotNormal',
  'Orthogonal',
  'VarianceScaling',
  'RandomUniform',
  'RandomNormal',
]);

/** Deeper than any config we write: a hostile model.json nested thousands deep fails with a message. */
const MAX_CONFIG_DEPTH = 16;

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const isObj = (v: Json | undefined): v is { [k: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every class_name in the topology must be one we build. */
export function checkClasses(file: string, topology: Json): void {
  if (
    !isObj(topology) ||
    topology.class_name !== 'Sequential' ||
    !isObj(topology.config) ||
    !Array.isArray(topology.config.layers)
  ) {
    throw new StoreError(file, 'the model topology is not a Sequential model');
  }
  const layers = new Set<string>(LAYER_CLASSES);
  for (const layer of topology.config.layers) {
    const cls = isObj(layer) ? layer.class_name : undefined;
    if (typeof cls !== 'string' || !layers.has(cls))
      throw new StoreError(file, `layer class ${JSON.stringify(cls)} is not allowed`);
    // Bounded depth: a hostile model.json nested thousands deep must fail with a message, not overflow the stack.
    const walk = (v: Json, depth: number): void => {
      if (depth > MAX_CONFIG_DEPTH)
        throw new StoreError(file, `a layer's config is nested more than ${MAX_CONFIG_DEPTH} deep`);
      if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
      else if (isObj(v)) {
        if ('class_name' in v && !NESTED_CLASSES.has(String(v.class_name)))
          throw new StoreError(file, `class ${JSON.stringify(v.class_name)} is not allowed`);
        Object.values(v).forEach((x) => walk(x, depth + 1));
      }
    };
    walk(isObj(layer) ? (layer.config ?? null) : null, 0);
  }
}

interface Manifest {
  paths: string[];
  specs: WeightSpec[];
}

export function checkManifest(file: string, wm: Json | undefined): Manifest {
  if (!Array.isArray(wm)) throw new StoreError(file, 'weightsManifest is missing');
  const paths: string[] = [];
  const specs: WeightSpec[] = [];
  const entries = wm.reduce<number>(
    (n, g) => n + (isObj(g) && Array.isArray(g.weights) ? g.weights.length : 0),
    0,
  );
  if (entries > MAX_WEIGHT_ENTRIES || wm.length > MAX_WEIGHT_ENTRIES)
    throw new StoreError(file, `${entries} weight entries is over the limit of ${MAX_WEIGHT_ENTRIES}`);
  for (const group of wm) {
    if (!isObj(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      throw new StoreError(file, 'a weightsManifest group is malformed');
    for (const p of group.paths) {
      if (typeof p !== 'string') throw new StoreError(file, 'a weights path is not a string');
      paths.push(p);
    }
    for (const w of group.weights) {
      if (
        !isObj(w) ||
        typeof w.name !== 'string' ||
        !Array.isArray(w.shape) ||
        !w.shape.every((d) => Number.isInteger(d) && (d as number) >= 0)
      ) {
        throw new StoreError(file, 'a weight entry is malformed');
      }
      if (w.dtype !== 'float32' || 'quantization' in w)
        throw new StoreError(file, `weight "${w.name}" is not plain float32`);
      specs.push({ name: w.name, shape: w.shape as number[], dtype: 'float32' });
    }
  }
  return { paths, specs };
}

/** The bytes of one model folder, all read from the same save (see readSnapshot). */

/** Weight files are named in model.json; a manifest with more entries than any model we build is refused unread. */
const MAX_WEIGHT_ENTRIES = 32;

/** The recurrent layers' and the head's settings as the topology states them, checked against meta.json's. */
export function checkTopology(file: string, topology: Json, meta: ModelMeta): void {
  const c = meta.config;
  const layers =
    isObj(topology) && isObj(topology.config) && Array.isArray(topology.config.layers)
      ? topology.config.layers
      : [];
  const cls = { rnn: 'SimpleRNN', gru: 'GRU', lstm: 'LSTM' }[c.cell];
  const recurrent = layers.filter(
    (l) => isObj(l) && l.class_name !== 'Dense' && l.class_name !== 'InputLayer',
  );
  const dense = layers.filter((l) => isObj(l) && l.class_name === 'Dense');
  if (recurrent.length !== c.layers || dense.length !== 1) {
    throw new StoreError(
      file,
      `the network has ${recurrent.length} recurrent and ${dense.length} dense layers; meta.json says ${c.layers} ${cls} and 1 dense`,
    );
  }
  for (const l of recurrent) {
    const lc = isObj(l) && isObj(l.config) ? l.config : {};
    if (isObj(l) && l.class_name !== cls)
      throw new StoreError(
        file,
        `layer class ${JSON.stringify(l.class_name)} differs from meta.json's cell ${c.cell}`,
      );
    if (lc.units !== c.units)
      throw new StoreError(file, `a layer has ${JSON.stringify(lc.units)} units; meta.json says ${c.units}`);
  }
  const head = dense[0];
  if (!isObj(head) || !isObj(head.config) || head.config.units !== 1)
    throw new StoreError(file, 'the dense head must have 1 unit');
  const window = inputWindow(topology);
  if (window !== meta.window)
    throw new StoreError(file, `the network's window ${window} differs from meta.json's ${meta.window}`);
}

/** The weight shapes must be exactly those of the network meta.json describes, before tfjs allocates anything. */
export function checkShapes(file: string, specs: WeightSpec[], meta: ModelMeta): void {
  const c = meta.config;
  const want = weightShapes({
    cell: c.cell,
    layers: c.layers,
    units: c.units,
    window: meta.window,
    features: featureCount(meta),
  });
  const got = specs.map((s) => s.shape);
  if (got.length !== want.length || got.some((s, i) => s.join() !== want[i].join())) {
    throw new StoreError(
      file,
      `the weight shapes (${got.map((s) => `[${s.join(',')}]`).join(' ')}) do not match meta.json's ${c.cell} network`,
    );
  }
}

function inputWindow(topology: Json): number | undefined {
  if (!isObj(topology) || !isObj(topology.config) || !Array.isArray(topology.config.layers)) return undefined;
  const first = topology.config.layers[0];
  const shape = isObj(first) && isObj(first.config) ? first.config.batch_input_shape : undefined;
  return Array.isArray(shape) && typeof shape[1] === 'number' ? shape[1] : undefined;
}
