/** Theta (SES with drift, deseasonalised) against hand-computed values and statsmodels' algorithm re-derived in numpy. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fitTheta, isSeasonal, seasonalIndices, thetaPredict } from '../../../src/model/eval/theta';
import { Z80 } from '../../../src/model/eval/naiveForecasts';
import { normals } from '../model/helpers';

const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (tolerance ${tol})`);

function sales(): number[] {
  const lines = fs.readFileSync('media/samples/monthly-sales.csv', 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => Number(l.split(',')[1]));
}

describe('Theta', () => {
  it('matches a hand computation with α fixed at 0.5 and no season', () => {
    // y = 1 2 3 5 4: OLS slope b₀ = 9/10; SES from ℓ₀ = 1 gives errors 0 1 1.5 2.75 0.375 and ℓ₅ = 3.8125;
    // drift term h − 1 + 1/α − (1−α)⁵/α = h + 0.9375; σ² = 10.953125 / 5.
    const fit = fitTheta([1, 2, 3, 5, 4], 5, 1, 0.5);
    close(fit.b0, 0.9, 1e-12, 'b0');
    close(fit.level, 3.8125, 1e-12, 'level');
    close(fit.sigma2, 2.190625, 1e-12, 'sigma2');
    const f = thetaPredict(fit, 2);
    close(f.point[0], 3.8125 + 0.45 * 1.9375, 1e-12, 'h=1');
    close(f.point[1], 3.8125 + 0.45 * 2.9375, 1e-12, 'h=2');
    // SES's variance σ²(1 + (h−1)α²): h = 2 widens by √1.25.
    close(f.upper![0] - f.point[0], Z80 * Math.sqrt(2.190625), 1e-12, 'half width h=1');
    close(f.upper![1] - f.point[1], Z80 * Math.sqrt(2.190625 * 1.25), 1e-12, 'half width h=2');
  });

  it('is SES plus half the trend: successive forecasts differ by b₀/2', () => {
    const y = Array.from({ length: 40 }, (_, i) => 10 + 0.7 * i + Math.sin(i * 1.3));
    const f = thetaPredict(fitTheta(y, y.length, 1), 5).point;
    const fit = fitTheta(y, y.length, 1);
    for (let h = 1; h < 5; h++) close(f[h] - f[h - 1], fit.b0 / 2, 1e-9, `step ${h}`);
  });

  it('reproduces statsmodels ThetaModel on monthly-sales (deseasonalised, multiplicative)', () => {
    // test/fixtures/reference/theta_reference.py, case sales84.
    const fit = fitTheta(sales(), 84, 12);
    assert.equal(fit.method, 'mul');
    assert.ok(fit.seasonal, 'the seasonal test rejects');
    close(fit.alpha, 0.7754469077, 1e-6, 'alpha');
    close(fit.b0, 0.8137890336, 1e-9, 'b0');
    const ref = [
      177.385218, 179.343371, 183.360869, 180.547207, 181.705139, 185.600769, 180.08368, 171.171705,
      155.004345, 151.602681, 157.321741, 169.351504,
    ];
    thetaPredict(fit, 12).point.forEach((v, i) => close(v, ref[i], 1e-4, `h=${i + 1}`));
  });

  it('reproduces statsmodels ThetaModel on a drifting series without season', () => {
    // test/fixtures/reference/theta_reference.py, case drift60 (α at its upper bound).
    const y = Array.from({ length: 60 }, (_, i) => i);
    let s = 50;
    y.forEach((_, i) => (y[i] = s += Math.sin(i * 1.7) + 0.3));
    const fit = fitTheta(y, 60, 1);
    close(fit.alpha, 0.9998999731, 1e-6, 'alpha');
    close(fit.b0, 0.2992751101, 1e-9, 'b0');
    const ref = [68.046851, 68.196488, 68.346126, 68.495763, 68.645401, 68.795038];
    thetaPredict(fit, 6).point.forEach((v, i) => close(v, ref[i], 1e-5, `h=${i + 1}`));
  });

  it('decomposes a pure multiplicative season exactly and leaves white noise undeseasonalised', () => {
    const idx = [0.8, 1.2, 1.1, 0.9];
    const y = Array.from({ length: 24 }, (_, t) => 100 * idx[t % 4]);
    seasonalIndices(y, 4, 'mul').forEach((v, i) => close(v, idx[i], 1e-12, `index ${i}`));
    assert.equal(isSeasonal(y, 4), true);
    const flat = normals(120, 3).map((e) => 5 + e);
    assert.equal(isSeasonal(flat, 12), false);
  });
});
