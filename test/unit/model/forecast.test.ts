/** Forecasts, hidden-state probes and validation traces of a trained model, in the series' own units. */
import * as assert from 'node:assert/strict';
import { forecast, probeHidden, trainModel, validationTrace, type TrainedModel } from '../../../src/model';
import { series, TINY, useCpu } from './helpers';

const data = series(Array.from({ length: 50 }, (_, i) => 100 + 10 * Math.sin(i / 3) + i));

describe('forecast', () => {
  let model: TrainedModel;
  before(async () => {
    await useCpu();
    model = await trainModel(
      data,
      // The network alone: a forecast combined with Theta refits Theta on the extended series.
      { ...TINY, backend: 'cpu', window: 6, difference: 'first', cell: 'lstm', layers: 2, combine: 'off' },
      {},
    );
  });
  after(() => model.dispose());

  it('forecasts n steps by feeding each prediction back as input', () => {
    const f = forecast(model, data, 3);
    const extended = series([...data.values, f.forecast[0]]);
    assert.equal(f.next, f.forecast[0]);
    assert.equal(forecast(model, extended, 1).next, f.forecast[1]);
  });

  it('widens intervals with the horizon', () => {
    const f = forecast(model, data, 4, 0.9);
    const width = f.intervals.map(([lo, hi]) => hi - lo);
    assert.ok(width.every((w, i) => i === 0 || w > width[i - 1]));
    assert.deepEqual(f.interval, f.intervals[0]);
  });

  it('probes the latest window by default: every layer, h and c as [T, units]', () => {
    const h = probeHidden(model, data);
    assert.equal(h.start, 44);
    assert.deepEqual(h.input, Array.from(data.values.subarray(44)));
    assert.equal(h.layers.length, 2);
    for (const l of h.layers) {
      assert.equal(l.h.length, 6 * TINY.units);
      assert.equal(l.c?.length, 6 * TINY.units);
    }
  });

  it('probes a chosen window and clamps one past the end', () => {
    assert.equal(probeHidden(model, data, 10).start, 10);
    assert.equal(probeHidden(model, data, 1000).start, 44);
  });

  it('traces model, actual and naive over the validation rows', () => {
    const t = validationTrace(model, data);
    assert.deepEqual(t.index, [40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    assert.deepEqual(
      t.actual,
      t.index.map((i) => data.values[i]),
    );
    assert.deepEqual(
      t.naive,
      t.index.map((i) => data.values[i - 1]),
    );
    const mae = t.actual.reduce((a, v, i) => a + Math.abs(v - t.predicted[i]), 0) / t.actual.length;
    assert.ok(Math.abs(mae - model.meta.metrics.val.mae) < 1e-9);
  });

  it('refuses a series shorter than the window', () => {
    assert.throws(
      () => forecast(model, series([1, 2, 3])),
      /has 3 rows; the model's window needs at least 7/,
    );
  });
});
