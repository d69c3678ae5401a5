/**
 * Per-series views of a global model (the panel's series selector): with the scalers a run fitted, or meta.json's,
 * they must reproduce the per-series scores trainGlobal itself reported, and the epoch view's own hidden states.
 */
import * as assert from 'node:assert/strict';
import { kernelAvailable } from '../../../src/model/kernel/load';
import type { Series } from '../../../src/model/data/types';
import { trainGlobal, type GlobalEpochView } from '../../../src/model/train/trainGlobal';
import { savedSeriesViews, seriesHidden, seriesTrace } from '../../../src/model/forecast/seriesViews';
import { metrics, naiveScale } from '../../../src/model/forecast/metrics';
import { useCpu } from './helpers';

function part(label: string, values: number[], covariate?: number[]): Series {
  const s: Series = { name: 'v', label, values: Float64Array.from(values), problems: [] };
  if (covariate) s.covariates = [Float64Array.from(covariate)];
  return s;
}

const wave = (n: number, phase: number, level: number, amp: number) =>
  Array.from({ length: n }, (_, i) => level + amp * Math.sin(i / 3 + phase) + 0.01 * i);

describe('series views of a global model', () => {
  before(async function () {
    if (!kernelAvailable())
      throw new Error('dist/wasm/seqlab-kernel.wasm is missing: run npm run build first');
    await useCpu();
  });

  for (const difference of ['none', 'first'] as const)
    it(`difference ${difference}: each series' trace scores as trainGlobal scored it, and the live view matches`, async () => {
      const a = wave(70, 0, 10, 2);
      const b = wave(90, 1, 500, 40);
      const series = [
        part(
          'a',
          a,
          a.map((v) => v / 3),
        ),
        part(
          'b',
          b,
          b.map((v) => -v),
        ),
      ];
      let last: GlobalEpochView | undefined;
      let liveHidden: ReturnType<GlobalEpochView['hidden']> | undefined;
      let liveFirst: ReturnType<typeof seriesHidden> | undefined;
      const model = await trainGlobal(
        { column: 'v', key: 'k', features: ['x'], series },
        { epochs: 3, window: 5, units: 4, layers: 1, difference, seed: 3 },
        {
          onEpoch: (_r, view) => {
            last = view;
            liveHidden = view.hidden();
            liveFirst = seriesHidden(view.model.net, view.kept[0].series, view.kept[0].block, view.shape);
          },
        },
      );
      try {
        assert.ok(last && liveHidden && liveFirst);
        assert.deepEqual(
          last.kept.map((k) => k.name),
          ['a', 'b'],
        );
        assert.deepEqual(liveFirst, liveHidden);
        for (const [k, s] of series.entries()) {
          const sm = model.meta.series?.[k];
          assert.ok(sm);
          const { trace, states } = savedSeriesViews(model, s);
          const want = sm.metrics.val;
          const got = metrics(trace.actual, trace.predicted, naiveScale(s.values, sm.splitIndex));
          assert.equal(trace.index[trace.index.length - 1], s.values.length - 1);
          assert.ok(
            Math.abs(got.mae - want.mae) <= 1e-9 * Math.max(1, want.mae),
            `${sm.name}: ${got.mae} vs ${want.mae}`,
          );
          assert.equal(states.start, s.values.length - 5);
          assert.deepEqual(states.input, Array.from(s.values.subarray(-5)));
          // The capped trace is the full one's tail, computed from those windows only.
          const capped = seriesTrace(model.net, s, sm, { window: 5, differenced: difference === 'first' }, 4);
          assert.deepEqual(capped.index, trace.index.slice(-4));
          assert.deepEqual(capped.predicted, trace.predicted.slice(-4));
        }
      } finally {
        model.dispose();
      }
    });

  it('names the series a saved model was not trained on', async () => {
    const series = [part('a', wave(40, 0, 1, 1)), part('b', wave(40, 2, 1, 1))];
    const model = await trainGlobal(
      { column: 'v', key: 'k', features: [], series },
      { epochs: 1, window: 4, units: 3 },
    );
    try {
      assert.throws(
        () => savedSeriesViews(model, part('zz', wave(40, 0, 1, 1))),
        /not trained on series "zz"/,
      );
    } finally {
      model.dispose();
    }
  });
});
