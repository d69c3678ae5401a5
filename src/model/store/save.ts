/**
 * Atomic, recoverable save: everything is written and synced into a unique sibling temp folder, which then replaces
 * the model folder (replace.ts). The folder is reached only through real folders below a trusted base
 * (safeFolder.ts), and only a folder that is empty or already holds a model is ever replaced.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { EpochReport, ModelMeta } from '../types';
import type { ModelHandle } from '../network/handle';
import { StoreError } from './errors';
import { encodeWeights, layersTopology, TFJS_LAYERS_VERSION, weightSpecs } from './layersFormat';
import type { ModelPlace } from './paths';
import { memberFile } from './ensembleMeta';
import {
  markInFlight,
  realSteps,
  recoverModelFolder,
  replaceFolder,
  siblingName,
  sweepLeftovers,
  writeSynced,
  type ReplaceSteps,
} from './replace';
import { assertReplaceable, reachModelFolder } from './safeFolder';

export interface SaveExtra {
  dataFile: string;
  column: string;
  dataHash: string;
}

function historyCsv(history: EpochReport[]): string {
  return (
    [
      'epoch,loss,val_loss,seconds,best',
      ...history.map((h) => `${h.epoch},${h.loss},${h.valLoss},${h.seconds.toFixed(4)},${h.best ? 1 : 0}`),
    ].join('\n') + '\n'
  );
}

/**
 * Writes model.json, weights.bin, meta.json and history.csv to `place.dir`, replacing what is there only on success.
 * model.json and meta.json carry the same `generation`, so a reader can tell files of two saves apart.
 */
export async function saveModel(
  place: ModelPlace,
  model: ModelHandle & { history?: EpochReport[] },
  extra: SaveExtra,
  steps: ReplaceSteps = realSteps,
): Promise<ModelMeta> {
  const generation = randomBytes(8).toString('hex');
  const meta: ModelMeta = {
    ...model.meta,
    dataFile: extra.dataFile,
    column: extra.column,
    dataHash: extra.dataHash,
    generation,
  };
  const { dir, exists } = await reachModelFolder(place, true);
  const tag = `${process.pid}-${generation}`;
  const tmp = siblingName(dir, 'tmp', tag);
  const old = siblingName(dir, 'old', tag);
  markInFlight(tmp, true);
  markInFlight(old, true);
  try {
    const existed = exists || (await recoverModelFolder(dir));
    if (existed) await assertReplaceable(dir);
    await sweepLeftovers(dir);
    // The tfjs Layers format, written directly: tf.loadLayersModel reads it as one of its own saves.
    const spec = model.net.spec;
    const weights = encodeWeights(model.net.readWeights());
    const modelJson = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${TFJS_LAYERS_VERSION}`,
      convertedBy: null,
      seqlabGeneration: generation,
      modelTopology: layersTopology(spec),
      weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs(spec) }],
    };
    await fs.mkdir(tmp);
    await writeSynced(join(tmp, 'model.json'), JSON.stringify(modelJson));
    await writeSynced(join(tmp, 'weights.bin'), weights);
    // An ensemble's other members: the same shapes as weights.bin, one file each (memberFile in load.ts).
    for (const [k, member] of (model.members ?? []).entries())
      await writeSynced(join(tmp, memberFile(k + 1)), encodeWeights(member.readWeights()));
    await writeSynced(join(tmp, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    await writeSynced(join(tmp, 'history.csv'), historyCsv(model.history ?? []));
    await replaceFolder(tmp, dir, old, existed, steps);
    return meta;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    if (e instanceof StoreError) throw e;
    throw new StoreError(
      dir,
      `cannot save the model (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  } finally {
    markInFlight(tmp, false);
    markInFlight(old, false);
  }
}
