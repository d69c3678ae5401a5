/** Unit meanings, memory length, select-and-match and the PCA trajectory, on hand-made states and trained models. */
import * as assert from 'node:assert/strict';
import { trainModel } from '../../../src/model';
import { pearson, seasonFit, unitMeanings } from '../../../src/model/explain/meanings';
import { memoryLength, timeConstant } from '../../../src/model/explain/memory';
import { traceGates } from '../../../src/model/explain/gates';
import { matchRange } from '../../../src/model/explain/match';
import { project2d } from '../../../src/model/explain/trajectory';
import { seriesStates, type SeriesStates } from '../../../src/model/explain/states';
import { explain } from '../../../src/model/explain/explain';
import { series, TINY, useCpu } from '../model/helpers';
import { plantedMotif, seasonal } from './generators';

/** States whose unit k is given directly, for rows 0..n-1. */
function handStates(columns: number[][], predicted?: number[]): SeriesStates {
  const n = columns[0].length;
  const u = columns.length;
  const h = new Float32Array(n * u);
  for (let j = 0; j < n; j++) for (let k = 0; k < u; k++) h[j * u + k] = columns[k][j];
  return {
    rows: Int32Array.from({ length: n }, (_, j) => j),
    units: u,
    layers: [{ h }],
    predicted: Float64Array.from(predicted ?? new Array<number>(n).fill(0)),
  };
}

describe('explain: unit meanings', () => {
  it('finds the best-fitting seasonal phase and its r', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    const fit = seasonFit(
      rows.map((i) => Math.cos((2 * Math.PI * (i - 3)) / 12)),
      rows,
      12,
    );
    assert.ok(fit.r > 0.999, `r ${fit.r}`);
    assert.equal(fit.phase, 3);
    assert.ok(Math.abs(pearson([1, 2, 3, 4], [2, 4, 6, 8.5]) - 10.75 / Math.sqrt(5 * 23.1875)) < 1e-12);
  });

  it('labels each unit by its strongest signal', () => {
    const n = 240;
    const values = Float64Array.from(
      { length: n },
      (_, i) => 0.02 * i + Math.sin((2 * Math.PI * i) / 12) + 0.3 * Math.sin(i * 1.7),
    );
    const change = Array.from(values, (v, i) => (i > 0 ? v - values[i - 1] : 0));
    const phase = Array.from(values, (_, i) => -Math.sin((2 * Math.PI * (i - 4)) / 12));
    const trend = Array.from(values, (_, i) => {
      const from = Math.max(0, i - 11);
      return values.slice(from, i + 1).reduce((a, b) => a + b, 0) / (i + 1 - from);
    });
    const pred = Array.from(values, (_, i) => Math.cos(i * 0.37) * 5);
    const m = unitMeanings(values, handStates([Array.from(values), change, phase, trend, pred], pred), 12, 6);
    assert.deepEqual(
      m.map((x) => x.signal),
      ['level', 'change', 'season', 'trend', 'prediction'],
    );
    assert.ok(m[2].r > 0.99);
    // -sin(2π(i - 4)/12) = cos(2π(i - 1)/12): it peaks one row into each cycle.
    assert.equal(m[2].phase, 1);
  });
});

describe('explain: memory length', () => {
  before(useCpu);

  for (const cell of ['gru', 'lstm', 'rnn'] as const) {
    it(`traces gates with h_t equal to the kernel's (${cell}) and gives a retention per unit`, async () => {
      const data = series(seasonal(150, 12));
      const model = await trainModel(data, { ...TINY, backend: 'cpu', window: 7, cell, layers: 2 }, {});
      try {
        const z = Float32Array.from({ length: 7 }, (_, i) => Math.sin(i));
        const got = traceGates(model.net.spec, model.net.readWeights(), z);
        const want = model.net.probe(z);
        for (let l = 0; l < 2; l++)
          want.layers[l].h.forEach((v, i) =>
            assert.ok(Math.abs(v - got.h[l][i]) < 1e-5, `layer ${l} h[${i}]`),
          );
        const mem = memoryLength(model, data);
        assert.equal(mem.length, 2 * TINY.units);
        for (const u of mem) {
          assert.ok(u.retention >= 0 && u.retention <= 1);
          assert.ok(Math.abs(u.timeConstant - timeConstant(u.retention)) < 1e-12);
          assert.ok(u.gateLeft + u.gateRight <= 1 && u.saturated >= 0 && u.saturated <= 1);
        }
      } finally {
        model.dispose();
      }
    });
  }

  it('turns a retention into its e-folding time', () => {
    assert.ok(Math.abs(timeConstant(Math.exp(-1 / 18)) - 18) < 1e-9);
    assert.equal(timeConstant(0), 0);
    assert.equal(timeConstant(1), 1e4);
  });

  it('reads a GRU whose update gate is held open as remembering long', async () => {
    const data = series(seasonal(150, 12));
    const model = await trainModel(data, { ...TINY, backend: 'cpu', window: 7, cell: 'gru', layers: 1 }, {});
    try {
      const w = model.net.readWeights();
      // Update-gate bias +8: z = σ(8 + small) ≈ 0.9997, so h barely changes per step.
      for (let k = 0; k < TINY.units; k++) w[2][k] = 8;
      model.net.writeWeights(w);
      for (const u of memoryLength(model, data)) {
        assert.ok(u.retention > 0.99 && u.timeConstant > 100, `unit ${u.unit}: ${u.retention}`);
        assert.ok(u.gateRight > 0.3);
      }
    } finally {
      model.dispose();
    }
  });
});

describe('explain: select and match', () => {
  it('ranks same-length ranges by cosine, leaving out the query and overlapping ranges', () => {
    const a = Array.from({ length: 40 }, (_, i) => ((i >= 10 && i < 14) || (i >= 30 && i < 34) ? 1 : -0.2));
    const b = Array.from({ length: 40 }, (_, i) => (i >= 20 && i < 24 ? 1 : 0.1));
    const m = matchRange(handStates([a, b]), 10, 14, { top: 3 });
    assert.deepEqual(m[0], { start: 30, end: 34, score: m[0].score });
    assert.ok(m[0].score > 0.999);
    for (const x of m) assert.ok(x.end <= 10 || x.start >= 14);
    for (let i = 1; i < m.length; i++) {
      assert.ok(m[i].score <= m[i - 1].score);
      assert.ok(m.slice(0, i).every((p) => m[i].end <= p.start || m[i].start >= p.end));
    }
  });

  it("uses LSTMVis's units-above-threshold overlap on request, over the chosen units", () => {
    const on = (from: number) => Array.from({ length: 30 }, (_, i) => (i >= from && i < from + 3 ? 0.9 : 0));
    const st = handStates([on(5), on(5), on(20), on(20)]);
    const m = matchRange(st, 5, 8, { method: 'overlap', threshold: 0.5, units: [0, 1, 2] });
    assert.equal(m[0].score, 0);
    const self = matchRange(
      handStates([on(5).map((v, i) => v + (i >= 20 && i < 23 ? 0.9 : 0)), on(5)]),
      5,
      8,
      {
        method: 'overlap',
        threshold: 0.5,
      },
    );
    assert.deepEqual(self[0], { start: 20, end: 23, score: 0.5 });
    assert.throws(() => matchRange(st, 5, 8, { method: 'overlap', threshold: 2 }), /lower the threshold/);
    assert.throws(() => matchRange(st, 8, 5), /END must be greater/);
  });

  it("finds a planted repeated motif in a trained model's states", async () => {
    await useCpu();
    const motif = [2, 3, 1.5, -2, -3, 0.5, 2.5, -1];
    const at = [100, 260, 420, 560, 700];
    const data = series(plantedMotif(800, motif, at));
    const model = await trainModel(
      data,
      { ...TINY, backend: 'cpu', window: 8, difference: 'none', cell: 'gru', units: 8, epochs: 10 },
      {},
    );
    try {
      const st = seriesStates(model, data);
      const m = matchRange(st, 264, 272, { top: 4 });
      const found = m.map((x) => x.start - 4);
      for (const s of [100, 420, 560, 700])
        assert.ok(found.includes(s), `motif at ${s}: matches ${JSON.stringify(m)}`);
      const report = explain(model, data, { match: { start: 264, end: 272, top: 4 } });
      assert.deepEqual(report.matches, m);
      assert.equal(report.units.length, 8);
      assert.equal(report.trajectory.rows.length, st.rows.length);
    } finally {
      model.dispose();
    }
  });
});

describe('explain: PCA trajectory', () => {
  it('projects a hand-checked case: points on a line and one off it', () => {
    // Centred: (-2,-2,0) (0,0,0) (2,2,0) along (1,1,0)/√2, then ±1 along z for two extra points at the mean.
    const data = Float64Array.from([-1, -1, 5, 1, 1, 5, 3, 3, 5, 1, 1, 6, 1, 1, 4]);
    const p = project2d(data, 5, 3);
    const r2 = Math.SQRT2;
    [-2 * r2, 0, 2 * r2, 0, 0].forEach((v, i) => assert.ok(Math.abs(p.x[i] - v) < 1e-9, `x[${i}] ${p.x[i]}`));
    [0, 0, 0, 1, -1].forEach((v, i) => assert.ok(Math.abs(p.y[i] - v) < 1e-9, `y[${i}] ${p.y[i]}`));
    // Variances 16/4 and 2/4 of a total 18/4.
    assert.ok(Math.abs(p.explained[0] - 16 / 18) < 1e-9 && Math.abs(p.explained[1] - 2 / 18) < 1e-9);
  });
});
