/** The training loop: reproducibility, memory, early stopping, cancellation, divergence and the seed preset. */
import * as assert from 'node:assert/strict';
import { SEED_PRESET, trainModel, TrainingError } from '../../../src/model';
import { trainLoop } from '../../../src/model/train/trainer';
import { resolveConfig } from '../../../src/model/config';
import { prepare } from '../../../src/model/windows/prepare';
import { createNet } from '../../../src/model/network/seqnet';
import { series, sine, TINY } from './helpers';

const wave = series(Array.from({ length: 80 }, (_, i) => Math.sin(i / 4) + 0.01 * i));

describe('training', () => {
  it('gives the same loss history for the same seed', async () => {
    const a = await trainModel(wave, { ...TINY, cell: 'rnn' }, {});
    const b = await trainModel(wave, { ...TINY, cell: 'rnn' }, {});
    a.dispose();
    b.dispose();
    assert.deepEqual(
      a.history.map((h) => [h.loss, h.valLoss]),
      b.history.map((h) => [h.loss, h.valLoss]),
    );
  });

  it('gives a different history for a different seed', async () => {
    const a = await trainModel(wave, { ...TINY, seed: 1 }, {});
    const b = await trainModel(wave, { ...TINY, seed: 2 }, {});
    a.dispose();
    b.dispose();
    assert.notDeepEqual(
      a.history.map((h) => h.loss),
      b.history.map((h) => h.loss),
    );
  });

  it('stops early and restores the weights of the best validation epoch', async () => {
    const m = await trainModel(wave, { ...TINY, epochs: 60, patience: 3, learningRate: 0.05 }, {});
    const best = Math.min(...m.history.map((h) => h.valLoss));
    const bestEpoch = m.history.find((h) => h.valLoss === best)?.epoch;
    const trace = m.history.length;
    m.dispose();
    assert.ok(trace < 60, `ran all ${trace} epochs`);
    assert.equal(m.meta.bestEpoch, bestEpoch);
    assert.equal(trace - m.meta.bestEpoch, 3);
    // The final model scores the best epoch's loss (scaled by the z-score spread back to series units).
    const unitsMse = best * m.meta.scaler.b ** 2;
    assert.ok(
      Math.abs(m.meta.metrics.val.mse - unitsMse) < 1e-4 * unitsMse,
      `${m.meta.metrics.val.mse} vs ${unitsMse}`,
    );
  });

  it('stops between batches when asked and says so', async () => {
    let batches = 0;
    const m = await trainModel(
      wave,
      { ...TINY, epochs: 50, batchSize: 4 },
      { onBatch: () => batches++, shouldStop: () => batches >= 5 },
    );
    m.dispose();
    assert.equal(batches, 5);
    assert.equal(m.stopped, true);
  });

  it('reports epochs and batches as plain numbers', async () => {
    const seen: unknown[] = [];
    const m = await trainModel(wave, TINY, {
      onEpoch: (r) => void seen.push(r),
      onBatch: (r) => void seen.push(r),
    });
    m.dispose();
    // A run of several candidates says which part each epoch is: an object of plain numbers too.
    const plain = (v: unknown): boolean =>
      ['number', 'boolean'].includes(typeof v) ||
      (typeof v === 'object' && v !== null && Object.values(v).every(plain));
    for (const r of seen) for (const v of Object.values(r as object)) assert.ok(plain(v));
  });

  it('ends with a TrainingError when the loss becomes non-finite', async () => {
    const c = resolveConfig({ ...TINY, epochs: 2 });
    const p = prepare(wave.values, c, 4, false);
    const net = createNet({ cell: c.cell, layers: 1, units: c.units, window: 4, features: 1 }, 3);
    net.writeWeights(net.readWeights().map((w) => w.map(() => Number.NaN)));
    await assert.rejects(
      trainLoop(net, p, c, {}),
      (e: unknown) => e instanceof TrainingError && /non-finite/.test(e.message),
    );
    net.dispose();
  });

  it('refuses a series with a non-finite value, naming its position', async () => {
    await assert.rejects(trainModel(series([...sine(20), NaN]), TINY, {}), /value 21 is not a finite number/);
  });

  it('meets the seed preset target: validation MSE ≤ 0.0003 and ≥ 3× better than naive', async () => {
    const m = await trainModel(series(sine(100)), { ...SEED_PRESET, backend: TINY.backend }, {});
    m.dispose();
    const mse = m.meta.metrics.val.mse;
    assert.ok(mse <= 0.0003, `mse ${mse}`);
    assert.ok(mse * 3 <= m.meta.baselines.naive.mse, `mse ${mse} vs naive ${m.meta.baselines.naive.mse}`);
  });
});
