/** Several inputs per step (covariates) in the kernel, and the global model's per-series preparation. */
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { KernelNet } from '../../../src/model/kernel/kernel';
import { kernelAvailable } from '../../../src/model/kernel/load';
import { createNet } from '../../../src/model/network/seqnet';
import { layersNet } from '../../../src/model/network/layersNet';
import type { NetSpec } from '../../../src/model/network/spec';
import type { Series } from '../../../src/model/data/types';
import { preparePanel } from '../../../src/model/windows/panelSignal';
import { windowStart, targetIndex } from '../../../src/model/windows/prepare';
import { trainGlobal } from '../../../src/model/train/trainGlobal';
import { forecastSeries } from '../../../src/model/forecast/forecastGlobal';
import { normals, relErr, useCpu } from './helpers';

const CELLS = ['rnn', 'gru', 'lstm'] as const;

function part(label: string, values: number[], covariate?: number[]): Series {
  const s: Series = { name: 'v', label, values: Float64Array.from(values), problems: [] };
  if (covariate) s.covariates = [Float64Array.from(covariate)];
  return s;
}

describe('global models', () => {
  before(async function () {
    if (!kernelAvailable())
      throw new Error('dist/wasm/seqlab-kernel.wasm is missing: run npm run build first');
    await useCpu();
  });

  for (const cell of CELLS)
    it(`${cell}: with 3 inputs per step the kernel's outputs and gradients equal tfjs-layers' (1e-4 relative)`, () => {
      const spec: NetSpec = { cell, layers: 2, units: 5, window: 6, features: 3 };
      const batch = 7;
      const xs = Float32Array.from(normals(batch * spec.window * 3, 5));
      const ys = Float32Array.from(normals(batch, 6));
      const w = createNet(spec, 9).readWeights();
      const net = layersNet(spec, w);
      const x = tf.tensor3d(xs, [batch, spec.window, 3]);
      const y = tf.tensor2d(ys, [batch, 1]);
      const theirs = tf.tidy(() => net.apply(x).dataSync());
      const { grads } = tf.variableGrads(
        () => tf.losses.meanSquaredError(y, net.apply(x)) as tf.Scalar,
        net.variables,
      );
      const k = new KernelNet(spec, 8);
      k.setWeights(w);
      const offsets = Array.from({ length: batch }, (_, b) => b * spec.window * 3);
      assert.ok(relErr(k.predict(xs, offsets), theirs) < 1e-4);
      const ours = k.gradients(xs, offsets, ys);
      net.variables.forEach((v, i) => {
        const e = relErr(ours.grads[i], grads[v.name].dataSync());
        assert.ok(e < 1e-4, `variable ${i}: relative error ${e}`);
      });
      tf.dispose([x, y, ...Object.values(grads)]);
      net.dispose();
    });

  it('scales each series on its own training range and never lets a window cross into the next series', () => {
    const a = Array.from({ length: 20 }, (_, i) => i);
    const b = Array.from({ length: 30 }, (_, i) => 1000 + 10 * i);
    const p = preparePanel(
      [
        part(
          'a',
          a,
          a.map((v) => -v),
        ),
        part(
          'b',
          b,
          b.map((v) => v / 2),
        ),
      ],
      { scaler: 'zscore', validationSplit: 0.2 },
      4,
      false,
    );
    const [ba, bb] = p.blocks;
    assert.deepEqual([ba.splitIndex, bb.splitIndex], [16, 24]);
    // zscore on the first 16 values of a: mean 7.5.
    assert.equal(ba.scalers[0].a, 7.5);
    assert.equal(ba.scalers[1].a, -7.5);
    assert.equal(bb.scalers[0].a, 1000 + 10 * 11.5);
    assert.equal(p.pooled.features, 2);
    for (const u of [...p.pooled.trainTargets, ...p.pooled.valTargets]) {
      const block = u >= bb.base ? bb : ba;
      const start = windowStart(p.pooled, u) / 2;
      assert.ok(start >= block.base, `target ${u}: window starts at step ${start}, before its series`);
      assert.equal(targetIndex(p.pooled, u), 2 * u);
    }
    assert.equal(p.pooled.trainTargets.length, 16 - 4 + (24 - 4));
    assert.equal(p.pooled.valTargets.length, 4 + 6);
  });

  it('leaves out a series too short for the window and reports it; epochs show the first series', async () => {
    const views: number[][] = [];
    const long = Array.from({ length: 80 }, (_, i) => Math.sin(i / 3));
    const model = await trainGlobal(
      { column: 'v', key: 'k', features: [], series: [part('long', long), part('short', long.slice(0, 10))] },
      { window: 8, epochs: 2, units: 4, difference: 'first', seed: 1 },
      {
        onEpoch: (_r, view) => {
          const h = view.hidden();
          views.push([h.start, h.layers[0].h.length, h.input[0], view.validationTrace().index.length]);
        },
      },
    );
    // The latest window of the first series: starts at 80 − 8, inputs in its own units, 16 validation points.
    assert.deepEqual(views[0], [72, 8 * 4, long[72], 16]);
    try {
      assert.deepEqual(
        model.skipped.map((s) => s.name),
        ['short'],
      );
      assert.deepEqual(
        model.meta.series?.map((s) => s.name),
        ['long'],
      );
      assert.throws(() => forecastSeries(model, part('short', long)), /not trained on series "short"/);
    } finally {
      model.dispose();
    }
  });
});
