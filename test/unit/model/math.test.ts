/** Scalers, metrics, season detection and intervals, checked against values worked out by hand. */
import * as assert from 'node:assert/strict';
import { fitScaler, scale, unscale } from '../../../src/model/windows/scaler';
import { metrics, naiveScale } from '../../../src/model/forecast/metrics';
import { detectSeason } from '../../../src/model/forecast/season';
import { interval, residualSummary } from '../../../src/model/forecast/intervals';
import { baselines } from '../../../src/model/forecast/baselines';
import { normals } from './helpers';

describe('scalers', () => {
  const xs = [3, -1.5, 10, 7.25, 0];
  for (const kind of ['zscore', 'minmax'] as const) {
    it(`${kind} round-trips every value`, () => {
      const s = fitScaler(kind, xs);
      for (const x of xs) assert.ok(Math.abs(unscale(s, scale(s, x)) - x) < 1e-12);
    });
  }

  it('fits on training rows only', () => {
    const s = fitScaler('zscore', [1, 2, 3, 1000], 3);
    assert.equal(s.a, 2);
    assert.ok(Math.abs(s.b - Math.sqrt(2 / 3)) < 1e-12);
  });

  it('minmax maps the training range to [0, 1]', () => {
    const s = fitScaler('minmax', [4, 8, 6]);
    assert.deepEqual([scale(s, 4), scale(s, 8), scale(s, 6)], [0, 1, 0.5]);
  });

  it('gives a constant series a unit spread instead of dividing by zero', () => {
    const s = fitScaler('zscore', [5, 5, 5]);
    assert.equal(scale(s, 6), 1);
  });
});

describe('metrics', () => {
  const actual = [2, 4, 0, 5];
  const predicted = [1, 5, 1, 5];

  it('computes MAE, MSE and RMSE', () => {
    const m = metrics(actual, predicted, 1);
    assert.equal(m.mae, 0.75);
    assert.equal(m.mse, 0.75);
    assert.equal(m.rmse, Math.sqrt(0.75));
  });

  it('skips zero actuals in MAPE', () => {
    // |1/2| + |1/4| + 0 over the three non-zero actuals.
    assert.ok(Math.abs(metrics(actual, predicted, 1).mape - (100 * 0.75) / 3) < 1e-12);
  });

  it('computes sMAPE as 2|e|/(|a|+|p|)', () => {
    const want = (100 / 4) * (2 / 3 + 2 / 9 + 2 / 1 + 0);
    assert.ok(Math.abs(metrics(actual, predicted, 1).smape - want) < 1e-12);
  });

  it('scales MASE by the in-sample one-step naive MAE of the training range', () => {
    // Training range [1, 3, 2, 6]: naive errors 2, 1, 4 → 7/3.
    assert.ok(Math.abs(naiveScale([1, 3, 2, 6, 100], 4) - 7 / 3) < 1e-12);
    assert.ok(Math.abs(metrics(actual, predicted, 7 / 3).mase - 0.75 / (7 / 3)) < 1e-12);
  });

  it('reports MAPE as NaN when every actual is zero', () => {
    assert.ok(Number.isNaN(metrics([0, 0], [1, 1], 1).mape));
  });

  it('scores naive and seasonal naive on the given targets', () => {
    const v = Float64Array.from([1, 2, 3, 1, 2, 3, 1, 2, 4]);
    const b = baselines(v, [6, 7, 8], 6, 3);
    assert.deepEqual([b.naive.mae, b.seasonalNaive.mae], [(2 + 1 + 2) / 3, 1 / 3]);
  });
});

describe('season', () => {
  const monthly = Array.from({ length: 120 }, (_, i) => 10 * Math.sin((2 * Math.PI * i) / 12) + 0.1 * i);

  it('takes 12 from a monthly date step when autocorrelation confirms it', () => {
    assert.equal(detectSeason(monthly, 120, 30 * 86_400_000), 12);
  });

  it('finds the period from autocorrelation without dates', () => {
    const hourly = Array.from({ length: 500 }, (_, i) => Math.sin((2 * Math.PI * i) / 24));
    assert.equal(detectSeason(hourly, 500), 24);
  });

  it('is 1 for a random walk, even with a monthly date step', () => {
    let v = 0;
    const walk = normals(300, 9).map((e) => (v += e));
    assert.equal(detectSeason(walk, 300, 30 * 86_400_000), 1);
  });
});

describe('intervals', () => {
  for (const level of [0.8, 0.95]) {
    it(`covers about ${level * 100}% of fresh noise from residual quantiles`, () => {
      const res = residualSummary(normals(2000, 1));
      const fresh = normals(20000, 2);
      const [lo, hi] = interval(res, 0, level);
      const covered = fresh.filter((e) => e >= lo && e <= hi).length / fresh.length;
      assert.ok(Math.abs(covered - level) < 0.02, `covered ${covered}`);
    });
  }

  it('contains its own point even when the residuals are all of one sign', () => {
    const biased = residualSummary(normals(500, 4).map((e) => Math.abs(e) + 1));
    const [lo, hi] = interval(biased, 10, 0.8);
    assert.ok(lo < 10 && hi > 10, `[${lo}, ${hi}]`);
  });

  it('keeps at most 999 sorted residuals', () => {
    const s = residualSummary(normals(5000, 3));
    assert.equal(s.length, 999);
    assert.ok(s.every((v, i) => i === 0 || v >= s[i - 1]));
  });
});
