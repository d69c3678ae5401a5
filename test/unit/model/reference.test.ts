/**
 * The float64 reference the kernel's tests lean on (reference/fused.ts, reference/probe.ts), held to tfjs-layers'
 * forward pass and tf.variableGrads' gradients on the same weights, and to float64 central differences.
 */
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { FusedNet, zerosLike } from './reference/fused';
import { probeWindow } from './reference/probe';
import { layersNet } from '../../../src/model/network/layersNet';
import { weightShapes, type NetSpec } from '../../../src/model/network/spec';
import type { CellType } from '../../../src/model/types';
import { normals, useCpu } from './helpers';

const CELLS: CellType[] = ['rnn', 'gru', 'lstm'];

function weightsFor(spec: NetSpec, seed: number): Float32Array[] {
  return weightShapes(spec).map((s, i) =>
    Float32Array.from(
      normals(
        s.reduce((a, b) => a * b, 1),
        seed + i,
      ),
      (v) => 0.4 * v,
    ),
  );
}

/** Mean squared error of the fused net over a batch, and its gradient. */
function fusedLoss(
  spec: NetSpec,
  w: Float64Array[],
  xs: number[],
  ys: number[],
): { loss: number; grads: Float64Array[] } {
  const net = new FusedNet(spec);
  const grads = zerosLike(spec);
  const n = ys.length;
  const span = spec.window * spec.features;
  let loss = 0;
  for (let b = 0; b < n; b++) {
    const e = net.forward(w, xs, b * span) - ys[b];
    loss += (e * e) / n;
    net.backward(w, (2 * e) / n, grads);
  }
  return { loss, grads };
}

describe('float64 reference', () => {
  before(useCpu);

  for (const cell of CELLS) {
    for (const layers of [1, 2]) {
      const spec: NetSpec = { cell, layers, units: 5, window: 7, features: 1 };
      const B = 6;
      const xs = normals(B * 7, 21);
      const ys = normals(B, 22);

      it(`${cell} × ${layers}: the forward pass equals tfjs-layers' and the float64 probe's`, () => {
        const w = weightsFor(spec, 30);
        const net = layersNet(spec, w);
        const tfY = tf.tidy(() => net.apply(tf.tensor3d(xs, [B, 7, 1])).dataSync());
        const fused = new FusedNet(spec);
        const w64 = w.map((a) => Float64Array.from(a));
        const x32 = Float32Array.from(xs);
        for (let b = 0; b < B; b++) {
          const y = fused.forward(w64, x32, b * 7);
          assert.ok(Math.abs(y - tfY[b]) < 1e-5, `fused ${y} vs tfjs ${tfY[b]}`);
          const probe = probeWindow(spec, w, x32.subarray(b * 7, b * 7 + 7));
          assert.ok(Math.abs(y - probe.output) < 1e-9, `fused ${y} vs probe ${probe.output}`);
        }
        net.dispose();
      });

      it(`${cell} × ${layers}: the gradients equal tf.variableGrads' on the same weights and batch`, () => {
        const w = weightsFor(spec, 40);
        const net = layersNet(spec, w);
        const x = tf.tensor3d(xs, [B, 7, 1]);
        const y = tf.tensor2d(ys, [B, 1]);
        const { value, grads } = tf.variableGrads(
          () => tf.losses.meanSquaredError(y, net.apply(x)) as tf.Scalar,
          net.variables,
        );
        const ours = fusedLoss(
          spec,
          w.map((a) => Float64Array.from(a)),
          xs,
          ys,
        );
        assert.ok(Math.abs(ours.loss - value.dataSync()[0]) < 1e-5 * Math.max(1, ours.loss));
        net.variables.forEach((v, k) => {
          const theirs = grads[v.name].dataSync();
          const scale = Math.max(...Array.from(theirs, Math.abs));
          assert.ok(scale > 1e-6, `variable ${k} has no gradient`);
          for (let i = 0; i < theirs.length; i++) {
            assert.ok(
              Math.abs(ours.grads[k][i] - theirs[i]) <= 1e-4 * scale,
              `variable ${k}[${i}]: fused ${ours.grads[k][i]} vs tfjs ${theirs[i]}`,
            );
          }
        });
        tf.dispose([x, y, value, ...Object.values(grads)]);
        net.dispose();
      });

      it(`${cell} × ${layers}: the gradients match float64 central differences (relative error < 1e-6)`, () => {
        const w = weightsFor(spec, 50).map((a) => Float64Array.from(a));
        const { grads } = fusedLoss(spec, w, xs, ys);
        const h = 1e-6;
        let worst = 0;
        w.forEach((wk, k) => {
          for (const i of [0, wk.length >> 1, wk.length - 1]) {
            const at = (d: number) => {
              const saved = wk[i];
              wk[i] = saved + d;
              const l = fusedLoss(spec, w, xs, ys).loss;
              wk[i] = saved;
              return l;
            };
            const num = (at(h) - at(-h)) / (2 * h);
            worst = Math.max(
              worst,
              Math.abs(num - grads[k][i]) / Math.max(Math.abs(num) + Math.abs(grads[k][i]), 1e-8),
            );
          }
        });
        assert.ok(worst < 1e-6, `worst relative error ${worst}`);
      });
    }
  }
});
