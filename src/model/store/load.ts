/**
 * The safe loader: it treats every file in a model folder as untrusted. It caps sizes, refuses paths that leave the
 * folder (absolute, `..`, symlinks), requires the weight bytes to match the manifest's shapes exactly, allows only the
 * layer classes we build, and refuses non-finite weights. The weights then go straight into the kernel; tfjs is
 * loaded only for a model the kernel cannot run.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import type { ModelMeta } from '../types';
import type { ModelHandle } from '../network/handle';
import { kernelNet, type SeqNet } from '../network/seqnet';
import type { NetSpec } from '../network/spec';
import type { BackendName } from '../backend';
import { StoreError } from './errors';
import { LIMITS } from './limits';
import { featureCount } from './seriesMeta';
import { checkMeta } from './meta';
import { memberCount, memberFile } from './ensembleMeta';
import type { ModelPlace } from './paths';
import { recoverModelFolder } from './replace';
import { reachModelFolder } from './safeFolder';
import { decodeWeights, kernelCannotRun, type WeightSpec } from './layersFormat';
import { kernelAvailable } from '../kernel/load';
import { checkClasses, checkManifest, checkShapes, checkTopology, isObj, type Json } from './modelChecks';

export { LIMITS };

export type LoadedModel = ModelHandle;

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

interface Snapshot {
  modelJson: Buffer;
  metaJson: Buffer;
  weights: Buffer[];
  paths: string[];
  /** An ensemble's other members' weight files, in member order. */
  members: Buffer[];
}

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
    const members: Buffer[] = [];
    for (let k = 1; k < memberCount(parseJson(join(dir, 'meta.json'), metaJson)); k++) {
      const buf = await readInside(dir, memberFile(k), LIMITS.weights - total);
      members.push(buf);
      total += buf.length;
    }
    const after = await fs.stat(dir).catch(() => undefined);
    if (after && after.ino === before.ino && after.dev === before.dev)
      return { modelJson, metaJson, weights, paths, members };
  }
  throw new StoreError(
    dir,
    'the model kept changing while it was read; try again when training has finished',
  );
}

/**
 * Loads and checks a model folder reached through real folders below `place.base`; every refusal is a StoreError.
 * `backend` is tfjs' for a model the kernel cannot run.
 */
export async function loadModel(place: ModelPlace, backend: BackendName = 'auto'): Promise<LoadedModel> {
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
  const c = meta.config;
  const spec: NetSpec = {
    cell: c.cell,
    layers: c.layers,
    units: c.units,
    window: meta.window,
    features: featureCount(meta),
  };
  const weights = decodeWeights(
    bytes,
    specs.map((w) => w.shape),
  );
  let seen = 0;
  for (const w of weights) {
    const badAt = w.findIndex((v) => !Number.isFinite(v));
    if (badAt >= 0)
      throw new StoreError(join(dir, snap.paths[0]), `weight value ${seen + badAt} is not finite`);
    seen += w.length;
  }
  const members = snap.members.map((b, k) => {
    if (b.length !== total)
      throw new StoreError(
        join(dir, memberFile(k + 1)),
        `holds ${b.length} bytes but the manifest's shapes need ${total}`,
      );
    const w = decodeWeights(
      new Uint8Array(b.buffer, b.byteOffset, b.length).slice(),
      specs.map((s) => s.shape),
    );
    if (w.some((x) => x.some((v) => !Number.isFinite(v))))
      throw new StoreError(join(dir, memberFile(k + 1)), 'holds a weight that is not finite');
    return w;
  });
  const topology = mj.modelTopology ?? null;
  const why = kernelAvailable() ? kernelCannotRun(topology) : 'the recurrent kernel does not load here';
  let net: SeqNet;
  try {
    net = why
      ? await tfjsNet(spec, topology as object, specs, bytes, why, backend)
      : kernelNet(spec, weights);
  } catch (e) {
    throw new StoreError(modelFile, (e as Error).message.split('\n')[0]);
  }
  if (members.length > 0 && why)
    throw new StoreError(modelFile, `an ensemble runs on the recurrent kernel only (${why})`);
  const others = members.map((w) => kernelNet(spec, w));
  return {
    meta,
    net,
    ...(others.length > 0 && { members: others }),
    dispose: () => [net, ...others].forEach((n) => n.dispose()),
  };
}

/** tfjs-layers runs what the kernel cannot; required here, so nothing else ever loads tfjs. */
async function tfjsNet(
  spec: NetSpec,
  modelTopology: object,
  weightSpecs: WeightSpec[],
  bytes: Uint8Array,
  why: string,
  backend: BackendName,
): Promise<SeqNet> {
  const { setBackend } = require('../backend') as typeof import('../backend');
  const { loadLayersNet } = require('../network/layersNet') as typeof import('../network/layersNet');
  await setBackend(backend);
  const weightData = bytes.slice().buffer as ArrayBuffer;
  try {
    return await loadLayersNet(spec, { modelTopology, weightSpecs, weightData }, why);
  } catch (e) {
    throw new Error(`tfjs refused the model (${(e as Error).message.split('\n')[0]})`);
  }
}
