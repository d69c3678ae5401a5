/**
 * Saliency: ∂(one-step forecast)/∂(each input value), in the series' own units. The network's part, ∂y/∂z for the
 * scaled inputs z, comes from batched central differences through the net's own predict (2·T windows per window in
 * one call; no input-gradient export in the kernel). The chain rule then maps it to values: scaling cancels (the
 * forecast is de-scaled by the factor the inputs were scaled by), and with differencing, value v_k enters d_{k-1} = v_k -
 * v_{k-1} and d_k = v_{k+1} - v_k, and the forecast v_{t-1} + Δ̂ also holds the last value directly. A removed
 * multiplicative season scales each input by 1/index of its row and the forecast by the index of its own row.
 */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import { ModelMismatchError } from '../forecast/forecast';
import { scale, unscale } from '../windows/scaler';
import { removalSlope, seasonAt, withoutSeason } from '../forecast/seasonFree';
import { explainInput, inputRows, inputsFor, spread, type ExplainInput } from './windows';

/**
 * Step in scaled units: f32 inputs near 1 round at ~6e-8 and a prediction at ~1e-7, so 2^-7 keeps the rounding error
 * near 1e-5 while the O(h²) truncation error stays about as small for these smooth cells. A power of two keeps z ± h
 * exact for |z| < 2.
 */
const STEP = 2 ** -7;
/** Windows per predict call: 2·T perturbed copies each. */
const CHUNK = 256;
/** Validation windows averaged over at most, spread evenly: 2·T predictions each, so this bounds the cost. */
export const MAX_SALIENCY_WINDOWS = 100;

/** ∂y/∂z for each window: [count, T] row-major, y and z scaled. `windows` is [count, T] row-major. */
export function inputGradients(model: ModelHandle, windows: Float32Array, count: number): Float64Array {
  const T = model.net.spec.window;
  const out = new Float64Array(count * T);
  for (let from = 0; from < count; from += CHUNK) {
    const n = Math.min(CHUNK, count - from);
    const buf = new Float32Array(n * 2 * T * T);
    const dz = new Float64Array(n * T);
    for (let b = 0; b < n; b++) {
      const base = windows.subarray((from + b) * T, (from + b + 1) * T);
      for (let p = 0; p < T; p++) {
        const plus = (b * T + p) * 2 * T;
        buf.set(base, plus);
        buf.set(base, plus + T);
        buf[plus + p] = base[p] + STEP;
        buf[plus + T + p] = base[p] - STEP;
        dz[b * T + p] = buf[plus + p] - buf[plus + T + p];
      }
    }
    const y = model.net.predict(buf, n * 2 * T);
    for (let i = 0; i < n * T; i++) out[from * T + i] = (y[2 * i] - y[2 * i + 1]) / dz[i];
  }
  return out;
}

/** Maps one window's ∂y/∂z (length T) to ∂forecast/∂value by lag: result[ℓ - 1] for lag ℓ = 1 (latest) … T (+1). */
export function valueGradient(g: ArrayLike<number>, differenced: boolean): number[] {
  const T = g.length;
  if (!differenced) return Array.from({ length: T }, (_, l) => g[T - 1 - l]);
  // Lag ℓ is value t - ℓ: it ends difference d at window position T - ℓ and starts the one at T - ℓ + 1.
  return Array.from({ length: T + 1 }, (_, l) => {
    const lag = l + 1;
    const ends = T - lag >= 0 ? g[T - lag] : 0;
    const starts = lag >= 2 ? g[T - lag + 1] : 0;
    return (lag === 1 ? 1 : 0) + ends - starts;
  });
}

export interface Saliency {
  /** 'window': the gradient of one window; 'validation': mean |gradient| over the validation windows. */
  mode: 'window' | 'validation';
  /** The target row (series index) of the window, or of the last validation window. */
  target: number;
  /** Windows the values summarise. */
  windows: number;
  /** By lag: value[ℓ - 1] for lag ℓ (1 = the latest input). */
  value: number[];
  /** Occlusion by lag: the change of the forecast when that input is replaced by its local mean (mean |change|). */
  occlusion: number[];
  /** The lag with the largest |value|. */
  peakLag: number;
}

/** Target row of the window whose first value is row `start` (the Hidden States view's window index). */
export function targetOfStart(x: ExplainInput, start: number): number {
  return start + x.window;
}

/**
 * Saliency of the window starting at row `windowAt` (as probeHidden counts), or the mean |gradient| over the
 * validation windows (at most MAX_SALIENCY_WINDOWS, spread evenly) when it is undefined.
 */
export function saliency(model: ModelHandle, series: Series, windowAt?: number): Saliency {
  const x = explainInput(model, series);
  const n = x.values.length;
  let targets: Int32Array;
  if (windowAt !== undefined) {
    const t = targetOfStart(x, windowAt);
    if (!Number.isInteger(windowAt) || t < x.first || t > n)
      throw new ModelMismatchError(
        `window row ${windowAt} is out of range: a window starts at row ${x.first - x.window} to ${n - x.window}`,
      );
    targets = Int32Array.of(t);
  } else {
    targets = spread(Math.max(x.first, model.meta.splitIndex), n + 1, MAX_SALIENCY_WINDOWS);
  }
  const T = x.window;
  const windows = new Float32Array(targets.length * T);
  targets.forEach((t, b) => windows.set(inputsFor(x, t), b * T));
  const g = inputGradients(model, windows, targets.length);
  const L = inputRows(x);
  const value = new Array<number>(L).fill(0);
  for (let b = 0; b < targets.length; b++) {
    const t = targets[b];
    const v = valueGradient(g.subarray(b * T, (b + 1) * T), x.differenced).map(
      (d, l) => (d * removalSlope(x.removal, t - l - 1)) / removalSlope(x.removal, t),
    );
    for (let l = 0; l < L; l++) value[l] += targets.length === 1 ? v[l] : Math.abs(v[l]) / targets.length;
  }
  let peakLag = 1;
  value.forEach((v, l) => {
    if (Math.abs(v) > Math.abs(value[peakLag - 1])) peakLag = l + 1;
  });
  return {
    mode: windowAt === undefined ? 'validation' : 'window',
    target: targets[targets.length - 1],
    windows: targets.length,
    value,
    occlusion: occlusion(x, targets),
    peakLag,
  };
}

/**
 * Replaces each input value in turn by the mean of its up-to-two neighbours on each side inside the window, and returns
 * the (mean absolute, over several windows) change of the forecast by lag.
 */
export function occlusion(x: ExplainInput, targets: Int32Array): number[] {
  const { model } = x;
  const m = model.meta;
  const L = inputRows(x);
  const T = x.window;
  const out = new Array<number>(L).fill(0);
  for (let from = 0; from < targets.length; from += CHUNK) {
    const part = targets.subarray(from, Math.min(targets.length, from + CHUNK));
    const buf = new Float32Array(part.length * (L + 1) * T);
    const last = new Float64Array(part.length * (L + 1));
    part.forEach((t, b) => {
      const rows = x.values.slice(t - L, t);
      for (let v = 0; v <= L; v++) {
        const occluded = Float64Array.from(rows);
        if (v < L) occluded[L - 1 - v] = localMean(rows, L - 1 - v);
        const vals = withoutSeason(occluded, x.removal, t - L);
        const at = (b * (L + 1) + v) * T;
        for (let p = 0; p < T; p++) {
          const w = x.differenced ? vals[p + 1] - vals[p] : vals[p];
          buf[at + p] = scale(m.scaler, w);
        }
        last[b * (L + 1) + v] = vals[L - 1];
      }
    });
    const y = model.net.predict(buf, part.length * (L + 1));
    const level = (i: number) =>
      seasonAt(levelOf(x, y[i], last[i]), x.removal, part[Math.floor(i / (L + 1))]);
    for (let b = 0; b < part.length; b++) {
      const base = level(b * (L + 1) + L);
      for (let v = 0; v < L; v++) {
        const d = level(b * (L + 1) + v) - base;
        out[v] += targets.length === 1 ? d : Math.abs(d) / targets.length;
      }
    }
  }
  return out;
}

function localMean(rows: Float64Array, k: number): number {
  let s = 0;
  let c = 0;
  for (let j = Math.max(0, k - 2); j <= Math.min(rows.length - 1, k + 2); j++) {
    if (j === k) continue;
    s += rows[j];
    c++;
  }
  return c > 0 ? s / c : rows[k];
}

function levelOf(x: ExplainInput, y: number, lastValue: number): number {
  const d = unscale(x.model.meta.scaler, y);
  return x.differenced ? lastValue + d : d;
}
