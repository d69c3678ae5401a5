/**
 * Saliency per input feature: each covariate's gradient held to float64 finite differences of the forecast, and on
 * the lagged-covariate fixture (y follows x three steps later) the covariate's saliency peaks at that lag.
 */
import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { trainGlobal, seriesMetaFor, type TrainedModel } from '../../../src/model';
import { readPanel } from '../../../src/model/data';
import { saliency } from '../../../src/model/explain/saliency';
import { headOutput, traceGates } from '../../../src/model/explain/gates';
import { scale, unscale } from '../../../src/model/windows/scaler';
import type { Series } from '../../../src/model/data/types';
import { normals, TINY, useCpu } from '../model/helpers';

const fixtures = resolve(__dirname, '../../../../test/fixtures/data');

/** The one-step forecast for target t in float64, with row `row` of input `f` (0: the series) moved by `dv`. */
function reference(model: TrainedModel, s: Series, t: number, f: number, row: number, dv: number): number {
  const m = model.meta;
  const W = m.window;
  const { scalers } = seriesMetaFor(model, s);
  const inputs = [s.values, ...(s.covariates ?? [])].map((v) => Float64Array.from(v.subarray(0, t)));
  inputs[f][row] += dv;
  const z: number[] = [];
  for (let p = 0; p < W; p++) {
    const k = t - W + p;
    inputs.forEach((v, g) => z.push(scale(scalers[g], m.differenced ? v[k] - v[k - 1] : v[k])));
  }
  const w = model.net.readWeights();
  const y = headOutput(model.net.spec, w, traceGates(model.net.spec, w, z));
  const vals = inputs[0];
  return m.differenced ? vals[t - 1] + unscale(scalers[0], y) : unscale(scalers[0], y);
}

function laggedSeries(n: number): Series {
  const e = normals(2 * n, 3);
  const x = Array.from({ length: n }, (_, i) => 20 + 5 * Math.sin(i / 3) + 2 * e[i]);
  const y = x.map((_, i) => (i >= 2 ? 0.8 * x[i - 2] : 16) + 0.3 * e[n + i] + 0.05 * i);
  return { name: 'y', values: Float64Array.from(y), covariates: [Float64Array.from(x)], problems: [] };
}

describe('explain: covariate saliency', () => {
  before(useCpu);

  for (const difference of ['none', 'first'] as const) {
    it(`holds each input's gradient to float64 central differences (difference ${difference})`, async () => {
      const s = laggedSeries(140);
      const model = await trainGlobal(
        { column: 'y', features: ['x'], series: [s] },
        { ...TINY, window: 6, difference, cell: 'gru', layers: 2, scaler: 'zscore' },
      );
      try {
        const start = 80;
        const sal = saliency(model, s, start);
        const t = start + 6;
        const cov = sal.covariates?.[0];
        assert.ok(cov, 'a covariate row');
        assert.equal(cov.feature, 'x');
        const rows = [sal.value, cov.value];
        rows.forEach((value, f) => {
          const h = 1e-4 * seriesMetaFor(model, s).scalers[f].b;
          const want = value.map((_, l) => {
            const row = t - 1 - l;
            return (reference(model, s, t, f, row, h) - reference(model, s, t, f, row, -h)) / (2 * h);
          });
          const big = Math.max(...want.map(Math.abs));
          assert.equal(value.length, difference === 'first' ? 7 : 6);
          value.forEach((v, l) =>
            assert.ok(
              Math.abs(v - want[l]) < 2e-3 * big + 1e-5,
              `input ${f} lag ${l + 1}: ${v} vs ${want[l]}`,
            ),
          );
        });
      } finally {
        model.dispose();
      }
    });
  }

  it('peaks at lag 3 for x on lagged-covariate.csv (y follows x three steps later), by gradient and occlusion', async () => {
    const panel = await readPanel(
      { path: join(fixtures, 'lagged-covariate.csv') },
      { column: 'y', features: ['x'], seriesColumn: 'none' },
    );
    const model = await trainGlobal(
      { column: panel.column, features: panel.features, series: panel.series },
      { ...TINY, seed: 1, units: 8, epochs: 15, batchSize: 32, window: 8, difference: 'none' },
    );
    try {
      const s = saliency(model, panel.series[0]);
      const x = s.covariates?.[0];
      assert.ok(x);
      const show = (v: number[]) => v.map((a) => a.toFixed(3)).join(' ');
      assert.equal(x.peakLag, 3, `x by lag: ${show(x.value)}`);
      assert.equal(x.occlusion.indexOf(Math.max(...x.occlusion)) + 1, 3, `occlusion: ${show(x.occlusion)}`);
      assert.deepEqual(s.leans, { feature: 'x', lag: 3 }, `y by lag: ${show(s.value)}`);
    } finally {
      model.dispose();
    }
  });
});
