/**
 * Atomic save: everything is written into a unique sibling temp folder, which is then renamed into place, so a
 * crash or a failed write never leaves a half-written model and never touches the existing one.
 */
import * as tf from '@tensorflow/tfjs';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EpochReport, ModelMeta } from '../types';
import type { ModelHandle } from '../network/handle';
import { StoreError } from './errors';

export interface SaveExtra {
  dataFile: string;
  column: string;
  dataHash: string;
}

const TEMP = /^\.(.+)\.(tmp|old)-(\d+)-[0-9a-z]+$/;

function historyCsv(history: EpochReport[]): string {
  return ['epoch,loss,val_loss,seconds,best', ...history.map((h) => `${h.epoch},${h.loss},${h.valLoss},${h.seconds.toFixed(4)},${h.best ? 1 : 0}`)].join('\n') + '\n';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp folders of `base` left by saves whose process is gone. */
export async function sweepStale(parent: string, base: string): Promise<void> {
  const names = await fs.readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && m[1] === base && !alive(Number(m[3]))) await fs.rm(join(parent, name), { recursive: true, force: true });
  }
}

/** Writes model.json, weights.bin, meta.json and history.csv to `dir`, replacing what is there only on success. */
export async function saveModel(dir: string, model: ModelHandle & { history?: EpochReport[] }, extra: SaveExtra): Promise<ModelMeta> {
  const parent = dirname(dir);
  const base = basename(dir);
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const tmp = join(parent, `.${base}.tmp-${tag}`);
  const old = join(parent, `.${base}.old-${tag}`);
  const meta: ModelMeta = { ...model.meta, dataFile: extra.dataFile, column: extra.column, dataHash: extra.dataHash };
  try {
    await fs.mkdir(parent, { recursive: true });
    await sweepStale(parent, base);
    const a = await model.net.artifacts();
    const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData ?? new ArrayBuffer(0)));
    const modelJson = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
      convertedBy: null,
      modelTopology: a.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs ?? [] }],
    };
    await fs.mkdir(tmp);
    await fs.writeFile(join(tmp, 'model.json'), JSON.stringify(modelJson));
    await fs.writeFile(join(tmp, 'weights.bin'), weights);
    await fs.writeFile(join(tmp, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    await fs.writeFile(join(tmp, 'history.csv'), historyCsv(model.history ?? []));
    const existed = await fs.stat(dir).then(() => true, () => false);
    if (existed) await fs.rename(dir, old);
    try {
      await fs.rename(tmp, dir);
    } catch (e) {
      if (existed) await fs.rename(old, dir);
      throw e;
    }
    if (existed) await fs.rm(old, { recursive: true, force: true });
    return meta;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    if (e instanceof StoreError) throw e;
    throw new StoreError(dir, `cannot save the model (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
