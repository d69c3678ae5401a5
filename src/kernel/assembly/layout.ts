// Where everything lives in linear memory, decided once per network shape by configure(). Units, inputs and rows
// are padded to multiples of 4 with zeros: zero weights and zero inputs keep padded units at exactly 0 in every
// cell and give them exactly zero gradients, so padding changes no real value and the products need no edge cases.

export const RNN: i32 = 0;
export const GRU: i32 = 1;
export const LSTM: i32 = 2;
export const MAX_LAYERS: i32 = 3;

export let cell: i32 = 0;
export let L: i32 = 0;
/** Units, padded. */
export let U: i32 = 0;
/** Gates × padded units: the width of a layer's pre-activations. */
export let G: i32 = 0;
export let T: i32 = 0;
/** Rows (windows) per pass, padded. */
export let R: i32 = 0;
/** Layer 0's inputs per step, padded. */
export let IN0: i32 = 0;
/** Parameter count (padded layout), a multiple of 4. */
export let P: i32 = 0;

export let params: usize = 0;
export let grads: usize = 0;
export let adamM: usize = 0;
export let adamV: usize = 0;
export let xs: usize = 0;
export let ys: usize = 0;
export let yhat: usize = 0;
export let dys: usize = 0;
export let dHa: usize = 0;
export let dHb: usize = 0;
export let dh: usize = 0;
export let dhp: usize = 0;
export let dc: usize = 0;
export let drh: usize = 0;

// Per-layer pointers, MAX_LAYERS slots per kind. It lives in this instance's own region, not in static data, because
// instances that share one memory (threads) must not share it.
const KINDS: i32 = 9;
let TABLE: usize = 0;
const K_OFF: i32 = 0;
const R_OFF: i32 = 1;
const B_OFF: i32 = 2;
const KT: i32 = 3;
const RT: i32 = 4;
const H: i32 = 5;
const C: i32 = 6;
const A: i32 = 7;
const RH: i32 = 8;
export let wdOff: i32 = 0;
export let bdOff: i32 = 0;

@inline function slot(kind: i32, l: i32): usize {
  return TABLE + (<usize>(kind * MAX_LAYERS + l) << 2);
}
@inline function get(kind: i32, l: i32): usize {
  return load<usize>(slot(kind, l));
}

/** Element offsets into params (and grads, m, v). */
export function kOff(l: i32): i32 { return <i32>get(K_OFF, l); }
export function rOff(l: i32): i32 { return <i32>get(R_OFF, l); }
export function bOff(l: i32): i32 { return <i32>get(B_OFF, l); }
/** Byte pointers to per-layer buffers. */
export function kT(l: i32): usize { return get(KT, l); }
export function rT(l: i32): usize { return get(RT, l); }
/** h_t as [T+1, R, U]; row block 0 is the zero initial state. */
export function hs(l: i32): usize { return get(H, l); }
/** c_t likewise (LSTM). */
export function cs(l: i32): usize { return get(C, l); }
/** Post-activation gates [T, R, G]; backward() overwrites them with the pre-activation gradients. */
export function acts(l: i32): usize { return get(A, l); }
/** GRU: r ⊙ h_{t-1} as [T, R, U]. */
export function rhs(l: i32): usize { return get(RH, l); }
export function inOf(l: i32): i32 { return l == 0 ? IN0 : U; }

@inline function up4(n: i32): i32 { return (n + 3) & ~3; }

let top: usize = 0;
function take(floats: i32): usize {
  const p = top;
  top += (<usize>floats << 2);
  top = (top + 15) & ~15;
  return p;
}

/**
 * Lays out a network from byte `base` on (0: this module's heap base); returns the end of what it uses, or -1 when
 * memory cannot grow that far. With `sharedParams` != 0 the weights are another instance's (same shape), and this
 * one holds only its own gradients and activations: a data-parallel shard in a shared memory.
 */
export function configure(cellType: i32, layers: i32, units: i32, window: i32, rows: i32, features: i32, base: usize, sharedParams: usize): f64 {
  cell = cellType;
  L = layers;
  U = up4(units);
  G = (cell == LSTM ? 4 : cell == GRU ? 3 : 1) * U;
  T = window;
  R = up4(rows);
  IN0 = up4(features);
  top = ((base ? base : __heap_base) + 15) & ~15;
  TABLE = take(KINDS * MAX_LAYERS);
  if (!reach(top)) return -1;
  let off = 0;
  for (let l = 0; l < L; l++) {
    store<usize>(slot(K_OFF, l), off);
    off += inOf(l) * G;
    store<usize>(slot(R_OFF, l), off);
    off += U * G;
    store<usize>(slot(B_OFF, l), off);
    off += G;
  }
  wdOff = off;
  off += U;
  bdOff = off;
  off += 4;
  P = off;
  if (sharedParams) {
    params = sharedParams;
    grads = take(P);
    adamM = 0;
    adamV = 0;
  } else {
    params = take(P);
    grads = take(P);
    adamM = take(P);
    adamV = take(P);
  }
  const TR = T * R;
  for (let l = 0; l < L; l++) {
    store<usize>(slot(KT, l), take(G * inOf(l)));
    store<usize>(slot(RT, l), take(G * U));
    store<usize>(slot(H, l), take((T + 1) * R * U));
    store<usize>(slot(C, l), cell == LSTM ? take((T + 1) * R * U) : 0);
    store<usize>(slot(A, l), take(TR * G));
    store<usize>(slot(RH, l), cell == GRU ? take(TR * U) : 0);
  }
  xs = take(TR * IN0);
  ys = take(R);
  yhat = take(R);
  dys = take(R);
  dHa = take(TR * U);
  dHb = take(TR * U);
  dh = take(R * U);
  dhp = take(R * U);
  dc = take(R * U);
  drh = take(R * U);
  if (!reach(top)) return -1;
  memory.fill(grads, 0, <usize>P << 2);
  if (!sharedParams) memory.fill(params, 0, <usize>(4 * P) << 2);
  return <f64>top;
}

function reach(end: usize): bool {
  const need = <i64>end;
  const have = <i64>memory.size() << 16;
  if (need <= have) return true;
  return memory.grow(<i32>((need - have + 0xffff) >> 16)) >= 0;
}

/** Room for one more gradient set past this layout: a second shard run on the same thread sums into it. */
export function allocGrads(): usize {
  const p = take(P);
  if (!reach(top)) return 0;
  memory.fill(p, 0, <usize>P << 2);
  return p;
}

/** Points backward() and zeroGrads() at another gradient set. */
export function useGrads(p: usize): void {
  grads = p;
}

/** End of this instance's region. */
export function end(): usize {
  return top;
}
