import * as assert from 'node:assert/strict';
import { trainModel, validationTrace, type TrainedModel } from '../../../src/model';
import type { Series } from '../../../src/model/data';
import { MAX_TRACE_POINTS, panelViews, previewTrace, recentTrace, tail } from '../../../src/worker/traces';

const values = Float64Array.from({ length: 400 }, (_, i) => Math.sin(i / 7) + i / 100);
const series: Series = { name: 'value', values, problems: [] };

describe('panel traces', function () {
  this.timeout(60000);
  let model: TrainedModel;

  before(async () => {
    model = await trainModel(series, {
      units: 3,
      window: 6,
      epochs: 1,
      patience: 0,
      backend: 'cpu',
      difference: 'first',
    });
  });
  after(() => model.dispose());

  it('computes the last points of the validation range exactly as the full trace does', () => {
    const recent = recentTrace(model, series, 30);
    const full = tail(validationTrace(model, series), 30);
    assert.deepEqual(recent.index, full.index);
    assert.deepEqual(recent.actual, full.actual);
    recent.predicted.forEach((p, i) =>
      assert.ok(Math.abs(p - full.predicted[i]) < 1e-5, `point ${i}: ${p} vs ${full.predicted[i]}`),
    );
  });

  it('keeps at most the requested number of points, the most recent ones', () => {
    const t = tail(validationTrace(model, series), 10);
    assert.equal(t.index.length, 10);
    assert.equal(t.index[9], values.length - 1);
  });

  it("runs a view's forward pass over the points sent only, however long the validation range", async () => {
    const long: Series = {
      name: 'value',
      values: Float64Array.from({ length: 20_000 }, (_, i) => Math.sin(i / 7) + i / 1000),
      problems: [],
    };
    const m = await trainModel(long, { units: 3, window: 6, epochs: 1, patience: 0, timeBudgetSeconds: 5 });
    let windows = 0;
    const predict = m.net.predict.bind(m.net);
    m.net.predict = (w, count) => {
      windows += count;
      return predict(w, count);
    };
    const trace = panelViews(m, long).validationTrace();
    m.dispose();
    assert.equal(trace.index.length, MAX_TRACE_POINTS);
    // 4,000 validation windows; the panel is sent the last 1,000.
    assert.equal(windows, MAX_TRACE_POINTS);
  });

  it('previews actual and naive before training, with the model line empty', () => {
    const p = previewTrace(values, 320, 1000);
    assert.equal(p.index[0], 320);
    assert.equal(p.naive[0], values[319]);
    assert.ok(p.predicted.every(Number.isNaN));
  });
});
