/** The chronological split and lazy windows, in levels and in first differences. */
import * as assert from 'node:assert/strict';
import { prepare, toLevel } from '../../../src/model/windows/prepare';
import { targetBuffer, windowBuffer } from '../../../src/model/windows/batches';
import { chooseDifference, chooseWindow } from '../../../src/model/windows/auto';
import { unscale } from '../../../src/model/windows/scaler';
import { normals } from './helpers';

const values = Float64Array.from({ length: 20 }, (_, i) => i * i);
const cfg = { scaler: 'zscore' as const, validationSplit: 0.2 };

describe('windows', () => {
  it('validates on the last 20% of rows, chronologically', () => {
    const p = prepare(values, cfg, 3, false);
    assert.equal(p.splitIndex, 16);
    assert.deepEqual(Array.from(p.valTargets), [16, 17, 18, 19]);
    assert.equal(p.trainTargets[0], 3);
    assert.equal(p.trainTargets[p.trainTargets.length - 1], 15);
  });

  it('fits the scaler on training rows only', () => {
    const p = prepare(values, cfg, 3, false);
    const mean = Array.from(values.subarray(0, 16)).reduce((a, b) => a + b) / 16;
    assert.ok(Math.abs(p.scaler.a - mean) < 1e-9);
  });

  it('builds a batch [batch, window, 1] whose rows are the values before each target', () => {
    const p = prepare(values, cfg, 3, false);
    const x = windowBuffer(p, Int32Array.of(5, 10));
    const y = targetBuffer(p, Int32Array.of(5, 10));
    assert.equal(x.length, 2 * 3);
    const xs = Array.from(x, (v) => Math.round(unscale(p.scaler, v)));
    const ys = Array.from(y, (v) => Math.round(unscale(p.scaler, v)));
    assert.deepEqual(xs, [4, 9, 16, 49, 64, 81]);
    assert.deepEqual(ys, [25, 100]);
  });

  it('differenced windows hold the differences before the target and de-scale back to the level', () => {
    const p = prepare(values, cfg, 2, true);
    const x = windowBuffer(p, Int32Array.of(5));
    const y = targetBuffer(p, Int32Array.of(5));
    const xs = Array.from(x, (v) => Math.round(unscale(p.scaler, v)));
    const level = toLevel(values, p, 5, y[0]);
    assert.deepEqual(xs, [5, 7]);
    assert.ok(Math.abs(level - 25) < 1e-4);
  });

  it('refuses a series too short for the window', () => {
    assert.throws(() => prepare(values, cfg, 15, false), /too few/);
  });
});

describe('automatic choices', () => {
  it('windows two cycles of a short season and one of a long one', () => {
    assert.deepEqual([chooseWindow(7, 1000), chooseWindow(24, 1000), chooseWindow(1, 1000)], [14, 24, 10]);
  });

  it('never lets the window exceed a quarter of the training rows', () => {
    assert.equal(chooseWindow(24, 40), 10);
  });

  it('differences a random walk', () => {
    let v = 0;
    const walk = Float64Array.from(normals(400, 5), (e) => (v += e));
    assert.equal(chooseDifference(walk, 320, 10), true);
  });

  it('keeps levels for white noise around a mean', () => {
    const noise = Float64Array.from(normals(400, 6), (e) => 10 + e);
    assert.equal(chooseDifference(noise, 320, 10), false);
  });
});
