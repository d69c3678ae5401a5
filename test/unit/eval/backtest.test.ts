/** Backtest folds, scores by hand, the statistical forecasters, and that no fold sees data after its origin. */
import * as assert from 'node:assert/strict';
import { foldOrigins, BacktestSetupError } from '../../../src/model/eval/folds';
import { foldScale, scoreFold, summarise } from '../../../src/model/eval/scoring';
import { naiveForecast, seasonalNaiveForecast, Z80 } from '../../../src/model/eval/naiveForecasts';
import { arimaForecast } from '../../../src/model/eval/arima';
import { forecast, runBacktest, trainModel, BacktestStopped } from '../../../src/model';
import type { BacktestReport } from '../../../src/model';
import { normals, series, TINY } from '../model/helpers';

const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b} (tolerance ${tol})`);

describe('backtest folds', () => {
  it('lays the last K·H values out as K consecutive blocks of H', () => {
    assert.deepEqual(foldOrigins(100, 5, 4), [80, 84, 88, 92, 96]);
    assert.deepEqual(foldOrigins(144, 5, 12), [84, 96, 108, 120, 132]);
    assert.deepEqual(foldOrigins(30, 1, 1), [29]);
  });

  it('refuses a layout that leaves the first fold too little to train on, saying what would fit', () => {
    assert.throws(
      () => foldOrigins(50, 5, 12),
      (e: Error) => e instanceof BacktestSetupError && /fewer folds/.test(e.message),
    );
    assert.throws(() => foldOrigins(50, 0, 1), BacktestSetupError);
  });
});

describe('backtest scores', () => {
  it('scales MASE by the seasonal-naive in-sample MAE of the fold’s training part (naive without a season)', () => {
    // Training part 1 2 4 3 5 6: lag-2 differences |4−1| |3−2| |5−4| |6−3| → MAE 2; lag-1 → (1+2+1+2+1)/5 = 1.4.
    const v = [1, 2, 4, 3, 5, 6, 8, 7];
    assert.equal(foldScale(v, 6, 2), 2);
    close(foldScale(v, 6, 1), 1.4, 1e-12);
    // Forecast 6 6 for actual 8 7: MAE 1.5, MASE 1.5 / 2 = 0.75; RMSE √((4+1)/2); sMAPE 100·(2·2/14 + 2·1/13)/2.
    const f = scoreFold(v, 6, 2, 2, { point: [6, 6], lower: [5, 5], upper: [7.5, 7.5] });
    close(f.mae, 1.5, 1e-12);
    close(f.mase, 0.75, 1e-12);
    close(f.rmse, Math.sqrt(2.5), 1e-12);
    close(f.smape, 50 * (4 / 14 + 2 / 13), 1e-12);
    assert.equal(f.coverage, 0.5);
  });

  it('averages over folds, gives MAE per step, and leaves a failed fold out of the means', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const a = scoreFold(v, 6, 2, 1, { point: [6, 6] });
    const b = scoreFold(v, 8, 2, 1, { point: [9, 9] });
    const failed = scoreFold(v, 8, 2, 1, new Error('no fit'));
    const s = summarise(v, 2, [a, b]);
    close(s.mae, (1.5 + 0.5) / 2, 1e-12);
    assert.deepEqual(s.perStep, [(1 + 0) / 2, (2 + 1) / 2]);
    assert.equal(s.coverage, null);
    assert.equal(summarise(v, 2, [a, failed]).mae, a.mae);
    assert.equal(failed.error, 'no fit');
  });

  it('widens naive intervals as σ√h and seasonal-naive ones per season passed', () => {
    const v = [0, 1, 0, 1, 0, 1, 0, 1];
    const n = naiveForecast(v, 8, 4);
    assert.deepEqual(n.point, [1, 1, 1, 1]);
    close(n.upper![3] - n.point[3], Z80 * 1 * 2, 1e-12);
    const s = seasonalNaiveForecast(v, 8, 4, 2);
    assert.deepEqual(s.point, [0, 1, 0, 1]);
    assert.deepEqual(s.lower, s.point);
  });
});

describe('AutoARIMA (arima package)', () => {
  it('forecasts white noise by its mean with the normal 80% interval of its spread', () => {
    // ctsa's search is erratic on some draws (seed 7: no usable fit, caught as a failed fold; seed 11: an AR(1)), so
    // this pins a draw where it selects ARIMA(0,0,0) with mean, whose forecast is known in closed form.
    const y = normals(400, 5).map((e) => 3 + 2 * e);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const sd = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    const f = arimaForecast(y, y.length, 3, 1);
    f.point.forEach((p) => close(p, mean, 0.05, 'point'));
    close(f.upper![0] - f.point[0], Z80 * sd, 0.03 * Z80 * sd, 'half width');
  });

  it('keeps the library’s diagnostics off stdout', () => {
    const writes: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => (writes.push(String(s)), true)) as typeof write;
    try {
      const y = Array.from({ length: 120 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + t * 0.2);
      arimaForecast(y, y.length, 12, 12);
    } finally {
      process.stdout.write = write;
    }
    assert.deepEqual(writes, []);
  });
});

describe('runBacktest', () => {
  const n = 72;
  const clean = Array.from({ length: n }, (_, t) => 20 + 5 * Math.sin((2 * Math.PI * t) / 6) + 0.1 * t);
  const config = { ...TINY, backend: 'cpu' as const };
  let report: BacktestReport;
  before(async () => {
    report = await runBacktest(series(clean), { folds: 3, horizon: 6, config });
  });

  it('scores every model on the same folds and names the best by MASE', () => {
    assert.equal(report.horizon, 6);
    assert.equal(report.season, 6);
    for (const m of Object.values(report.models)) {
      assert.deepEqual(
        m.perFold.map((f) => f.origin),
        [54, 60, 66],
      );
      assert.equal(m.perStep.length, 6);
    }
    const finite = Object.entries(report.models).filter(([, m]) => Number.isFinite(m.mase));
    assert.equal(report.best, finite.sort((a, b) => a[1].mase - b[1].mase)[0][0]);
  });

  it('ranks by MAE, and says so, when seasonal naive is exact on the training data (every MASE undefined)', async () => {
    const sine = Array.from({ length: n }, (_, t) => 20 + 5 * Math.sin((2 * Math.PI * t) / 6));
    // The network alone: combined with an exact Theta it would be exact too (see the combination test).
    const r = await runBacktest(series(sine), {
      folds: 3,
      horizon: 6,
      config: { ...config, combine: 'off', difference: 'first' },
    });
    assert.ok(Object.values(r.models).every((m) => !Number.isFinite(m.mase)));
    assert.equal(r.bestBy, 'mae');
    // Seasonal naive and Theta are both exact up to rounding (MAE ~1e-14); the network is not.
    assert.ok(['seasonalNaive', 'theta'].includes(r.best), r.best);
    assert.ok(r.models[r.best].mae < 1e-9 && r.models.rnn.mae > 0.01);
    assert.equal(report.bestBy, 'mase');
  });

  it("scores as the network's row exactly what train + predict give on each fold's data (ensemble and partner too)", async () => {
    const cfg = { ...config, ensemble: 3 };
    const r = await runBacktest(series(clean), { folds: 3, horizon: 6, config: cfg });
    for (const [k, origin] of [54, 60, 66].entries()) {
      const head = series(clean.slice(0, origin));
      const m = await trainModel(head, cfg);
      try {
        assert.equal(m.members?.length, 2);
        assert.deepEqual(
          r.models.rnn.perFold[k].forecast,
          forecast(m, head, 6, 0.8).forecast,
          `fold ${k + 1}`,
        );
      } finally {
        m.dispose();
      }
    }
  });

  it('never lets a fold see values after its origin', async () => {
    for (const [k, origin] of [54, 60, 66].entries()) {
      const poisoned = clean.map((v, t) => (t >= origin ? 1e6 : v));
      const r = await runBacktest(series(poisoned), { folds: 3, horizon: 6, config });
      for (const [key, m] of Object.entries(r.models))
        assert.deepEqual(
          m.perFold[k].forecast,
          report.models[key as keyof typeof r.models].perFold[k].forecast,
          `${key} fold ${k + 1}`,
        );
    }
  });

  it('stops between folds when asked, with progress per fold', async () => {
    const seen: number[] = [];
    await assert.rejects(
      runBacktest(series(clean), {
        folds: 3,
        horizon: 6,
        config,
        onProgress: (p) => seen.push(p.fold),
        shouldStop: () => seen.includes(2),
      }),
      BacktestStopped,
    );
    assert.deepEqual([...new Set(seen)], [1, 2]);
  });
});
