/**
 * The store's tfjs Layers format, written and read without tfjs: model.json's topology is tf.Sequential's own,
 * tf.loadLayersModel reads what the store writes and predicts the same, a model saved by the earlier tfjs path loads
 * into the kernel, and a model the kernel cannot run still loads (tfjs-layers runs it).
 */
import * as assert from 'node:assert/strict';
import { promises as fs, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadModel, placeOfFolder, saveModel, trainModel, type TrainedModel } from '../../../src/model';
import { layersTopology, TFJS_LAYERS_VERSION, weightSpecs } from '../../../src/model/store/layersFormat';
import { buildLayers, LayersNet, layersNet } from '../../../src/model/network/layersNet';
import { weightShapes, type NetSpec } from '../../../src/model/network/spec';
import type { CellType } from '../../../src/model/types';
import { normals, series, TINY, useCpu } from './helpers';

const data = series(Array.from({ length: 80 }, (_, i) => Math.sin(i / 3) + 0.02 * i));
const extra = { dataFile: 'data.csv', column: 'value', dataHash: 'abc' };
const CELLS: CellType[] = ['rnn', 'gru', 'lstm'];

/** tfjs numbers its layers per process (gru_GRU7); the format does not depend on those numbers. */
const unnumbered = (j: unknown): string =>
  JSON.stringify(j).replace(/(_[A-Za-z]+|sequential_|Dense)\d+/g, '$1#');

function randomWeights(spec: NetSpec, seed: number): Float32Array[] {
  return weightShapes(spec).map((s, i) =>
    Float32Array.from(
      normals(
        s.reduce((a, b) => a * b, 1),
        seed + i,
      ),
      (v) => (0.5 * v) / Math.sqrt(s[0]),
    ),
  );
}

/** tf.loadLayersModel on a model folder's two files, as tfjs reads any Layers model. */
async function tfjsLoad(dir: string): Promise<tf.LayersModel> {
  const mj = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bin = readFileSync(join(dir, 'weights.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: mj.modelTopology,
      weightSpecs: mj.weightsManifest[0].weights,
      weightData,
    }),
  );
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('tfjs Layers format without tfjs', () => {
  let root: string;
  before(useCpu);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seqlab-format-'));
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('names the tfjs-layers release installed here', () => {
    assert.equal(TFJS_LAYERS_VERSION, tf.version_layers);
  });

  for (const cell of CELLS) {
    for (const layers of [1, 3]) {
      const spec: NetSpec = { cell, layers, units: 5, window: 7, features: 1 };

      it(`${cell} × ${layers}: writes the topology and manifest tfjs-layers writes for the same Sequential`, async () => {
        const model = buildLayers(spec);
        let saved: tf.io.ModelArtifacts | undefined;
        await model.save(
          tf.io.withSaveHandler(async (a) => {
            saved = a;
            return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
          }),
        );
        model.dispose();
        assert.equal(unnumbered(layersTopology(spec)), unnumbered(saved?.modelTopology));
        assert.equal(unnumbered(weightSpecs(spec)), unnumbered(saved?.weightSpecs));
      });

      it(`${cell} × ${layers}: a saved model loads in tf.loadLayersModel and predicts as SeqLab does (1e-5)`, async () => {
        const trained: TrainedModel = await trainModel(data, {
          ...TINY,
          cell,
          layers,
          units: 5,
          window: 7,
          epochs: 1,
        });
        trained.net.writeWeights(randomWeights(spec, 3));
        const dir = join(root, 'm');
        await saveModel(placeOfFolder(dir), trained, extra);
        const xs = Float32Array.from(normals(9 * 7, 5));
        const ours = trained.net.predict(xs, 9);
        trained.dispose();
        const theirs = await tfjsLoad(dir);
        const y = tf.tidy(() => (theirs.predict(tf.tensor3d(xs, [9, 7, 1])) as tf.Tensor).dataSync());
        theirs.dispose();
        assert.ok(maxDiff(ours, y) < 1e-5, `kernel vs tf.loadLayersModel: ${maxDiff(ours, y)}`);
        const loaded = await loadModel(placeOfFolder(dir));
        assert.ok(!(loaded.net instanceof LayersNet), 'a SeqLab model should load into the kernel');
        assert.ok(maxDiff(loaded.net.predict(xs, 9), y) < 1e-5);
        loaded.dispose();
      });
    }
  }

  /** A model folder as the tfjs save path of earlier versions wrote it: tfjs-layers' artifacts, our meta.json. */
  async function saveTheOldWay(dir: string, spec: NetSpec, w: Float32Array[], meta: object): Promise<void> {
    const net = layersNet(spec, w);
    let a: tf.io.ModelArtifacts | undefined;
    await net.model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        a = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    net.dispose();
    const generation = 'abc123';
    await fs.mkdir(dir, { recursive: true });
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        seqlabGeneration: generation,
        modelTopology: a?.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: a?.weightSpecs }],
      }),
    );
    writeFileSync(
      join(dir, 'weights.bin'),
      new Uint8Array(tf.io.CompositeArrayBuffer.join(a?.weightData ?? [])),
    );
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, generation }));
  }

  for (const cell of CELLS) {
    it(`${cell}: loads a model the earlier tfjs path saved (engine 'layers' in its meta) into the kernel`, async () => {
      const spec: NetSpec = { cell, layers: 2, units: 6, window: 7, features: 1 };
      const trained = await trainModel(data, { ...TINY, cell, layers: 2, units: 6, window: 7, epochs: 1 });
      const meta = { ...trained.meta, config: { ...trained.meta.config, engine: 'layers' } };
      trained.dispose();
      const w = randomWeights(spec, 11);
      const dir = join(root, 'old');
      await saveTheOldWay(dir, spec, w, meta);
      const loaded = await loadModel(placeOfFolder(dir));
      assert.ok(!(loaded.net instanceof LayersNet));
      assert.equal(loaded.meta.config.engine, 'kernel');
      assert.deepEqual(loaded.net.readWeights(), w);
      const xs = Float32Array.from(normals(6 * 7, 12));
      const ref = layersNet(spec, w);
      const y = tf.tidy(() => ref.apply(tf.tensor3d(xs, [6, 7, 1])).dataSync());
      ref.dispose();
      assert.ok(maxDiff(loaded.net.predict(xs, 6), y) < 1e-5);
      loaded.dispose();
    });
  }

  it('runs a model the kernel cannot (a relu activation) in tfjs-layers, and says why it has no hidden states', async () => {
    const spec: NetSpec = { cell: 'gru', layers: 1, units: 4, window: 7, features: 1 };
    const trained = await trainModel(data, { ...TINY, cell: 'gru', units: 4, window: 7, epochs: 1 });
    trained.net.writeWeights(randomWeights(spec, 21));
    const dir = join(root, 'relu');
    await saveModel(placeOfFolder(dir), trained, extra);
    trained.dispose();
    const mj = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    mj.modelTopology.config.layers[0].config.activation = 'relu';
    writeFileSync(join(dir, 'model.json'), JSON.stringify(mj));
    const loaded = await loadModel(placeOfFolder(dir));
    assert.ok(loaded.net instanceof LayersNet);
    const xs = Float32Array.from(normals(3 * 7, 22));
    const theirs = await tfjsLoad(dir);
    const y = tf.tidy(() => (theirs.predict(tf.tensor3d(xs, [3, 7, 1])) as tf.Tensor).dataSync());
    theirs.dispose();
    assert.ok(maxDiff(loaded.net.predict(xs, 3), y) < 1e-6);
    assert.throws(
      () => loaded.net.probe(xs.subarray(0, 7)),
      /hidden states are not available.*activation "relu"/,
    );
    loaded.dispose();
  });
});
