/**
 * The float64 reference for the kernel's tests: the network's forward and backward passes as plain loops, one window
 * at a time (once SeqLab's 'fused' engine). The equations are probe.ts's (Keras gate order, GRU without reset_after);
 * reference.test.ts holds them to tfjs-layers and tf.variableGrads, and to central differences.
 */
import { gatesOf, weightShapes, type NetSpec } from '../../../../src/model/network/spec';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

// The two inner loops everything runs through, unrolled by four: V8 does not vectorize, and this halves the loop and
// bounds-check overhead (0.33 → 0.6 GMAC/s for a 64×192 product on this machine).

/** y[yo + j] += s · x[xo + j] for j < n. */
function axpy(y: Float64Array, yo: number, s: number, x: Float64Array, xo: number, n: number): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    y[yo + j] += s * x[xo + j];
    y[yo + j + 1] += s * x[xo + j + 1];
    y[yo + j + 2] += s * x[xo + j + 2];
    y[yo + j + 3] += s * x[xo + j + 3];
  }
  for (; j < n; j++) y[yo + j] += s * x[xo + j];
}

/** Σ a[ao + j] · b[bo + j] for j < n. */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    s0 += a[ao + j] * b[bo + j];
    s1 += a[ao + j + 1] * b[bo + j + 1];
    s2 += a[ao + j + 2] * b[bo + j + 2];
    s3 += a[ao + j + 3] * b[bo + j + 3];
  }
  for (; j < n; j++) s0 += a[ao + j] * b[bo + j];
  return s0 + s1 + (s2 + s3);
}

/** Weights or gradients in weightShapes order, as flat float64 arrays. */
export type Params = Float64Array[];

export function zerosLike(spec: NetSpec): Params {
  return weightShapes(spec).map((s) => new Float64Array(s.reduce((a, b) => a * b, 1)));
}

/** One layer's activations from the last forward pass, and its backward scratch. */
interface LayerState {
  /** h_t for t = -1..T-1 as [(T+1), u] (row 0 is the zero initial state); c_t likewise for LSTM. */
  hs: Float64Array;
  cs: Float64Array;
  /** Post-activation gates per step, [T, G·u] (GRU z, r, h̃; LSTM i, f, c̃, o). */
  gs: Float64Array;
  /** GRU: r ⊙ h_{t-1} per step, [T, u]. */
  rh: Float64Array;
  /** Gradient w.r.t. the layer's outputs h_t, [T, u]. */
  dH: Float64Array;
}

export class FusedNet {
  private readonly T: number;
  private readonly u: number;
  private readonly G: number;
  private readonly layers: LayerState[];
  private readonly x: Float64Array;
  private readonly da: Float64Array;
  private readonly dh: Float64Array;
  private readonly dhPrev: Float64Array;
  private readonly dc: Float64Array;

  constructor(readonly spec: NetSpec) {
    this.T = spec.window;
    this.u = spec.units;
    this.G = gatesOf(spec.cell) * spec.units;
    const { T, u, G } = this;
    this.layers = Array.from({ length: spec.layers }, () => ({
      hs: new Float64Array((T + 1) * u),
      cs: new Float64Array((T + 1) * u),
      gs: new Float64Array(T * G),
      rh: new Float64Array(T * u),
      dH: new Float64Array(T * u),
    }));
    this.x = new Float64Array(this.T * spec.features);
    this.da = new Float64Array(this.G);
    this.dh = new Float64Array(this.u);
    this.dhPrev = new Float64Array(this.u);
    this.dc = new Float64Array(this.u);
  }

  /** Layer l's input sequence: the window itself, or the layer below's h_t (from its row 1, past h_{-1}). */
  private inputOf(l: number): { inp: Float64Array; inDim: number; inBase: number } {
    return l === 0
      ? { inp: this.x, inDim: this.spec.features, inBase: 0 }
      : { inp: this.layers[l - 1].hs, inDim: this.u, inBase: this.u };
  }

  /** The prediction for one window, [T, features] row-major starting at `offset` of `input`. */
  forward(w: Params, input: ArrayLike<number>, offset = 0): number {
    const { T, u, G, spec } = this;
    for (let i = 0; i < this.x.length; i++) this.x[i] = input[offset + i];
    for (let l = 0; l < spec.layers; l++) {
      const [K, R, B] = w.slice(3 * l, 3 * l + 3);
      const { hs, cs, gs, rh } = this.layers[l];
      const { inp, inDim, inBase } = this.inputOf(l);
      for (let t = 0; t < T; t++) {
        const g0 = t * G;
        const a = gs.subarray(g0, g0 + G);
        a.set(B);
        const xo = inBase + t * inDim;
        for (let i = 0; i < inDim; i++) axpy(gs, g0, inp[xo + i], K, i * G, G);
        const hp = t * u;
        const hn = (t + 1) * u;
        // GRU's candidate takes r ⊙ h, so only its z and r columns see h directly.
        const direct = spec.cell === 'gru' ? 2 * u : G;
        for (let i = 0; i < u; i++) {
          const hi = hs[hp + i];
          if (hi !== 0) axpy(gs, g0, hi, R, i * G, direct);
        }
        if (spec.cell === 'rnn') {
          for (let k = 0; k < u; k++) hs[hn + k] = a[k] = Math.tanh(a[k]);
        } else if (spec.cell === 'lstm') {
          for (let k = 0; k < u; k++) {
            const ig = (a[k] = sigmoid(a[k]));
            const fg = (a[u + k] = sigmoid(a[u + k]));
            const cg = (a[2 * u + k] = Math.tanh(a[2 * u + k]));
            const og = (a[3 * u + k] = sigmoid(a[3 * u + k]));
            const c = fg * cs[hp + k] + ig * cg;
            cs[hn + k] = c;
            hs[hn + k] = og * Math.tanh(c);
          }
        } else {
          for (let k = 0; k < u; k++) {
            a[k] = sigmoid(a[k]);
            const r = (a[u + k] = sigmoid(a[u + k]));
            rh[hp + k] = r * hs[hp + k];
          }
          for (let i = 0; i < u; i++) {
            const ri = rh[hp + i];
            if (ri !== 0) axpy(gs, g0 + 2 * u, ri, R, i * G + 2 * u, u);
          }
          for (let k = 0; k < u; k++) {
            const z = a[k];
            const hc = (a[2 * u + k] = Math.tanh(a[2 * u + k]));
            hs[hn + k] = z * hs[hp + k] + (1 - z) * hc;
          }
        }
      }
    }
    const top = this.layers[spec.layers - 1].hs;
    const Wd = w[3 * spec.layers];
    let y = w[3 * spec.layers + 1][0];
    for (let k = 0; k < u; k++) y += top[T * u + k] * Wd[k];
    return y;
  }

  /** Adds into `grads` the gradient of the last forward() window, given dLoss/dŷ = `dy`. */
  backward(w: Params, dy: number, grads: Params): void {
    const { T, u, G, spec } = this;
    const L = spec.layers;
    const top = this.layers[L - 1].hs;
    const Wd = w[3 * L];
    const dWd = grads[3 * L];
    grads[3 * L + 1][0] += dy;
    const dTop = this.layers[L - 1].dH;
    dTop.fill(0);
    for (let k = 0; k < u; k++) {
      dWd[k] += dy * top[T * u + k];
      dTop[(T - 1) * u + k] = dy * Wd[k];
    }
    const { da, dh, dhPrev, dc } = this;
    for (let l = L - 1; l >= 0; l--) {
      const [K, R] = w.slice(3 * l, 3 * l + 2);
      const [dK, dR, dB] = grads.slice(3 * l, 3 * l + 3);
      const { hs, cs, gs, rh, dH: dHl } = this.layers[l];
      const { inp, inDim, inBase } = this.inputOf(l);
      const dIn = l > 0 ? this.layers[l - 1].dH : undefined;
      dIn?.fill(0);
      dhPrev.fill(0);
      dc.fill(0);
      for (let t = T - 1; t >= 0; t--) {
        const hp = t * u;
        const hn = (t + 1) * u;
        const g0 = t * G;
        for (let k = 0; k < u; k++) dh[k] = dHl[hp + k] + dhPrev[k];
        dhPrev.fill(0);
        if (spec.cell === 'rnn') {
          for (let k = 0; k < u; k++) {
            const h = gs[g0 + k];
            da[k] = dh[k] * (1 - h * h);
          }
        } else if (spec.cell === 'lstm') {
          for (let k = 0; k < u; k++) {
            const ig = gs[g0 + k];
            const fg = gs[g0 + u + k];
            const cg = gs[g0 + 2 * u + k];
            const og = gs[g0 + 3 * u + k];
            const tc = Math.tanh(cs[hn + k]);
            const dct = dc[k] + dh[k] * og * (1 - tc * tc);
            da[k] = dct * cg * ig * (1 - ig);
            da[u + k] = dct * cs[hp + k] * fg * (1 - fg);
            da[2 * u + k] = dct * ig * (1 - cg * cg);
            da[3 * u + k] = dh[k] * tc * og * (1 - og);
            dc[k] = dct * fg;
          }
        } else {
          for (let k = 0; k < u; k++) {
            const z = gs[g0 + k];
            const hc = gs[g0 + 2 * u + k];
            da[k] = dh[k] * (hs[hp + k] - hc) * z * (1 - z);
            da[2 * u + k] = dh[k] * (1 - z) * (1 - hc * hc);
            dhPrev[k] = dh[k] * z;
          }
          // Through the candidate's r ⊙ h_{t-1}: d(rh) = R_h · da_h, then to r and to h_{t-1}.
          for (let i = 0; i < u; i++) {
            const row = i * G + 2 * u;
            const s = dot(R, row, da, 2 * u, u);
            const r = gs[g0 + u + i];
            da[u + i] = s * hs[hp + i] * r * (1 - r);
            dhPrev[i] += s * r;
            const rhi = rh[hp + i];
            if (rhi !== 0) axpy(dR, row, rhi, da, 2 * u, u);
          }
        }
        axpy(dB, 0, 1, da, 0, G);
        const xo = inBase + t * inDim;
        for (let i = 0; i < inDim; i++) {
          const xi = inp[xo + i];
          if (xi !== 0) axpy(dK, i * G, xi, da, 0, G);
          if (dIn) dIn[t * u + i] += dot(K, i * G, da, 0, G);
        }
        const direct = spec.cell === 'gru' ? 2 * u : G;
        for (let i = 0; i < u; i++) {
          const hi = hs[hp + i];
          if (hi !== 0) axpy(dR, i * G, hi, da, 0, direct);
          dhPrev[i] += dot(R, i * G, da, 0, direct);
        }
      }
    }
  }
}
