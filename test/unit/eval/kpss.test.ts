/** KPSS decides how often AutoARIMA's series is differenced (the arima package's own choice keeps trends at d = 0). */
import * as assert from 'node:assert/strict';
import { kpssStatistic, ndiffs } from '../../../src/model/eval/kpss';
import { arimaForecast } from '../../../src/model/eval/arima';
import { normals } from '../model/helpers';

describe('KPSS and the differencing order', () => {
  it('computes the statistic with Newey–West weights over ⌊4(n/100)^¼⌋ lags', () => {
    // numpy: e = y − ȳ; η = Σ cumsum(e)² / n²; s² = (e·e + 2 Σₖ (1 − k/3) eₖ…·e…₋ₖ) / n with 2 lags; η / s².
    const y = [1, 3, 2, 5, 4, 6, 5, 8, 7, 9, 8, 11];
    assert.ok(Math.abs(kpssStatistic(y) - 0.5208076448828606) < 1e-12);
  });

  it('leaves noise alone and differences a random walk and a trend once', () => {
    const z = normals(500, 4);
    assert.equal(ndiffs(z), 0);
    let s = 0;
    assert.equal(ndiffs(z.map((e) => (s += e))), 1);
    assert.equal(ndiffs(z.map((e, t) => 0.05 * t + e)), 1);
  });

  it('lets AutoARIMA follow a trend instead of reverting to the mean', () => {
    const z = normals(300, 9);
    const y = z.map((e, t) => 100 + 0.5 * t + e);
    const f = arimaForecast(y, 300, 10, 1);
    // The truth 10 steps on is 100 + 0.5·309 = 254.5; the series' mean is about 175.
    assert.ok(Math.abs(f.point[9] - 254.5) < 3, `forecast ${f.point[9]}`);
    assert.ok(f.lower![9] < f.point[9] && f.point[9] < f.upper![9]);
  });
});
