/** Per-horizon conformal intervals: calibrated at training time, stored in meta.json, covering new data as promised. */
import * as assert from 'node:assert/strict';
import { forecast, trainModel, type TrainedModel } from '../../../src/model';
import { checkMeta } from '../../../src/model/store/meta';
import { conformalHalfWidth, conformalQuantile } from '../../../src/model/forecast/conformal';
import { checkHorizon } from '../../../src/model/forecast/check';
import { normals, series } from './helpers';

/** A seasonal AR(1): y = 10 + 3 sin(2πt/12) + e, e = 0.5 e₋₁ + noise. */
function generated(n: number, seed: number): number[] {
  const z = normals(n, seed);
  let e = 0;
  return z.map((w, t) => {
    e = 0.5 * e + w;
    return 10 + 3 * Math.sin((2 * Math.PI * t) / 12) + e;
  });
}

describe('conformal intervals', () => {
  const all = generated(3600, 21);
  const trainPart = series(all.slice(0, 2400));
  let model: TrainedModel;
  before(async () => {
    model = await trainModel(trainPart, {
      units: 8,
      epochs: 15,
      patience: 0,
      seed: 3,
      backend: 'cpu',
      window: 24,
    });
  });
  after(() => model.dispose());

  it('takes the ⌈(n+1)q⌉-th smallest error', () => {
    assert.equal(conformalQuantile([1, 2, 3, 4, 5, 6, 7, 8, 9], 0.8), 8);
    assert.equal(conformalQuantile([1, 2, 3], 0.9), 3);
  });

  it('is calibrated per step ahead at training time and survives meta.json', () => {
    const c = model.meta.conformal;
    assert.ok(c, 'calibrated');
    assert.equal(c.a.length, checkHorizon(model.meta.season, 480));
    const back = checkMeta('meta.json', JSON.parse(JSON.stringify(model.meta)));
    assert.deepEqual(back.conformal, c);
    const f = forecast(model, trainPart, 12, 0.8);
    assert.equal(f.intervalMethod, 'conformal');
    assert.ok(
      Math.abs(f.intervals[4][1] - f.forecast[4] - conformalHalfWidth(c, 0.8, 5, f.forecast[4])) < 1e-9,
    );
  });

  it('covers about 80% of new values at every horizon (1,200 unseen values, 12 steps ahead)', () => {
    const f0 = forecast(model, trainPart, 1, 0.8);
    let inside = 0;
    let total = 0;
    for (let origin = 2400; origin + 12 <= all.length; origin += 7) {
      const f = forecast(model, series(all.slice(0, origin)), 12, 0.8);
      f.intervals.forEach(([lo, hi], h) => {
        const a = all[origin + h];
        inside += a >= lo && a <= hi ? 1 : 0;
        total++;
      });
    }
    const achieved = inside / total;
    assert.ok(Math.abs(achieved - 0.8) <= 0.05, `achieved ${achieved} on new data`);
    assert.ok(
      f0.coverage !== undefined && Math.abs(f0.coverage - 0.8) <= 0.05,
      `held-out estimate ${f0.coverage}`,
    );
  });

  it('calibrates relative errors on a positive series whose errors grow with its level, and scales by the point', async () => {
    // Exponential growth with multiplicative noise: absolute errors from the validation range understate later ones.
    const z = normals(400, 9);
    const grown = series(z.map((w, t) => 10 * Math.exp(0.01 * t + 0.05 * w)));
    const m = await trainModel(grown, { units: 4, epochs: 10, patience: 0, seed: 3, difference: 'first' });
    try {
      const c = m.meta.conformal;
      assert.ok(c?.relative, 'relative errors chosen');
      assert.equal(conformalHalfWidth(c, 0.8, 1, 200), 2 * conformalHalfWidth(c, 0.8, 1, 100));
      const back = checkMeta('meta.json', JSON.parse(JSON.stringify(m.meta)));
      assert.equal(back.conformal?.relative, true);
    } finally {
      m.dispose();
    }
  });

  it('falls back to the residual interval for a model saved before calibration', () => {
    const { conformal: _c, ...old } = model.meta;
    const f = forecast({ ...model, meta: old }, trainPart, 2, 0.8);
    assert.equal(f.intervalMethod, 'residual');
    assert.equal(f.coverage, undefined);
  });
});
