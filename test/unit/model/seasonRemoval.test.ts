/**
 * deseasonalize: the season fitted on the training range only, removed before the network and put back at each
 * output's own row (forecasts, scores, calibration, explain), chosen per series by 'auto', and checked in meta.json.
 */
import * as assert from 'node:assert/strict';
import { forecast, trainModel, type TrainedModel } from '../../../src/model';
import { checkMeta } from '../../../src/model/store/meta';
import {
  fitRemoval,
  removalOf,
  seasonAt,
  shiftRemoval,
  withoutSeason,
} from '../../../src/model/forecast/seasonFree';
import { fitSeason } from '../../../src/model/forecast/deseason';
import { saliency } from '../../../src/model/explain/saliency';
import { headOutput, traceGates } from '../../../src/model/explain/gates';
import { scale, unscale } from '../../../src/model/windows/scaler';
import { splitIndexOf } from '../../../src/model/windows/prepare';
import { normals, series } from './helpers';
import { cycleBetweenSteps, seasonFlat } from './seasonSeries';

const QUICK = {
  units: 8,
  epochs: 40,
  batchSize: 32,
  patience: 0,
  seed: 5,
  window: 24,
  backend: 'cpu',
} as const;

describe('season removal (deseasonalize)', () => {
  const values = Float64Array.from(seasonFlat(300, 1));

  it('round-trips values from any starting row, and a sliced series keeps its phases', () => {
    const r = fitRemoval(values, 240, 12);
    assert.ok(r, 'a season is found');
    // Additive even for a positive series (the network's rule; Theta's fit would be multiplicative here).
    assert.equal(r.method, 'add');
    assert.equal(fitSeason(values.subarray(0, 240), 12)?.method, 'mul');
    const free = withoutSeason(values, r);
    free.forEach((v, t) => assert.ok(Math.abs(seasonAt(v, r, t) - values[t]) < 1e-12 * values[t]));
    const mul = { ...r, ...fitSeason(values.subarray(0, 240), 12) };
    withoutSeason(values, mul).forEach((v, t) =>
      assert.ok(Math.abs(seasonAt(v, mul, t) - values[t]) < 1e-12 * values[t]),
    );
    const tail = withoutSeason(values.subarray(37), r, 37);
    tail.forEach((v, i) => assert.equal(v, free[37 + i]));
    const meta = { deseasonalized: { ...r, applied: true, setting: 'on' as const } };
    const shifted = removalOf(shiftRemoval(meta, 37));
    withoutSeason(values.subarray(37), shifted).forEach((v, i) => assert.equal(v, free[37 + i]));
  });

  it('fits on the training range only: changing every later value leaves the fit alone', () => {
    const split = splitIndexOf(values.length, 0.2);
    const poisoned = values.map((v, t) => (t >= split ? v * 10 + 1000 * Math.cos(t) : v));
    assert.deepEqual(fitRemoval(poisoned, split, 12), fitRemoval(values, split, 12));
  });

  describe('a pure seasonal series with a flat level', () => {
    let model: TrainedModel;
    before(async () => {
      model = await trainModel(series(Array.from(values)), { ...QUICK, deseasonalize: 'on' });
    });
    after(() => model.dispose());

    it('is forecast near-exactly with the season put back at each future row', () => {
      const d = model.meta.deseasonalized;
      assert.ok(d?.applied && d.setting === 'on' && d.season === 12, JSON.stringify(d));
      // 270 rows: the forecast starts mid-season, so a phase off by any step would miss by the season's swing.
      const n = 270;
      const f = forecast(model, series(Array.from(values.subarray(0, n))), 24);
      const amplitude = Math.max(...values) - Math.min(...values);
      f.forecast.forEach((v, h) =>
        assert.ok(Math.abs(v - values[n + h]) < 0.05 * amplitude, `step ${h + 1}: ${v} vs ${values[n + h]}`),
      );
    });

    it('scores and calibrates in the series units', () => {
      const amplitude = Math.max(...values) - Math.min(...values);
      assert.ok(model.meta.metrics.val.mae < 0.05 * amplitude, `${model.meta.metrics.val.mae}`);
      const c = model.meta.conformal;
      assert.ok(c && c.a[11].every((e) => e < 0.1 * amplitude));
    });

    for (const method of ['add', 'mul'] as const)
      it(`explains in the series' units: saliency matches float64 finite differences of the forecast (${method})`, () => {
        // The network is the trained one; a multiplicative fit swapped in tests the chain rule through its factors.
        const fit = method === 'mul' ? fitSeason(values.subarray(0, 240), 12) : model.meta.deseasonalized;
        const m = { ...model.meta, deseasonalized: { ...model.meta.deseasonalized!, ...fit } };
        const swapped = { ...model, meta: m };
        const W = m.window;
        const removal = removalOf(m);
        const t = 250;
        const reference = (row: number, dv: number) => {
          const vals = Float64Array.from(values.subarray(0, t));
          vals[row] += dv;
          const free = withoutSeason(vals, removal);
          const z = Array.from({ length: W }, (_, p) => {
            const k = t - W + p;
            return scale(m.scaler, m.differenced ? free[k] - free[k - 1] : free[k]);
          });
          const w = model.net.readWeights();
          const y = unscale(m.scaler, headOutput(model.net.spec, w, traceGates(model.net.spec, w, z)));
          return seasonAt(m.differenced ? free[t - 1] + y : y, removal, t);
        };
        assert.equal(removal?.method, method);
        const s = saliency(swapped, series(Array.from(values)), t - W);
        const h = 1e-3;
        const want = s.value.map((_, l) => (reference(t - 1 - l, h) - reference(t - 1 - l, -h)) / (2 * h));
        const big = Math.max(...want.map(Math.abs));
        s.value.forEach((v, l) =>
          assert.ok(Math.abs(v - want[l]) < 2e-3 * big + 1e-5, `lag ${l + 1}: ${v} vs ${want[l]}`),
        );
      });
  });

  it("'auto' removes the season of a smooth seasonal series and keeps that of a cycle between whole steps", async () => {
    const smooth = await trainModel(series(seasonFlat(300, 2)), { ...QUICK, deseasonalize: 'auto' });
    const stops = await trainModel(series(cycleBetweenSteps(300, 3)), { ...QUICK, deseasonalize: 'auto' });
    try {
      const a = smooth.meta.deseasonalized;
      const b = stops.meta.deseasonalized;
      assert.ok(a?.errors && a.applied, `smooth: ${JSON.stringify(a?.errors)}`);
      assert.ok(a.errors.on < a.errors.off);
      assert.ok(b?.errors && !b.applied, `stops: ${JSON.stringify(b?.errors)}`);
      assert.ok(b.errors.off <= b.errors.on);
      // Kept as the user set it, not a candidate's share.
      assert.equal(smooth.meta.config.deseasonalize, 'auto');
    } finally {
      smooth.dispose();
      stops.dispose();
    }
  });

  it("'auto' reports its two candidates as one run of two parts, each epoch saying which it trains", async () => {
    const seen: { epoch: number; epochs: number; seasonRemoved?: boolean }[] = [];
    const m = await trainModel(
      series(seasonFlat(300, 2)),
      { ...QUICK, epochs: 3, deseasonalize: 'auto', difference: 'first', transform: 'none', ensemble: 1 },
      {
        onEpoch: (r) => {
          seen.push({ epoch: r.epoch, epochs: r.epochs, seasonRemoved: r.seasonRemoved });
        },
      },
    );
    m.dispose();
    assert.deepEqual(
      seen.map((r) => `${r.epoch}/${r.epochs} ${r.seasonRemoved ? 'removed' : 'kept'}`),
      ['1/6 removed', '2/6 removed', '3/6 removed', '4/6 kept', '5/6 kept', '6/6 kept'],
    );
  });

  it("'off' and a series without a season record nothing", async () => {
    const off = await trainModel(series(seasonFlat(300, 2)), { ...QUICK, epochs: 2, deseasonalize: 'off' });
    const noise = await trainModel(series(normals(300, 11).map((v) => 10 + v)), { ...QUICK, epochs: 2 });
    try {
      assert.equal(off.meta.deseasonalized, undefined);
      assert.equal(noise.meta.deseasonalized, undefined);
    } finally {
      off.dispose();
      noise.dispose();
    }
  });

  describe('meta.json', () => {
    let meta: Record<string, unknown>;
    before(async () => {
      const m = await trainModel(series(Array.from(values)), { ...QUICK, epochs: 2, deseasonalize: 'on' });
      meta = JSON.parse(JSON.stringify(m.meta)) as Record<string, unknown>;
      m.dispose();
    });
    const withFit = (patch: Record<string, unknown>) => ({
      ...meta,
      deseasonalized: { ...(meta.deseasonalized as object), ...patch },
    });

    it('loads the fit back as saved', () => {
      assert.deepEqual(
        checkMeta('meta.json', structuredClone(meta) as never).deseasonalized,
        meta.deseasonalized,
      );
    });

    it('refuses a bad fit with one line naming the field', () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ indices: [1, 2, 3] }, /"deseasonalized": "indices" must be 12 finite numbers, one per phase/],
        [{ method: 'log' }, /"deseasonalized": "method" must be mul or add/],
        [{ season: 1 }, /"deseasonalized": "season" must be an integer from 2 to 400, got 1/],
        [{ method: 'mul', indices: Array(12).fill(0) }, /multiplicative "indices" must all be above 0/],
        [{ anchor: 12 }, /"anchor" must be an integer from 0 to 11/],
        [{ errors: { on: 1 } }, /"errors" must hold two finite numbers/],
      ];
      for (const [patch, message] of cases)
        assert.throws(() => checkMeta('m/meta.json', withFit(patch) as never), message);
    });

    it('loads an older meta.json without the field, which removes nothing', () => {
      const old = { ...meta };
      delete old.deseasonalized;
      const back = checkMeta('meta.json', old as never);
      assert.equal(removalOf(back), null);
    });
  });
});
