/**
 * The safe loader: our own tf.io handler that treats every file in a model folder as untrusted. It caps sizes,
 * refuses paths that leave the folder (absolute, `..`, symlinks), requires the weight bytes to match the manifest's
 * shapes exactly, allows only the layer classes we build, and refuses non-finite weights.
 */
import * as tf from '@tensorflow/tfjs';
import { promises as fs } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import type { ModelMeta } from '../types';
import type { ModelHandle } from '../network/handle';
import { LAYER_CLASSES, wrapLoaded } from '../network/seqnet';
import { StoreError } from './errors';
import { checkMeta } from './meta';
import type { ModelPlace } from './paths';
import { recoverModelFolder } from './replace';
import { reachModelFolder } from './safeFolder';
import { weightShapes } from '../network/spec';

export const LIMITS = { modelJson: 1 << 20, metaJson: 4 << 20, weights: 256 << 20 };

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

export type LoadedModel = ModelHandle;

const MAX_CONFIG_DEPTH = 16;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Resolves `rel` inside `dir`, refusing anything that could point elsewhere, and reads it within `cap` bytes. */
async function readInside(dir: string, rel: string, cap: number): Promise<Buffer> {
  const shown = join(dir, rel);
  if (isAbsolute(rel) || rel.split(/[\\/]/).some((s) => s === '..') || rel.includes('\0')) {
    throw new StoreError(shown, 'the path leaves the model folder');
  }
  let real: string;
  let root: string;
  try {
    [real, root] = await Promise.all([fs.realpath(shown), fs.realpath(dir)]);
  } catch {
    throw new StoreError(shown, 'missing');
  }
  if (!real.startsWith(root + sep)) throw new StoreError(shown, 'a link that leaves the model folder');
  const st = await fs.stat(real);
  if (!st.isFile()) throw new StoreError(shown, 'not a file');
  if (st.size > cap) throw new StoreError(shown, `${st.size} bytes is over the ${cap}-byte limit`);
  return fs.readFile(real);
}

function parseJson(file: string, buf: Buffer): Json {
  try {
    return JSON.parse(buf.toString('utf8')) as Json;
  } catch (e) {
    throw new StoreError(file, `not valid JSON (${(e as Error).message})`);
  }
}

const isObj = (v: Json | undefined): v is { [k: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every class_name in the topology must be one we build. */
function checkClasses(file: string, topology: Json): void {
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
  specs: tf.io.WeightsManifestEntry[];
}

function checkManifest(file: string, wm: Json | undefined): Manifest {
  if (!Array.isArray(wm)) throw new StoreError(file, 'weightsManifest is missing');
  const paths: string[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
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
interface Snapshot {
  modelJson: Buffer;
  metaJson: Buffer;
  weights: Buffer[];
  paths: string[];
}

/** Weight files are named in model.json; a manifest with more entries than any model we build is refused unread. */
const MAX_WEIGHT_ENTRIES = 32;

/**
 * Reads model.json, meta.json and the weight files of one save. A save replaces the whole folder by a rename, so the
 * files belong together exactly when the folder is the same one (same inode) before and after they are all opened;
 * a save that lands in between makes the reader start over. `between` lets a test land one there.
 */
export async function readSnapshot(dir: string, between?: () => Promise<void>): Promise<Snapshot> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await fs.stat(dir).catch(() => undefined);
    if (!before) throw new StoreError(join(dir, 'model.json'), 'missing');
    const modelJson = await readInside(dir, 'model.json', LIMITS.modelJson);
    const metaJson = await readInside(dir, 'meta.json', LIMITS.metaJson);
    if (between) await between();
    const mj = parseJson(join(dir, 'model.json'), modelJson);
    const { paths } = checkManifest(join(dir, 'model.json'), isObj(mj) ? mj.weightsManifest : undefined);
    const weights: Buffer[] = [];
    let total = 0;
    for (const p of paths) {
      const buf = await readInside(dir, p, LIMITS.weights - total);
      weights.push(buf);
      total += buf.length;
    }
    const after = await fs.stat(dir).catch(() => undefined);
    if (after && after.ino === before.ino && after.dev === before.dev)
      return { modelJson, metaJson, weights, paths };
  }
  throw new StoreError(
    dir,
    'the model kept changing while it was read; try again when training has finished',
  );
}

/** The recurrent layers' and the head's settings as the topology states them, checked against meta.json's. */
function checkTopology(file: string, topology: Json, meta: ModelMeta): void {
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
function checkShapes(file: string, specs: tf.io.WeightsManifestEntry[], meta: ModelMeta): void {
  const c = meta.config;
  const want = weightShapes({
    cell: c.cell,
    layers: c.layers,
    units: c.units,
    window: meta.window,
    features: 1,
  });
  const got = specs.map((s) => s.shape);
  if (got.length !== want.length || got.some((s, i) => s.join() !== want[i].join())) {
    throw new StoreError(
      file,
      `the weight shapes (${got.map((s) => `[${s.join(',')}]`).join(' ')}) do not match meta.json's ${c.cell} network`,
    );
  }
}

/** Loads and checks a model folder reached through real folders below `place.base`; every refusal is a StoreError. */
export async function loadModel(place: ModelPlace): Promise<LoadedModel> {
  const { dir, exists } = await reachModelFolder(place, false);
  if (!exists && !(await recoverModelFolder(dir))) throw new StoreError(join(dir, 'model.json'), 'missing');
  const snap = await readSnapshot(dir);
  const modelFile = join(dir, 'model.json');
  const metaFile = join(dir, 'meta.json');
  const mj = parseJson(modelFile, snap.modelJson);
  if (!isObj(mj)) throw new StoreError(modelFile, 'not a model.json object');
  const meta: ModelMeta = checkMeta(metaFile, parseJson(metaFile, snap.metaJson));
  if (typeof mj.seqlabGeneration === 'string' || meta.generation !== undefined) {
    if (mj.seqlabGeneration !== meta.generation)
      throw new StoreError(modelFile, 'model.json and meta.json come from different saves');
  }
  checkClasses(modelFile, mj.modelTopology ?? null);
  checkTopology(modelFile, mj.modelTopology ?? null, meta);
  const { specs } = checkManifest(modelFile, mj.weightsManifest);
  checkShapes(modelFile, specs, meta);
  const total = snap.weights.reduce((s, b) => s + b.length, 0);
  const expected = specs.reduce((s, w) => s + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  if (total !== expected)
    throw new StoreError(
      join(dir, snap.paths[0] ?? 'weights.bin'),
      `holds ${total} bytes but the manifest's shapes need ${expected}`,
    );
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const b of snap.weights) {
    bytes.set(b, at);
    at += b.length;
  }
  const floats = new Float32Array(bytes.buffer, 0, total / 4);
  const badAt = floats.findIndex((v) => !Number.isFinite(v));
  if (badAt >= 0) throw new StoreError(join(dir, snap.paths[0]), `weight value ${badAt} is not finite`);
  const handler: tf.io.IOHandler = {
    load: async () => ({
      modelTopology: mj.modelTopology as object,
      weightSpecs: specs,
      weightData: bytes.buffer,
    }),
  };
  let layers: tf.LayersModel;
  try {
    layers = await tf.loadLayersModel(handler);
  } catch (e) {
    throw new StoreError(modelFile, `tfjs refused the model (${(e as Error).message.split('\n')[0]})`);
  }
  const c = meta.config;
  try {
    const net = wrapLoaded(
      { cell: c.cell, layers: c.layers, units: c.units, window: meta.window, features: 1 },
      layers,
    );
    return { meta, net, dispose: () => net.dispose() };
  } catch (e) {
    throw new StoreError(modelFile, (e as Error).message);
  }
}

function inputWindow(topology: Json): number | undefined {
  if (!isObj(topology) || !isObj(topology.config) || !Array.isArray(topology.config.layers)) return undefined;
  const first = topology.config.layers[0];
  const shape = isObj(first) && isObj(first.config) ? first.config.batch_input_shape : undefined;
  return Array.isArray(shape) && typeof shape[1] === 'number' ? shape[1] : undefined;
}
