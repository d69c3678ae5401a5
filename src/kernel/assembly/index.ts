// The kernel's entry points: lay out a network (layout.ts), run it forward over R windows at once, backpropagate
// through time with whole-batch matrix products, and take Adam steps, all on f32 in this module's memory.
import { gemm } from './gemm';
import { gruBackwardR, gruBackwardZH, gruGates, gruOutput, lstmBackward, lstmForward, rnnBackward, rnnForward } from './cells';
import {
  G, GRU, L, LSTM, P, R, T, U, acts, adamM, adamV, bOff, bdOff, cell, cs, dHa, dHb, dc, dh, dhp, drh, dys, grads, hs,
  inOf, kOff, kT, params, rOff, rT, rhs, wdOff, xs, yhat, ys,
} from './layout';

export {
  configure, allocGrads, useGrads, end, kOff, rOff, bOff, wdOff, bdOff, hs, cs, params, grads, adamM, adamV, xs, ys, yhat, P, U, G, R, T, IN0,
} from './layout';

@inline function f4(n: i32): usize {
  return <usize>n << 2;
}
@inline function pw(off: i32): usize {
  return params + f4(off);
}
@inline function pg(off: i32): usize {
  return grads + f4(off);
}
/** GRU's candidate sees h only through r ⊙ h, so only z and r take the direct recurrent product. */
@inline function direct(): i32 {
  return cell == GRU ? 2 * U : G;
}

/** Layer l's input sequence as [T·R, in]: the windows, or the layer below's h_1..h_T. */
function inputOf(l: i32): usize {
  return l == 0 ? xs : hs(l - 1) + f4(R * U);
}

function layerForward(l: i32): void {
  const inl = inOf(l);
  const a = acts(l);
  const h = hs(l);
  const c = cs(l);
  const rw = pw(rOff(l));
  const rowA = f4(R * G);
  const rowH = f4(R * U);
  const bias = pw(bOff(l));
  for (let r = 0; r < T * R; r++) memory.copy(a + <usize>r * f4(G), bias, f4(G));
  // Every step's input projection as one product.
  gemm(T * R, G, inl, inputOf(l), inl, 1, pw(kOff(l)), G, a, G, true);
  memory.fill(h, 0, rowH);
  if (cell == LSTM) memory.fill(c, 0, rowH);
  for (let t = 0; t < T; t++) {
    const at = a + <usize>t * rowA;
    const hp = h + <usize>t * rowH;
    const hn = hp + rowH;
    // h_{−1} = 0: the first step has no recurrent term.
    if (t > 0) gemm(R, direct(), U, hp, U, 1, rw, G, at, G, true);
    if (cell == LSTM) {
      const cp = c + <usize>t * rowH;
      lstmForward(at, cp, cp + rowH, hn);
    } else if (cell == GRU) {
      const rh = rhs(l) + <usize>t * rowH;
      gruGates(at, hp, rh);
      if (t > 0) gemm(R, U, U, rh, U, 1, rw + f4(2 * U), G, at + f4(2 * U), G, true);
      gruOutput(at, hp, hn);
    } else {
      rnnForward(at, hn);
    }
  }
}

/** Predictions for all R rows of xs into yhat; h_t and c_t stay in hs/cs for reading. */
export function forward(): void {
  for (let l = 0; l < L; l++) layerForward(l);
  const hT = hs(L - 1) + <usize>T * f4(R * U);
  const wd = pw(wdOff);
  const bd = load<f32>(pw(bdOff));
  for (let b = 0; b < R; b++) {
    const hr = hT + <usize>b * f4(U);
    let s = f32x4.splat(0);
    for (let k = 0; k < U; k += 4) s = f32x4.add(s, f32x4.mul(v128.load(hr + f4(k)), v128.load(wd + f4(k))));
    const y = f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
    store<f32>(yhat + f4(b), y + bd);
  }
}

function transposeInto(src: usize, rows: i32, cols: i32, dst: usize): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) store<f32>(dst + f4(j * rows + i), load<f32>(src + f4(i * cols + j)));
}

function sumRowsInto(a: usize, rows: i32, cols: i32, out: usize): void {
  for (let j = 0; j < cols; j += 4) {
    let s = v128.load(out + f4(j));
    for (let r = 0; r < rows; r++) s = f32x4.add(s, v128.load(a + f4(r * cols + j)));
    v128.store(out + f4(j), s);
  }
}

function addInto(a: usize, b: usize, out: usize, n: i32): void {
  for (let k = 0; k < n; k += 4) v128.store(out + f4(k), f32x4.add(v128.load(a + f4(k)), v128.load(b + f4(k))));
}

/** BPTT for layer l given dL/dh_t in dHin; writes dL/d(input) into dHout for the layer below (if any). */
function layerBackward(l: i32, dHin: usize, dHout: usize): void {
  const inl = inOf(l);
  const a = acts(l);
  const h = hs(l);
  const c = cs(l);
  const rowA = f4(R * G);
  const rowH = f4(R * U);
  const rt = rT(l);
  transposeInto(pw(kOff(l)), inl, G, kT(l));
  transposeInto(pw(rOff(l)), U, G, rt);
  memory.fill(dhp, 0, rowH);
  if (cell == LSTM) memory.fill(dc, 0, rowH);
  for (let t = T - 1; t >= 0; t--) {
    const at = a + <usize>t * rowA;
    const hp = h + <usize>t * rowH;
    addInto(dHin + <usize>t * rowH, dhp, dh, R * U);
    if (cell == LSTM) {
      const cp = c + <usize>t * rowH;
      lstmBackward(at, cp, cp + rowH, dh, dc);
      if (t > 0) gemm(R, U, G, at, G, 1, rt, U, dhp, U, false);
    } else if (cell == GRU) {
      gruBackwardZH(at, hp, dh, dhp);
      gemm(R, U, U, at + f4(2 * U), G, 1, rt + f4(2 * U * U), U, drh, U, false);
      gruBackwardR(at, hp, drh, dhp);
      if (t > 0) gemm(R, U, 2 * U, at, G, 1, rt, U, dhp, U, true);
    } else {
      rnnBackward(at, dh);
      if (t > 0) gemm(R, U, G, at, G, 1, rt, U, dhp, U, false);
    }
  }
  // Weight gradients over every step and row at once: Xᵀ·dA, H_{t−1}ᵀ·dA (and (r ⊙ h)ᵀ·dA_h for GRU), Σ dA.
  const TR = T * R;
  gemm(inl, G, TR, inputOf(l), 1, inl, a, G, pg(kOff(l)), G, true);
  gemm(U, direct(), TR, h, 1, U, a, G, pg(rOff(l)), G, true);
  if (cell == GRU) gemm(U, U, TR, rhs(l), 1, U, a + f4(2 * U), G, pg(rOff(l)) + f4(2 * U), G, true);
  sumRowsInto(a, TR, G, pg(bOff(l)));
  if (l > 0) gemm(TR, U, G, a, G, 1, kT(l), inl, dHout, U, false);
}

/**
 * After forward(): adds to grads the gradient of Σ_{b<n} (ŷ_b − y_b)² / denom and returns Σ_{b<n} (ŷ_b − y_b)².
 * Rows from n on are padding and contribute nothing.
 */
export function backward(n: i32, denom: f32): f64 {
  let loss: f64 = 0;
  for (let b = 0; b < R; b++) {
    const e = load<f32>(yhat + f4(b)) - load<f32>(ys + f4(b));
    if (b < n) loss += <f64>e * <f64>e;
    store<f32>(dys + f4(b), b < n ? (2 * e) / denom : 0);
  }
  const rowH = f4(R * U);
  const hT = hs(L - 1) + <usize>T * rowH;
  const wd = pw(wdOff);
  const dwd = pg(wdOff);
  let dbd: f32 = 0;
  memory.fill(dHa, 0, <usize>T * rowH);
  const last = dHa + <usize>(T - 1) * rowH;
  for (let b = 0; b < R; b++) {
    const d = load<f32>(dys + f4(b));
    dbd += d;
    const s = f32x4.splat(d);
    const hr = hT + <usize>b * f4(U);
    const lr = last + <usize>b * f4(U);
    for (let k = 0; k < U; k += 4) {
      v128.store(dwd + f4(k), f32x4.add(v128.load(dwd + f4(k)), f32x4.mul(s, v128.load(hr + f4(k)))));
      v128.store(lr + f4(k), f32x4.mul(s, v128.load(wd + f4(k))));
    }
  }
  store<f32>(pg(bdOff), load<f32>(pg(bdOff)) + dbd);
  let dIn = dHa;
  let dOut = dHb;
  for (let l = L - 1; l >= 0; l--) {
    layerBackward(l, dIn, dOut);
    const swap = dIn;
    dIn = dOut;
    dOut = swap;
  }
  return loss;
}

export function zeroGrads(): void {
  memory.fill(grads, 0, f4(P));
}

/** grads += the set at `from`, elementwise: shards' gradients are summed in a fixed order, whatever ran them. */
export function addGrads(from: usize): void {
  for (let i = 0; i < P; i += 4) {
    const o = f4(i);
    v128.store(grads + o, f32x4.add(v128.load(grads + o), v128.load(from + o)));
  }
}

/** One step of tf.train.adam's update; c1 = 1 − β1^t and c2 = 1 − β2^t come from the caller. */
export function adam(lr: f32, beta1: f32, beta2: f32, eps: f32, c1: f32, c2: f32): void {
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const o1 = f32x4.splat(1 - beta1);
  const o2 = f32x4.splat(1 - beta2);
  const k1 = f32x4.splat(c1);
  const k2 = f32x4.splat(c2);
  const e = f32x4.splat(eps);
  const nlr = f32x4.splat(-lr);
  for (let i = 0; i < P; i += 4) {
    const o = f4(i);
    const g = v128.load(grads + o);
    const m = f32x4.add(f32x4.mul(v128.load(adamM + o), b1), f32x4.mul(g, o1));
    const v = f32x4.add(f32x4.mul(v128.load(adamV + o), b2), f32x4.mul(f32x4.mul(g, g), o2));
    v128.store(adamM + o, m);
    v128.store(adamV + o, v);
    const step = f32x4.div(f32x4.div(m, k1), f32x4.add(f32x4.sqrt(f32x4.div(v, k2)), e));
    v128.store(params + o, f32x4.add(v128.load(params + o), f32x4.mul(step, nlr)));
  }
}
