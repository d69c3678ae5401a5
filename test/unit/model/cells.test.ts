/**
 * Numerical trust in each cell: a golden forward pass of the kernel and of tfjs-layers against a float64 reference
 * written here (independent of the test's probe), the kernel's probe against tfjs, and the tfjs reference's
 * tf.variableGrads against central differences.
 */
import * as assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { kernelNet } from '../../../src/model/network/seqnet';
import { layersNet } from '../../../src/model/network/layersNet';
import { weightShapes, type NetSpec } from '../../../src/model/network/spec';
import type { CellType } from '../../../src/model/types';
import { normals, useCpu } from './helpers';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

/** Textbook equations, one step: x scalar input, h/c previous states; weights as in Keras (gate-major columns). */
function refStep(
  cell: CellType,
  K: number[],
  R: number[],
  B: number[],
  x: number,
  h: number[],
  c: number[],
): [number[], number[]] {
  const u = h.length;
  const g = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
  const pre = (gate: number, k: number, hh: number[]) => {
    let a = B[gate * u + k] + x * K[gate * u + k];
    for (let i = 0; i < u; i++) a += hh[i] * R[i * g * u + gate * u + k];
    return a;
  };
  if (cell === 'rnn') return [h.map((_, k) => Math.tanh(pre(0, k, h))), c];
  if (cell === 'lstm') {
    const nc = h.map((_, k) => sig(pre(1, k, h)) * c[k] + sig(pre(0, k, h)) * Math.tanh(pre(2, k, h)));
    return [h.map((_, k) => sig(pre(3, k, h)) * Math.tanh(nc[k])), nc];
  }
  const z = h.map((_, k) => sig(pre(0, k, h)));
  const r = h.map((_, k) => sig(pre(1, k, h)));
  const rh = h.map((v, k) => r[k] * v);
  return [h.map((v, k) => z[k] * v + (1 - z[k]) * Math.tanh(pre(2, k, rh))), c];
}

/** Two-layer reference forward pass to the dense head. */
function refForward(spec: NetSpec, w: Float32Array[], xs: number[]): number {
  let seq = xs.map((x) => [x]);
  for (let l = 0; l < spec.layers; l++) {
    const [K, R, B] = w.slice(3 * l, 3 * l + 3).map((a) => Array.from(a));
    let h = new Array<number>(spec.units).fill(0);
    let c = new Array<number>(spec.units).fill(0);
    const out: number[][] = [];
    for (const x of seq) {
      // Layers above the first see a vector input: fold it in as a sum of scalar contributions.
      if (x.length === 1) [h, c] = refStep(spec.cell, K, R, B, x[0], h, c);
      else [h, c] = refStepVec(spec.cell, K, R, B, x, h, c);
      out.push(h);
    }
    seq = out;
  }
  const hT = seq[seq.length - 1];
  return hT.reduce((a, v, k) => a + v * w[w.length - 2][k], w[w.length - 1][0]);
}

function refStepVec(
  cell: CellType,
  K: number[],
  R: number[],
  B: number[],
  x: number[],
  h: number[],
  c: number[],
): [number[], number[]] {
  const u = h.length;
  const g = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
  // x·K as an extra bias, then a zero scalar input through refStep.
  const xb = B.map((b, j) => b + x.reduce((a, v, i) => a + v * K[i * g * u + j], 0));
  return refStep(cell, new Array<number>(g * u).fill(0), R, xb, 0, h, c);
}

function fixedWeights(spec: NetSpec): Float32Array[] {
  let k = 0;
  return weightShapes(spec).map((s) =>
    Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => 0.5 * Math.sin(1.3 * ++k + 0.7)),
  );
}

const CELLS: CellType[] = ['rnn', 'gru', 'lstm'];

describe('recurrent cells', () => {
  before(useCpu);

  for (const cell of CELLS) {
    const spec: NetSpec = { cell, layers: 2, units: 3, window: 6, features: 1 };
    const xs = [0.3, -0.8, 1.2, 0.1, -0.4, 0.9];

    it(`${cell}: the forward pass (kernel and tfjs-layers) matches a float64 reference within 1e-3`, () => {
      const w = fixedWeights(spec);
      const ref = layersNet(spec, w);
      const y = tf.tidy(() => ref.apply(tf.tensor3d(xs, [1, 6, 1])).dataSync()[0]);
      ref.dispose();
      const net = kernelNet(spec, w);
      const k = net.predict(Float32Array.from(xs), 1)[0];
      net.dispose();
      const want = refForward(spec, w, xs);
      assert.ok(Math.abs(y - want) < 1e-3, `tfjs ${y} vs reference ${want}`);
      assert.ok(Math.abs(k - want) < 1e-3, `kernel ${k} vs reference ${want}`);
    });

    it(`${cell}: the probe's last hidden state reproduces the network's output`, () => {
      const w = fixedWeights(spec).map((a) => a.map((v) => 0.8 * v));
      const ref = layersNet(spec, w);
      const y = tf.tidy(() => ref.apply(tf.tensor3d(xs, [1, 6, 1])).dataSync()[0]);
      ref.dispose();
      const net = kernelNet(spec, w);
      const p = net.probe(Float32Array.from(xs));
      net.dispose();
      assert.equal(p.layers.length, 2);
      assert.equal(p.layers[1].h.length, 6 * 3);
      assert.equal(p.layers[0].c !== undefined, cell === 'lstm');
      assert.ok(Math.abs(p.output - y) < 1e-4, `probe ${p.output} vs tfjs ${y}`);
    });

    it(`${cell}: gradients match central differences (relative error < 1e-2)`, () => {
      const one = { ...spec, layers: 1 };
      // Non-zero weights everywhere (the seeded init zeroes the head, which would zero the recurrent gradients).
      const net = layersNet(one, fixedWeights(one));
      const x = tf.tensor3d(normals(4 * 6, 3), [4, 6, 1]);
      const y = tf.tensor2d(normals(4, 4), [4, 1]);
      const loss = () => tf.losses.meanSquaredError(y, net.apply(x)) as tf.Scalar;
      const { grads } = tf.variableGrads(loss, net.variables);
      const eps = 1e-2;
      let worst = 0;
      let smallest = Infinity;
      for (const v of net.variables) {
        const g = grads[v.name].dataSync();
        smallest = Math.min(smallest, Math.max(...Array.from(g, Math.abs)));
        const base = Float32Array.from(v.dataSync());
        for (const i of [0, Math.floor(base.length / 2), base.length - 1]) {
          const at = (d: number) => {
            const w = base.slice();
            w[i] += d;
            v.assign(tf.tensor(w, v.shape));
            return tf.tidy(() => loss().dataSync()[0]);
          };
          const num = (at(eps) - at(-eps)) / (2 * eps);
          v.assign(tf.tensor(base, v.shape));
          worst = Math.max(worst, Math.abs(num - g[i]) / Math.max(Math.abs(num) + Math.abs(g[i]), 1e-2));
        }
      }
      tf.dispose([x, y, ...Object.values(grads)]);
      net.dispose();
      assert.ok(smallest > 1e-4, `a variable has no gradient (${smallest})`);
      assert.ok(worst < 1e-2, `worst relative error ${worst}`);
    });
  }
});
