/** Epochs over every window, and the time budget's rule (src/model/train/epochPlan.ts). */
import * as assert from 'node:assert/strict';
import { trainModel } from '../../../src/model';
import { EpochPlan, WindowSweep, windowsWithin } from '../../../src/model/train/epochPlan';
import { Rng } from '../../../src/model/train/rng';
import { series, TINY } from './helpers';

const range = (from: number, n: number) => Int32Array.from({ length: n }, (_, i) => from + i);
const sorted = (a: Int32Array) => Array.from(a).sort((x, y) => x - y);

describe('windows per epoch and the time budget', () => {
  describe('WindowSweep', () => {
    it('visits every window once per pass, shuffled, and the same way for the same seed', () => {
      const targets = range(10, 50);
      const a = new WindowSweep(targets, new Rng(3));
      const b = new WindowSweep(targets, new Rng(3));
      const pass1 = a.take(50);
      assert.deepEqual(sorted(pass1), Array.from(targets));
      assert.notDeepEqual(Array.from(pass1), Array.from(targets));
      assert.deepEqual(Array.from(b.take(50)), Array.from(pass1));
      assert.deepEqual(sorted(a.take(50)), Array.from(targets));
    });

    it('runs a batch on into the next pass when the pass ends inside it', () => {
      const targets = range(0, 10);
      const s = new WindowSweep(targets, new Rng(1));
      const first = s.take(7);
      const straddle = s.take(7);
      // The first pass's last three windows, then the first four of a new shuffled pass.
      assert.deepEqual(sorted(Int32Array.from([...first, ...straddle.subarray(0, 3)])), Array.from(targets));
      assert.equal(new Set(straddle.subarray(3)).size, 4);
    });
  });

  describe('EpochPlan (a clock in milliseconds passed in)', () => {
    it('without a budget an epoch is every window and nothing is cut', () => {
      const plan = new EpochPlan(100_000, { batchSize: 128, epochs: 100 }, 0);
      for (let t = 1; t < 1000; t++) assert.equal(plan.afterBatch(128, t * 1000), false);
      plan.endEpoch(1e6);
      assert.equal(plan.windowsPerEpoch, 100_000);
      assert.equal(plan.cut, false);
    });

    it('keeps whole passes when ten of them fit the budget', () => {
      // 1,000 windows per second (8 ms per batch of 8), 10,000 windows, 120 s: a pass takes 10 s ≤ 120 / 10.
      const plan = new EpochPlan(10_000, { batchSize: 8, epochs: 100, timeBudgetSeconds: 120 }, 0);
      for (let b = 1; b <= 1250; b++) plan.afterBatch(8, b * 8);
      plan.endEpoch(1250 * 8);
      assert.equal(plan.windowsPerEpoch, 10_000);
    });

    it('shortens epochs to whole batches that fit ten into the budget, from the first epoch’s speed', () => {
      // 1,000 windows per second, 60 s: ten epochs of 6,000 windows; 6,000 / 128 → 46 batches of 128 = 5,888.
      const plan = new EpochPlan(800_000, { batchSize: 128, epochs: 100, timeBudgetSeconds: 60 }, 0);
      let t = 0;
      for (let b = 0; b < 10; b++) plan.afterBatch(128, (t += 128));
      assert.equal(plan.windowsPerEpoch, 5888, 'the early guess ends the first epoch');
      // The first epoch turns out faster (2,000 windows per second after its first batch): the length follows.
      for (let b = 0; b < 36; b++) plan.afterBatch(128, (t += 64));
      plan.endEpoch(t);
      assert.equal(plan.windowsPerEpoch, windowsWithin((45 * 128) / ((t - 128) / 1000), 60, 100, 128));
      assert.ok(plan.windowsPerEpoch > 5888);
      assert.equal(plan.windowsPerEpoch % 128, 0);
    });

    it('plans for fewer epochs when fewer are asked for', () => {
      assert.equal(windowsWithin(1000, 60, 2, 100), 30_000);
      assert.equal(windowsWithin(1000, 60, 100, 100), 6_000);
      assert.equal(windowsWithin(1, 1, 100, 64), 64, 'at least one batch');
    });

    it('says the budget is spent after the batch that reaches it', () => {
      const plan = new EpochPlan(1000, { batchSize: 10, epochs: 100, timeBudgetSeconds: 2 }, 5000);
      assert.equal(plan.afterBatch(10, 6999), false);
      assert.equal(plan.afterBatch(10, 7000), true);
      assert.equal(plan.cut, true);
    });
  });

  describe('training', () => {
    const n = 3000;
    const long = series(Array.from({ length: n }, (_, i) => Math.sin(i / 7) + 0.3 * Math.sin(i / 31)));
    const config = { ...TINY, window: 8, batchSize: 64, difference: 'none' as const };

    it('trains every training window in each epoch', async () => {
      const m = await trainModel(long, { ...config, epochs: 2 });
      m.dispose();
      const trainWindows = m.meta.splitIndex - 8;
      assert.equal(m.meta.trainWindows, trainWindows);
      assert.equal(m.meta.windowsPerEpoch, trainWindows);
      assert.deepEqual(
        m.history.map((h) => h.windows),
        [trainWindows, trainWindows],
      );
      assert.equal(m.meta.budgetCut, false);
    });

    it('gives the same weights with a budget that does not bind as with none', async () => {
      const a = await trainModel(long, { ...config, timeBudgetSeconds: 0 });
      const b = await trainModel(long, { ...config, timeBudgetSeconds: 3600 });
      const [wa, wb] = [a.net.readWeights(), b.net.readWeights()];
      a.dispose();
      b.dispose();
      assert.equal(b.meta.budgetCut, false);
      assert.deepEqual(wa, wb);
    });

    it('stops at the budget, reports the cut and keeps a usable model', async () => {
      // 1 s cannot hold 10,000 epochs of 2,391 windows at any speed this machine has.
      const m = await trainModel(long, { ...config, epochs: 10_000, timeBudgetSeconds: 1 });
      m.dispose();
      const last = m.history[m.history.length - 1];
      assert.equal(m.meta.budgetCut, true);
      assert.equal(last.budgetCut, true);
      assert.ok(m.history.length < 10_000);
      assert.ok(
        last.elapsed !== undefined && last.elapsed >= 1 && last.elapsed < 3,
        `elapsed ${last.elapsed}`,
      );
      assert.ok(m.history.every((h) => h.budgetCut === undefined || h === last));
      assert.ok(Number.isFinite(m.meta.metrics.val.mse));
    });
  });
});
