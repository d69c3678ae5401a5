/**
 * The float64 reference for hidden states: h_t (and c_t for LSTM) for every step and layer, which tfjs-layers cannot
 * return, written as the textbook equations. Mirrors tfjs' cells (tanh activation, sigmoid gates, Keras gate order).
 */
import { gatesOf, type NetSpec, type ProbeResult } from '../../../../src/model/network/spec';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** `input` is one window, [T, features] row-major; `weights` in weightShapes order. */
export function probeWindow(
  spec: NetSpec,
  weights: ArrayLike<number>[],
  input: ArrayLike<number>,
): ProbeResult {
  const T = spec.window;
  const u = spec.units;
  const g = gatesOf(spec.cell);
  let x: Float64Array = Float64Array.from(input);
  let inDim = spec.features;
  const layers: ProbeResult['layers'] = [];
  for (let l = 0; l < spec.layers; l++) {
    const [K, R, B] = weights.slice(3 * l, 3 * l + 3);
    const hs = new Float64Array(T * u);
    const cs = new Float64Array(T * u);
    let h = new Float64Array(u);
    let c = new Float64Array(u);
    for (let t = 0; t < T; t++) {
      const zx = new Float64Array(g * u);
      const zh = new Float64Array(g * u);
      for (let j = 0; j < g * u; j++) {
        let a = B[j];
        for (let i = 0; i < inDim; i++) a += x[t * inDim + i] * K[i * g * u + j];
        zx[j] = a;
        let r = 0;
        for (let i = 0; i < u; i++) r += h[i] * R[i * g * u + j];
        zh[j] = r;
      }
      const nh = new Float64Array(u);
      const nc = new Float64Array(u);
      for (let k = 0; k < u; k++) {
        if (spec.cell === 'rnn') nh[k] = Math.tanh(zx[k] + zh[k]);
        else if (spec.cell === 'lstm') {
          const ig = sigmoid(zx[k] + zh[k]);
          const fg = sigmoid(zx[u + k] + zh[u + k]);
          nc[k] = fg * c[k] + ig * Math.tanh(zx[2 * u + k] + zh[2 * u + k]);
          nh[k] = sigmoid(zx[3 * u + k] + zh[3 * u + k]) * Math.tanh(nc[k]);
        }
      }
      if (spec.cell === 'gru') {
        // Keras GRU without reset_after: the reset gate scales h before the candidate's recurrent product.
        const zg = new Float64Array(u);
        const rh = new Float64Array(u);
        for (let k = 0; k < u; k++) {
          zg[k] = sigmoid(zx[k] + zh[k]);
          rh[k] = sigmoid(zx[u + k] + zh[u + k]) * h[k];
        }
        for (let k = 0; k < u; k++) {
          let a = zx[2 * u + k];
          for (let i = 0; i < u; i++) a += rh[i] * R[i * g * u + 2 * u + k];
          nh[k] = zg[k] * h[k] + (1 - zg[k]) * Math.tanh(a);
        }
      }
      h = nh;
      c = nc;
      hs.set(h, t * u);
      cs.set(c, t * u);
    }
    layers.push(
      spec.cell === 'lstm'
        ? { h: Float32Array.from(hs), c: Float32Array.from(cs) }
        : { h: Float32Array.from(hs) },
    );
    x = hs;
    inDim = u;
  }
  const [Wd, bd] = weights.slice(3 * spec.layers);
  let out = bd[0];
  for (let k = 0; k < u; k++) out += x[(T - 1) * u + k] * Wd[k];
  return { layers, output: out };
}
