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

export const LIMITS = { modelJson: 1 << 20, metaJson: 4 << 20, weights: 256 << 20 };

/** Initializer, constraint and regularizer classes that may appear inside a layer's config. */
const NESTED_CLASSES = new Set(['Zeros', 'Ones', 'Constant', 'GlorotUniform', 'GlorotNormal', 'Orthogonal', 'VarianceScaling', 'RandomUniform', 'RandomNormal']);

export type LoadedModel = ModelHandle;

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

const isObj = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every class_name in the topology must be one we build. */
function checkClasses(file: string, topology: Json): void {
  if (!isObj(topology) || topology.class_name !== 'Sequential' || !isObj(topology.config) || !Array.isArray(topology.config.layers)) {
    throw new StoreError(file, 'the model topology is not a Sequential model');
  }
  const layers = new Set<string>(LAYER_CLASSES);
  for (const layer of topology.config.layers) {
    const cls = isObj(layer) ? layer.class_name : undefined;
    if (typeof cls !== 'string' || !layers.has(cls)) throw new StoreError(file, `layer class ${JSON.stringify(cls)} is not allowed`);
    const walk = (v: Json): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isObj(v)) {
        if ('class_name' in v && !NESTED_CLASSES.has(String(v.class_name))) throw new StoreError(file, `class ${JSON.stringify(v.class_name)} is not allowed`);
        Object.values(v).forEach(walk);
      }
    };
    walk(isObj(layer) ? (layer.config ?? null) : null);
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
  for (const group of wm) {
    if (!isObj(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) throw new StoreError(file, 'a weightsManifest group is malformed');
    for (const p of group.paths) {
      if (typeof p !== 'string') throw new StoreError(file, 'a weights path is not a string');
      paths.push(p);
    }
    for (const w of group.weights) {
      if (!isObj(w) || typeof w.name !== 'string' || !Array.isArray(w.shape) || !w.shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) {
        throw new StoreError(file, 'a weight entry is malformed');
      }
      if (w.dtype !== 'float32' || 'quantization' in w) throw new StoreError(file, `weight "${w.name}" is not plain float32`);
      specs.push({ name: w.name, shape: w.shape as number[], dtype: 'float32' });
    }
  }
  return { paths, specs };
}

/** Loads and checks a model folder; every refusal is a StoreError naming the file. */
export async function loadModel(dir: string): Promise<LoadedModel> {
  const modelFile = join(dir, 'model.json');
  const mj = parseJson(modelFile, await readInside(dir, 'model.json', LIMITS.modelJson));
  if (!isObj(mj)) throw new StoreError(modelFile, 'not a model.json object');
  checkClasses(modelFile, mj.modelTopology ?? null);
  const { paths, specs } = checkManifest(modelFile, mj.weightsManifest);
  const parts: Buffer[] = [];
  let total = 0;
  for (const p of paths) {
    const buf = await readInside(dir, p, LIMITS.weights - total);
    parts.push(buf);
    total += buf.length;
  }
  const expected = specs.reduce((s, w) => s + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  if (total !== expected) throw new StoreError(join(dir, paths[0] ?? 'weights.bin'), `holds ${total} bytes but the manifest's shapes need ${expected}`);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const b of parts) {
    bytes.set(b, at);
    at += b.length;
  }
  const floats = new Float32Array(bytes.buffer, 0, total / 4);
  const badAt = floats.findIndex((v) => !Number.isFinite(v));
  if (badAt >= 0) throw new StoreError(join(dir, paths[0]), `weight value ${badAt} is not finite`);
  const metaFile = join(dir, 'meta.json');
  const meta: ModelMeta = checkMeta(metaFile, parseJson(metaFile, await readInside(dir, 'meta.json', LIMITS.metaJson)));
  const topologyWindow = inputWindow(mj.modelTopology ?? null);
  if (topologyWindow !== meta.window) throw new StoreError(modelFile, `the network's window ${topologyWindow} differs from meta.json's ${meta.window}`);
  const handler: tf.io.IOHandler = {
    load: async () => ({ modelTopology: mj.modelTopology as object, weightSpecs: specs, weightData: bytes.buffer }),
  };
  let layers: tf.LayersModel;
  try {
    layers = await tf.loadLayersModel(handler);
  } catch (e) {
    throw new StoreError(modelFile, `tfjs refused the model (${(e as Error).message.split('\n')[0]})`);
  }
  const c = meta.config;
  try {
    const net = wrapLoaded({ cell: c.cell, layers: c.layers, units: c.units, window: meta.window, features: 1 }, layers);
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
