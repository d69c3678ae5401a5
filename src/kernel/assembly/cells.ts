// Each cell's gate math for one step over every row, f32x4 across units. Gate blocks follow Keras: GRU z, r, h̃;
// LSTM i, f, c̃, o. Forward keeps the post-activation gates in place of the pre-activations; backward turns them into
// the pre-activation gradients in place, since nothing needs a step's gates after its gradient is known.
import { vsigmoid, vtanh } from './activations';
import { R, U, G } from './layout';

@inline function sp(x: f32): v128 {
  return f32x4.splat(x);
}
@inline function ld(p: usize): v128 {
  return v128.load(p);
}
@inline function st(p: usize, v: v128): void {
  v128.store(p, v);
}
/** x·(1 − x), the sigmoid's derivative from its output. */
@inline function dsig(x: v128): v128 {
  return f32x4.mul(x, f32x4.sub(sp(1.0), x));
}
/** 1 − x², tanh's derivative from its output. */
@inline function dtanh(x: v128): v128 {
  return f32x4.sub(sp(1.0), f32x4.mul(x, x));
}

export function rnnForward(a: usize, hn: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const hr = hn + <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const h = vtanh(ld(ar + k));
      st(ar + k, h);
      st(hr + k, h);
    }
  }
}

export function rnnBackward(a: usize, dhv: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const dr = dhv + <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) st(ar + k, f32x4.mul(ld(dr + k), dtanh(ld(ar + k))));
  }
}

export function lstmForward(a: usize, cp: usize, cn: usize, hn: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const o = <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const p = ar + k;
      const i = vsigmoid(ld(p));
      const f = vsigmoid(ld(p + gu));
      const g = vtanh(ld(p + 2 * gu));
      const og = vsigmoid(ld(p + 3 * gu));
      st(p, i);
      st(p + gu, f);
      st(p + 2 * gu, g);
      st(p + 3 * gu, og);
      const c = f32x4.add(f32x4.mul(f, ld(cp + o + k)), f32x4.mul(i, g));
      st(cn + o + k, c);
      st(hn + o + k, f32x4.mul(og, vtanh(c)));
    }
  }
}

/** dhv: dL/dh_t; dcv: dL/dc_t from later steps, replaced by dL/dc_{t−1}. */
export function lstmBackward(a: usize, cp: usize, cn: usize, dhv: usize, dcv: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const o = <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const p = ar + k;
      const i = ld(p);
      const f = ld(p + gu);
      const g = ld(p + 2 * gu);
      const og = ld(p + 3 * gu);
      const tc = vtanh(ld(cn + o + k));
      const d = ld(dhv + o + k);
      const dct = f32x4.add(ld(dcv + o + k), f32x4.mul(f32x4.mul(d, og), dtanh(tc)));
      st(p, f32x4.mul(f32x4.mul(dct, g), dsig(i)));
      st(p + gu, f32x4.mul(f32x4.mul(dct, ld(cp + o + k)), dsig(f)));
      st(p + 2 * gu, f32x4.mul(f32x4.mul(dct, i), dtanh(g)));
      st(p + 3 * gu, f32x4.mul(f32x4.mul(d, tc), dsig(og)));
      st(dcv + o + k, f32x4.mul(dct, f));
    }
  }
}

/** z and r, and r ⊙ h_{t−1} for the candidate's recurrent product. */
export function gruGates(a: usize, hp: usize, rh: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const o = <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const p = ar + k;
      st(p, vsigmoid(ld(p)));
      const r = vsigmoid(ld(p + gu));
      st(p + gu, r);
      st(rh + o + k, f32x4.mul(r, ld(hp + o + k)));
    }
  }
}

export function gruOutput(a: usize, hp: usize, hn: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const o = <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const p = ar + k;
      const z = ld(p);
      const hc = vtanh(ld(p + 2 * gu));
      st(p + 2 * gu, hc);
      // z·h_{t−1} + (1 − z)·h̃ = h̃ + z·(h_{t−1} − h̃)
      st(hn + o + k, f32x4.add(hc, f32x4.mul(z, f32x4.sub(ld(hp + o + k), hc))));
    }
  }
}

/** z and h̃ gradients; dhp gets the direct path z ⊙ dh. */
export function gruBackwardZH(a: usize, hp: usize, dhv: usize, dhpv: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const o = <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const p = ar + k;
      const z = ld(p);
      const hc = ld(p + 2 * gu);
      const d = ld(dhv + o + k);
      st(p, f32x4.mul(f32x4.mul(d, f32x4.sub(ld(hp + o + k), hc)), dsig(z)));
      st(p + 2 * gu, f32x4.mul(f32x4.mul(d, f32x4.sub(sp(1.0), z)), dtanh(hc)));
      st(dhpv + o + k, f32x4.mul(d, z));
    }
  }
}

/** r's gradient from d(r ⊙ h_{t−1}), and that product's share of dh_{t−1}. */
export function gruBackwardR(a: usize, hp: usize, drhv: usize, dhpv: usize): void {
  const ga = <usize>G << 2;
  const gu = <usize>U << 2;
  for (let b = 0; b < R; b++) {
    const ar = a + <usize>b * ga;
    const o = <usize>b * gu;
    for (let k: usize = 0; k < gu; k += 16) {
      const p = ar + gu + k;
      const r = ld(p);
      const s = ld(drhv + o + k);
      st(p, f32x4.mul(f32x4.mul(s, ld(hp + o + k)), dsig(r)));
      st(dhpv + o + k, f32x4.add(ld(dhpv + o + k), f32x4.mul(s, r)));
    }
  }
}
