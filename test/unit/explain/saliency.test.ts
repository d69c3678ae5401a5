/** Saliency held to float64 finite differences of the forecast, and finding the one lag a series depends on. */
import * as assert from 'node:assert/strict';
import { trainModel, type TrainedModel } from '../../../src/model';
import { saliency } from '../../../src/model/explain/saliency';
import { headOutput, traceGates } from '../../../src/model/explain/gates';
import { scale, unscale } from '../../../src/model/windows/scaler';
import { series, TINY, useCpu } from '../model/helpers';
import { oneLag } from './generators';
import { removalOf, seasonAt, withoutSeason } from '../../../src/model/forecast/seasonFree';

/** The one-step forecast from the rows before target t, all in float64, with one row moved by `dv`. */
function reference(model: TrainedModel, values: Float64Array, t: number, row: number, dv: number): number {
  const m = model.meta;
  const W = m.window;
  const raw = Float64Array.from(values.subarray(0, t));
  raw[row] += dv;
  // A season the model removes (deseasonalize 'auto' may choose it) is removed here too and put back on y.
  const removal = removalOf(m);
  const vals = withoutSeason(raw, removal);
  const z = Array.from({ length: W }, (_, p) => {
    const k = t - W + p;
    return scale(m.scaler, m.differenced ? vals[k] - vals[k - 1] : vals[k]);
  });
  const w = model.net.readWeights();
  const y = headOutput(model.net.spec, w, traceGates(model.net.spec, w, z));
  return seasonAt(m.differenced ? vals[t - 1] + unscale(m.scaler, y) : unscale(m.scaler, y), removal, t);
}

describe('explain: saliency', () => {
  before(useCpu);

  for (const difference of ['none', 'first'] as const) {
    for (const cell of ['gru', 'lstm', 'rnn'] as const) {
      it(`matches float64 central differences of the forecast in series units (${cell}, difference ${difference})`, async () => {
        const data = series(oneLag(120, 3).map((v, i) => 50 + 4 * v + 0.1 * i));
        const model = await trainModel(
          data,
          { ...TINY, backend: 'cpu', window: 6, difference, cell, layers: 2, scaler: 'minmax' },
          {},
        );
        try {
          const start = 70;
          const s = saliency(model, data, start);
          const t = start + 6;
          const h = 1e-4 * (model.meta.scaler.b - model.meta.scaler.a);
          const want = s.value.map((_, l) => {
            const row = t - 1 - l;
            return (
              (reference(model, data.values, t, row, h) - reference(model, data.values, t, row, -h)) / (2 * h)
            );
          });
          const big = Math.max(...want.map(Math.abs));
          assert.equal(s.value.length, difference === 'first' ? 7 : 6);
          s.value.forEach((v, l) =>
            assert.ok(Math.abs(v - want[l]) < 2e-3 * big + 1e-5, `lag ${l + 1}: ${v} vs ${want[l]}`),
          );
        } finally {
          model.dispose();
        }
      });
    }
  }

  it('peaks at the one lag a generated series depends on, by gradient and by occlusion', async () => {
    const data = series(oneLag(1500, 5));
    const model = await trainModel(
      data,
      {
        ...TINY,
        backend: 'cpu',
        window: 8,
        difference: 'none',
        cell: 'gru',
        units: 8,
        epochs: 25,
        batchSize: 32,
      },
      {},
    );
    try {
      const s = saliency(model, data);
      assert.equal(s.mode, 'validation');
      assert.equal(s.peakLag, 5, `saliency by lag: ${s.value.map((v) => v.toFixed(3)).join(' ')}`);
      const occPeak = s.occlusion.indexOf(Math.max(...s.occlusion)) + 1;
      assert.equal(occPeak, 5, `occlusion by lag: ${s.occlusion.map((v) => v.toFixed(3)).join(' ')}`);
    } finally {
      model.dispose();
    }
  });
});
