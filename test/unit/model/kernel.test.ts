/**
 * The WebAssembly kernel against tfjs-layers (outputs, tf.variableGrads' gradients, tf.train.adam's steps on the same
 * weights and batches), against float64 central differences of the float64 reference (reference/fused.ts), and for
 * reproducibility. Sizes are picked to be awkward: units and rows that are not multiples of 4, one unit, one step,
 * windows long enough for gradients to travel, and batches split over several passes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { KernelNet } from '../../../src/model/kernel/kernel';
import { kernelAvailable } from '../../../src/model/kernel/load';
import { FusedNet } from './reference/fused';
import { probeWindow } from './reference/probe';
import { createNet, kernelNet } from '../../../src/model/network/seqnet';
import { layersNet } from '../../../src/model/network/layersNet';
import { weightShapes, type NetSpec } from '../../../src/model/network/spec';
import { resolveConfig } from '../../../src/model/config';
import { prepare } from '../../../src/model/windows/prepare';
import { trainLoop } from '../../../src/model/train/trainer';
import type { CellType } from '../../../src/model/types';
import { normals, sine, useCpu } from './helpers';

function weightsFor(spec: NetSpec, seed: number, scale = 0.4): Float32Array[] {
  return weightShapes(spec).map((s, i) => {
    const n = s.reduce((a, b) => a * b, 1);
    // Keep pre-activations O(1) whatever the fan-in, so no gate saturates and every gradient is alive.
    return Float32Array.from(normals(n, seed + i), (v) => (scale * v) / Math.sqrt(Math.max(1, s[0] / 4)));
  });
}

/** Largest |a − b| over max |b|: relative to the variable's scale, as float32 sums over long windows need. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst / Math.max(scale, 1e-12);
}

interface Case {
  cell: CellType;
  layers: number;
  units: number;
  window: number;
  batch: number;
  /** Rows per kernel pass; below `batch`, a batch runs in several passes. */
  rows: number;
  /** tfjs-layers takes seconds over 99 steps: one long case is enough there; the others check against float64. */
  noTfjs?: boolean;
}

const CASES: Case[] = [
  { cell: 'rnn', layers: 1, units: 1, window: 5, batch: 5, rows: 8 },
  { cell: 'rnn', layers: 3, units: 17, window: 5, batch: 6, rows: 4 },
  { cell: 'rnn', layers: 1, units: 130, window: 1, batch: 3, rows: 4 },
  { cell: 'gru', layers: 1, units: 3, window: 99, batch: 5, rows: 8 },
  { cell: 'gru', layers: 3, units: 3, window: 5, batch: 7, rows: 4 },
  { cell: 'gru', layers: 1, units: 64, window: 5, batch: 5, rows: 8 },
  { cell: 'lstm', layers: 1, units: 17, window: 99, batch: 3, rows: 4, noTfjs: true },
  { cell: 'lstm', layers: 3, units: 1, window: 5, batch: 5, rows: 8 },
  { cell: 'lstm', layers: 1, units: 130, window: 5, batch: 2, rows: 4 },
];

const name = (c: Case) => `${c.cell} × ${c.layers}, ${c.units} units, window ${c.window}, batch ${c.batch}`;

describe('WebAssembly kernel', function () {
  before(async function () {
    if (!kernelAvailable())
      throw new Error('dist/wasm/seqlab-kernel.wasm is missing: run npm run build first');
    await useCpu();
  });

  for (const c of CASES) {
    const spec: NetSpec = { cell: c.cell, layers: c.layers, units: c.units, window: c.window, features: 1 };
    const xs = Float32Array.from(normals(c.batch * c.window, 11));
    const ys = Float32Array.from(normals(c.batch, 12));
    const offsets = Array.from({ length: c.batch }, (_, b) => b * c.window);

    if (!c.noTfjs)
      it(`${name(c)}: outputs and gradients equal tfjs-layers' and tf.variableGrads' (1e-4 relative)`, () => {
        const w = weightsFor(spec, 30);
        const net = layersNet(spec, w);
        const x = tf.tensor3d(xs, [c.batch, c.window, 1]);
        const y = tf.tensor2d(ys, [c.batch, 1]);
        const tfY = tf.tidy(() => net.apply(x).dataSync());
        const { value, grads } = tf.variableGrads(
          () => tf.losses.meanSquaredError(y, net.apply(x)) as tf.Scalar,
          net.variables,
        );
        const k = new KernelNet(spec, c.rows);
        k.setWeights(w);
        assert.ok(
          relErr(k.predict(xs, offsets), tfY) < 1e-4,
          `outputs: ${relErr(k.predict(xs, offsets), tfY)}`,
        );
        const ours = k.gradients(xs, offsets, ys);
        const loss = value.dataSync()[0];
        assert.ok(Math.abs(ours.loss - loss) <= 1e-4 * loss, `loss ${ours.loss} vs ${loss}`);
        net.variables.forEach((v, i) => {
          const theirs = grads[v.name].dataSync();
          // With one step, h_{t−1} is the zero initial state and recurrent kernels get no gradient at all.
          const alive = c.window > 1 || i % 3 !== 1 || i === 3 * c.layers;
          if (alive)
            assert.ok(Math.max(...Array.from(theirs, Math.abs)) > 1e-9, `variable ${i} has no gradient`);
          const e = relErr(ours.grads[i], theirs);
          assert.ok(e < 1e-4, `variable ${i} [${weightShapes(spec)[i].join(', ')}]: relative error ${e}`);
        });
        tf.dispose([x, y, value, ...Object.values(grads)]);
        net.dispose();
      });

    it(`${name(c)}: h_t (and c_t) for every step and layer equal the float64 probe's`, () => {
      const w = weightsFor(spec, 40);
      const k = new KernelNet(spec, c.rows);
      k.setWeights(w);
      const window = xs.subarray(0, c.window);
      const ours = k.states(window);
      const ref = probeWindow(spec, w, window);
      assert.equal(ours.layers.length, c.layers);
      ours.layers.forEach((l, i) => {
        assert.equal(l.h.length, c.window * c.units);
        assert.ok(relErr(l.h, ref.layers[i].h) < 1e-5, `layer ${i} h: ${relErr(l.h, ref.layers[i].h)}`);
        if (c.cell === 'lstm') assert.ok(relErr(l.c ?? [], ref.layers[i].c ?? [1]) < 1e-5, `layer ${i} c`);
        else assert.equal(l.c, undefined);
      });
      assert.ok(Math.abs(ours.output - ref.output) < 1e-5 * Math.max(1, Math.abs(ref.output)));
    });
  }

  for (const c of [CASES[1], CASES[3], CASES[6], CASES[7]]) {
    it(`${name(c)}: gradients match float64 central differences of the float64 reference`, () => {
      const spec: NetSpec = { cell: c.cell, layers: c.layers, units: c.units, window: c.window, features: 1 };
      const xs = normals(c.batch * c.window, 21);
      const ys = normals(c.batch, 22);
      const w32 = weightsFor(spec, 50);
      const k = new KernelNet(spec, c.rows);
      k.setWeights(w32);
      const { grads } = k.gradients(
        xs,
        Array.from({ length: c.batch }, (_, b) => b * c.window),
        ys,
      );
      const w = w32.map((a) => Float64Array.from(a));
      const ref = new FusedNet(spec);
      const loss = () => {
        let s = 0;
        for (let b = 0; b < c.batch; b++) s += (ref.forward(w, xs, b * c.window) - ys[b]) ** 2;
        return s / c.batch;
      };
      const h = 1e-6;
      w.forEach((wk, i) => {
        const scale = Math.max(...Array.from(grads[i], Math.abs));
        for (const j of [0, wk.length >> 1, wk.length - 1]) {
          const saved = wk[j];
          wk[j] = saved + h;
          const up = loss();
          wk[j] = saved - h;
          const down = loss();
          wk[j] = saved;
          const num = (up - down) / (2 * h);
          assert.ok(
            Math.abs(num - grads[i][j]) <= 1e-4 * scale + 1e-7,
            `variable ${i}[${j}]: kernel ${grads[i][j]} vs central difference ${num}`,
          );
        }
      });
    });
  }

  for (const cell of ['rnn', 'gru', 'lstm'] as const) {
    it(`${cell}: one epoch of Adam follows tf.train.adam batch by batch`, () => {
      const spec: NetSpec = { cell, layers: 2, units: 6, window: 7, features: 1 };
      const B = 10;
      const batches = 4;
      const z = Float32Array.from(normals(B * batches + 7, 61));
      const w = weightsFor(spec, 70);
      const net = layersNet(spec, w);
      const opt = tf.train.adam(0.01);
      const k = new KernelNet(spec, B);
      k.setWeights(w);
      for (let i = 0; i < batches; i++) {
        const offsets = Array.from({ length: B }, (_, b) => i * B + b);
        const y = offsets.map((o) => z[o + 7]);
        const x = tf.tensor3d(Float32Array.from(offsets.flatMap((o) => Array.from(z.subarray(o, o + 7)))), [
          B,
          7,
          1,
        ]);
        const yt = tf.tensor2d(y, [B, 1]);
        const lossT = opt.minimize(
          () => tf.losses.meanSquaredError(yt, net.apply(x, true)) as tf.Scalar,
          true,
          net.variables,
        );
        const theirs = lossT?.dataSync()[0] ?? NaN;
        const ours = k.trainBatch(z, offsets, y, 0.01);
        assert.ok(Math.abs(ours - theirs) <= 1e-4 * theirs, `batch ${i + 1}: loss ${ours} vs ${theirs}`);
        tf.dispose([x, yt, lossT as tf.Scalar]);
      }
      const theirs = net.readWeights();
      k.getWeights().forEach((a, i) => {
        // Adam divides by √v: where a gradient is near zero, float32 noise moves a step by a few ulp of lr.
        const worst = Math.max(...Array.from(a, (v, j) => Math.abs(v - theirs[i][j])));
        assert.ok(worst < 1e-5, `variable ${i}: weights differ by ${worst}`);
      });
      opt.dispose();
      net.dispose();
    });
  }

  it("serves the network's inference (predict, probe) and equals tfjs-layers' apply", () => {
    const spec: NetSpec = { cell: 'lstm', layers: 2, units: 7, window: 6, features: 1 };
    const w = weightsFor(spec, 80);
    const net = kernelNet(spec, w);
    const ref = layersNet(spec, w);
    const xs = Float32Array.from(normals(9 * 6, 81));
    const theirs = tf.tidy(() => ref.apply(tf.tensor3d(xs, [9, 6, 1])).dataSync());
    assert.ok(relErr(net.predict(xs, 9), theirs) < 1e-5);
    assert.ok(Math.abs(net.probe(xs.subarray(6, 12)).output - theirs[1]) < 1e-5);
    // Written weights reach the kernel's next pass.
    const zero = w.map((a) => new Float32Array(a.length));
    net.writeWeights(zero);
    assert.deepEqual(Array.from(net.predict(xs, 9)), new Array<number>(9).fill(0));
    net.dispose();
    ref.dispose();
  });

  for (const cell of ['gru', 'lstm'] as const) {
    it(`${cell}: two threads give bit-identical weights and losses to one`, async () => {
      const spec: NetSpec = { cell, layers: 2, units: 9, window: 11, features: 1 };
      const z = Float32Array.from(normals(400, 91));
      const w = weightsFor(spec, 92);
      const run = async (threads: number) => {
        const k = new KernelNet(spec, 13, threads);
        k.setWeights(w);
        const losses: number[] = [];
        // Batches of 26 (two full shards), 21 (an uneven split) and 3 (one shard only).
        for (const [i, size] of [26, 21, 3, 26].entries()) {
          const offsets = Array.from({ length: size }, (_, b) => 37 * i + b);
          losses.push(
            await k.trainBatchAsync(
              z,
              offsets,
              offsets.map((o) => z[o + 11]),
              0.01,
            ),
          );
          if (size > 4) assert.equal(k.lastThreads, threads, 'the shard worker did not run');
        }
        const out = { losses, w: k.getWeights() };
        k.dispose();
        return out;
      };
      const one = await run(1);
      const two = await run(2);
      assert.deepEqual(two.losses, one.losses);
      assert.deepEqual(two.w, one.w);
    });
  }

  it('keeps a plain Node process alive while its worker runs a shard, and lets it exit afterwards', () => {
    const script = `
      const { KernelNet } = require(${JSON.stringify(require.resolve('../../../src/model/kernel/kernel'))});
      (async () => {
        const k = new KernelNet({ cell: 'gru', layers: 1, units: 8, window: 6, features: 1 }, 8, 2);
        const z = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i));
        const offsets = Array.from({ length: 16 }, (_, i) => i);
        const loss = await k.trainBatchAsync(z, offsets, offsets.map((o) => z[o + 6]), 0.01);
        console.log(k.lastThreads, Number.isFinite(loss));
      })();`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30000 });
    assert.equal(r.stdout.trim(), '2 true', r.stderr);
    assert.equal(r.status, 0);
  });

  it('trains identically twice with the same seed, and differently with another', async () => {
    const values = Float64Array.from(sine(200));
    const run = async (seed: number) => {
      const c = resolveConfig({
        cell: 'gru',
        units: 10,
        window: 9,
        epochs: 3,
        batchSize: 16,
        patience: 0,
        seed,
      });
      const net = createNet({ cell: 'gru', layers: 1, units: 10, window: 9, features: 1 }, c.seed);
      const r = await trainLoop(net, prepare(values, c, 9, false), c, {});
      const w = net.readWeights();
      net.dispose();
      return { losses: r.history.map((e) => e.loss), w };
    };
    const a = await run(42);
    const b = await run(42);
    assert.deepEqual(a.losses, b.losses);
    assert.deepEqual(a.w, b.w);
    assert.notDeepEqual((await run(43)).w, a.w);
    assert.ok(a.losses[2] < a.losses[0], `the loss did not fall: ${a.losses.join(', ')}`);
  });
});
