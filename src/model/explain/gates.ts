/**
 * A float64 forward pass over one window that keeps what the kernel does not return: the gate activations. Analysis
 * only (memory length, gate saturation); forecasts and states come from the net itself, and the tests hold this
 * pass's h_t to the kernel's. Formulas follow Keras: GRU z, r, h̃ without reset_after; LSTM i, f, c̃, o.
 */
import { gatesOf, type NetSpec } from '../network/spec';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export interface GateTrace {
  /** Per layer: h as [T, units] row-major. */
  h: Float64Array[];
  /**
   * Per layer: the retention gate as [T, units]: GRU update gate z (h_t = z·h_{t-1} + (1-z)·h̃), LSTM forget gate f.
   * A SimpleRNN has no gate; there it is |∂h_t/∂h_{t-1}| along the diagonal, (1 - h_t²)·|R_kk|, capped at 1.
   */
  retain: Float64Array[];
  /** Per layer: every sigmoid gate activation of the step, [T, gates·units] (empty for SimpleRNN). */
  gates: Float64Array[];
}

/** `input` is one window [T, features] row-major; `weights` in weightShapes order. */
export function traceGates(spec: NetSpec, weights: ArrayLike<number>[], input: ArrayLike<number>): GateTrace {
  const T = spec.window;
  const u = spec.units;
  const g = gatesOf(spec.cell);
  const sg = spec.cell === 'lstm' ? 3 : spec.cell === 'gru' ? 2 : 0;
  let x = Float64Array.from(input);
  let inDim = spec.features;
  const out: GateTrace = { h: [], retain: [], gates: [] };
  for (let l = 0; l < spec.layers; l++) {
    const [K, R, B] = weights.slice(3 * l, 3 * l + 3);
    const hs = new Float64Array(T * u);
    const keep = new Float64Array(T * u);
    const gs = new Float64Array(T * sg * u);
    let h = new Float64Array(u);
    let c = new Float64Array(u);
    const zx = new Float64Array(g * u);
    const zh = new Float64Array(g * u);
    for (let t = 0; t < T; t++) {
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
      const at = t * sg * u;
      if (spec.cell === 'rnn') {
        for (let k = 0; k < u; k++) {
          nh[k] = Math.tanh(zx[k] + zh[k]);
          keep[t * u + k] = Math.min(1, (1 - nh[k] * nh[k]) * Math.abs(R[k * u + k]));
        }
      } else if (spec.cell === 'lstm') {
        for (let k = 0; k < u; k++) {
          const ig = sigmoid(zx[k] + zh[k]);
          const fg = sigmoid(zx[u + k] + zh[u + k]);
          const og = sigmoid(zx[3 * u + k] + zh[3 * u + k]);
          nc[k] = fg * c[k] + ig * Math.tanh(zx[2 * u + k] + zh[2 * u + k]);
          nh[k] = og * Math.tanh(nc[k]);
          keep[t * u + k] = fg;
          gs[at + k] = ig;
          gs[at + u + k] = fg;
          gs[at + 2 * u + k] = og;
        }
      } else {
        const zg = new Float64Array(u);
        const rh = new Float64Array(u);
        for (let k = 0; k < u; k++) {
          zg[k] = sigmoid(zx[k] + zh[k]);
          const rg = sigmoid(zx[u + k] + zh[u + k]);
          rh[k] = rg * h[k];
          gs[at + k] = zg[k];
          gs[at + u + k] = rg;
        }
        for (let k = 0; k < u; k++) {
          let a = zx[2 * u + k];
          for (let i = 0; i < u; i++) a += rh[i] * R[i * g * u + 2 * u + k];
          nh[k] = zg[k] * h[k] + (1 - zg[k]) * Math.tanh(a);
          keep[t * u + k] = zg[k];
        }
      }
      h = nh;
      c = nc;
      hs.set(h, t * u);
    }
    out.h.push(hs);
    out.retain.push(keep);
    out.gates.push(gs);
    x = hs;
    inDim = u;
  }
  return out;
}

/** The head's output (scaled units) after a traced window: the float64 reference forecast. */
export function headOutput(spec: NetSpec, weights: ArrayLike<number>[], trace: GateTrace): number {
  const [Wd, bd] = weights.slice(3 * spec.layers);
  const last = trace.h[spec.layers - 1];
  const u = spec.units;
  let y = bd[0];
  for (let k = 0; k < u; k++) y += last[(spec.window - 1) * u + k] * Wd[k];
  return y;
}
