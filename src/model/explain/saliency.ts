/**
 * Saliency: ∂(one-step forecast)/∂(each input value), in the series' own units. The network's part, ∂y/∂z for the
 * scaled inputs z, comes from batched central differences through the net's own predict (2·T·F windows per window in
 * one call; no input-gradient export in the kernel). The chain rule then maps it to values: the forecast is de-scaled
 * by the series' spread and input f was scaled by its own, so ∂/∂value = ∂y/∂z · spread₀ / spread_f (1 for the series
 * itself); with differencing, value v_k enters d_{k-1} = v_k - v_{k-1} and d_k = v_{k+1} - v_k, and the forecast
 * v_{t-1} + Δ̂ also holds the series' last value directly. A removed multiplicative season scales each of the series'
 * inputs by 1/index of its row and the forecast by the index of its own row.
 */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import { ModelMismatchError } from '../forecast/forecast';
import { spread as spreadOf } from '../windows/scaler';
import { removalSlope, seasonAt } from '../forecast/seasonFree';
import { unscale } from '../windows/scaler';
import { occlusion } from './occlusion';
import { explainInput, inputRows, inputsFor, spread, type ExplainInput } from './windows';

/**
 * Step in scaled units: f32 inputs near 1 round at ~6e-8 and a prediction at ~1e-7, so 2^-7 keeps the rounding error
 * near 1e-5 while the O(h²) truncation error stays about as small for these smooth cells. A power of two keeps z ± h
 * exact for |z| < 2.
 */
const STEP = 2 ** -7;
/** Windows per predict call: 2·T·F perturbed copies each. */
const CHUNK = 128;
/** Validation windows averaged over at most, spread evenly: 2·T·F predictions each, so this bounds the cost. */
export const MAX_SALIENCY_WINDOWS = 100;

/** ∂y/∂z for each window: [count, T·F] row-major, y and z scaled. `windows` is [count, T, F] row-major. */
export function inputGradients(model: ModelHandle, windows: Float32Array, count: number): Float64Array {
  const P = model.net.spec.window * model.net.spec.features;
  const out = new Float64Array(count * P);
  for (let from = 0; from < count; from += CHUNK) {
    const n = Math.min(CHUNK, count - from);
    const buf = new Float32Array(n * 2 * P * P);
    const dz = new Float64Array(n * P);
    for (let b = 0; b < n; b++) {
      const base = windows.subarray((from + b) * P, (from + b + 1) * P);
      for (let p = 0; p < P; p++) {
        const plus = (b * P + p) * 2 * P;
        buf.set(base, plus);
        buf.set(base, plus + P);
        buf[plus + p] = base[p] + STEP;
        buf[plus + P + p] = base[p] - STEP;
        dz[b * P + p] = buf[plus + p] - buf[plus + P + p];
      }
    }
    const y = model.net.predict(buf, n * 2 * P);
    for (let i = 0; i < n * P; i++) out[from * P + i] = (y[2 * i] - y[2 * i + 1]) / dz[i];
  }
  return out;
}

/**
 * Maps one input's ∂y/∂z along the window (length T) to ∂forecast/∂value by lag: result[ℓ - 1] for lag ℓ = 1
 * (latest) … T (+1). `direct`: the input is the series itself, whose last value a differenced forecast adds to.
 */
export function valueGradient(g: ArrayLike<number>, differenced: boolean, direct = true): number[] {
  const T = g.length;
  if (!differenced) return Array.from({ length: T }, (_, l) => g[T - 1 - l]);
  // Lag ℓ is value t - ℓ: it ends difference d at window position T - ℓ and starts the one at T - ℓ + 1.
  return Array.from({ length: T + 1 }, (_, l) => {
    const lag = l + 1;
    const ends = T - lag >= 0 ? g[T - lag] : 0;
    const starts = lag >= 2 ? g[T - lag + 1] : 0;
    return (lag === 1 && direct ? 1 : 0) + ends - starts;
  });
}

/** One covariate's saliency, by lag like the series' own. */
export interface CovariateSaliency {
  feature: string;
  value: number[];
  occlusion: number[];
  peakLag: number;
}

export interface Saliency {
  /** 'window': the gradient of one window; 'validation': mean |gradient| over the validation windows. */
  mode: 'window' | 'validation';
  /** The target row (series index) of the window, or of the last validation window. */
  target: number;
  /** Windows the values summarise. */
  windows: number;
  /** The series' own values by lag: value[ℓ - 1] for lag ℓ (1 = the latest input). */
  value: number[];
  /** Occlusion by lag: the change of the forecast when that input is replaced by its local mean (mean |change|). */
  occlusion: number[];
  /** The lag with the largest |value| of the series' own values. */
  peakLag: number;
  /** Each covariate's rows (models trained with features). */
  covariates?: CovariateSaliency[];
  /**
   * The input the forecast leans on most, over the series and its covariates: the largest |gradient| per scaled unit
   * (|value| · the input's spread), since inputs in different units compare only that way. No feature: the series.
   */
  leans: { feature?: string; lag: number };
}

/** The model's one-step forecast of each target, in the series' units. */
function forecastLevels(
  x: ExplainInput,
  model: ModelHandle,
  windows: Float32Array,
  targets: Int32Array,
): number[] {
  const y = model.net.predict(windows, targets.length);
  const scaler = x.scalers[0];
  return Array.from(targets, (t, b) => {
    const step = unscale(scaler, y[b]);
    return seasonAt(x.differenced ? x.net[t - 1] + step : step, x.removal, t);
  });
}

/** Target row of the window whose first value is row `start` (the Hidden States view's window index). */
export function targetOfStart(x: ExplainInput, start: number): number {
  return start + x.window;
}

const peakOf = (v: number[]): number =>
  v.reduce((best, a, l) => (Math.abs(a) > Math.abs(v[best]) ? l : best), 0) + 1;

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
    targets = spread(Math.max(x.first, x.splitIndex), n + 1, MAX_SALIENCY_WINDOWS);
  }
  const { window: T, features: F } = x;
  const windows = new Float32Array(targets.length * T * F);
  targets.forEach((t, b) => windows.set(inputsFor(x, t), b * T * F));
  const g = inputGradients(model, windows, targets.length);
  // Under a log the forecast leaves as exp(·): its slope is the forecast itself, so the forecasts are needed too.
  const forecasts = x.removal?.log ? forecastLevels(x, model, windows, targets) : undefined;
  const L = inputRows(x);
  const values = Array.from({ length: F }, () => new Array<number>(L).fill(0));
  const col = new Float64Array(T);
  for (let b = 0; b < targets.length; b++) {
    const t = targets[b];
    // A removed season: the series' input at row k enters as v_k / index_k, the forecast leaves times index_t.
    const out = removalSlope(x.removal, t, forecasts?.[b] ?? 1);
    for (let f = 0; f < F; f++) {
      const factor = f === 0 ? 1 : spreadOf(x.scalers[0]) / spreadOf(x.scalers[f]);
      for (let p = 0; p < T; p++) col[p] = g[(b * T + p) * F + f] * factor;
      const v = valueGradient(col, x.differenced, f === 0).map(
        (d, l) => (d * (f === 0 ? removalSlope(x.removal, t - l - 1, x.values[t - l - 1]) : 1)) / out,
      );
      for (let l = 0; l < L; l++)
        values[f][l] += targets.length === 1 ? v[l] : Math.abs(v[l]) / targets.length;
    }
  }
  const occ = occlusion(x, targets);
  let leans = { f: 0, lag: peakOf(values[0]), size: 0 };
  values.forEach((v, f) => {
    const lag = peakOf(v);
    const size = Math.abs(v[lag - 1]) * spreadOf(x.scalers[f]);
    if (size > leans.size) leans = { f, lag, size };
  });
  return {
    mode: windowAt === undefined ? 'validation' : 'window',
    target: targets[targets.length - 1],
    windows: targets.length,
    value: values[0],
    occlusion: occ[0],
    peakLag: peakOf(values[0]),
    ...(F > 1 && {
      covariates: values.slice(1).map((value, i) => ({
        feature: x.names[i + 1],
        value,
        occlusion: occ[i + 1],
        peakLag: peakOf(value),
      })),
    }),
    leans: { ...(leans.f > 0 && { feature: x.names[leans.f] }), lag: leans.lag },
  };
}
