/**
 * Turns a series into the model's working signal: optional first differences, scaled with training-only statistics,
 * plus the chronological split. Nothing here materialises windows; see batches.ts.
 */
import type { ScalerState, TrainConfig } from '../types';
import { fitScaler, scale, unscale, spread } from './scaler';

export interface Prepared {
  /** Scaled working signal: levels, or d[j] = v[j+1] - v[j] when differenced. */
  z: Float32Array;
  differenced: boolean;
  scaler: ScalerState;
  window: number;
  /** First series index whose value is a validation target; rows before it are training rows. */
  splitIndex: number;
  /** Series indices predicted by training windows and by validation windows. */
  trainTargets: Int32Array;
  valTargets: Int32Array;
  /** Values per time step of z (default 1); a step's first value is the target, the others are covariates. */
  features?: number;
}

/** Offset into z of the first input of the window that predicts series index t. */
export function windowStart(p: Pick<Prepared, 'differenced' | 'window' | 'features'>, t: number): number {
  return ((p.differenced ? t - 1 : t) - p.window) * (p.features ?? 1);
}

/** Index into z of the target for series index t. */
export function targetIndex(p: Pick<Prepared, 'differenced' | 'features'>, t: number): number {
  return (p.differenced ? t - 1 : t) * (p.features ?? 1);
}

/** First series index that has a full window before it. */
export function firstTarget(differenced: boolean, window: number): number {
  return differenced ? window + 1 : window;
}

export function splitIndexOf(n: number, validationSplit: number): number {
  return n - Math.max(1, Math.round(n * validationSplit));
}

function range(from: number, to: number): Int32Array {
  const out = new Int32Array(Math.max(0, to - from));
  for (let i = 0; i < out.length; i++) out[i] = from + i;
  return out;
}

export function workingSignal(values: Float64Array, differenced: boolean): Float64Array {
  if (!differenced) return values;
  const d = new Float64Array(Math.max(0, values.length - 1));
  for (let j = 0; j < d.length; j++) d[j] = values[j + 1] - values[j];
  return d;
}

/** Builds the working signal for a resolved config whose window and differencing are already decided. */
export function prepare(
  values: Float64Array,
  c: Pick<TrainConfig, 'scaler' | 'validationSplit'>,
  window: number,
  differenced: boolean,
): Prepared {
  const n = values.length;
  const splitIndex = splitIndexOf(n, c.validationSplit);
  const first = firstTarget(differenced, window);
  if (splitIndex - first < 2) {
    throw new Error(
      `the series has ${n} rows: too few for window ${window} with ${n - splitIndex} validation rows`,
    );
  }
  const w = workingSignal(values, differenced);
  // Training rows of the working signal: those computed from training values only.
  const scaler = fitScaler(c.scaler, w, differenced ? splitIndex - 1 : splitIndex);
  const z = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) z[i] = scale(scaler, w[i]);
  return {
    z,
    differenced,
    scaler,
    window,
    splitIndex,
    trainTargets: range(first, splitIndex),
    valTargets: range(Math.max(first, splitIndex), n),
  };
}

/** Scales one series with a stored scaler (for a loaded model). */
export function scaledSignal(values: Float64Array, scaler: ScalerState, differenced: boolean): Float32Array {
  const w = workingSignal(values, differenced);
  const z = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) z[i] = scale(scaler, w[i]);
  return z;
}

/** Maps the network's scaled output for target t back to a level in the series' units. */
export function toLevel(
  values: ArrayLike<number>,
  p: Pick<Prepared, 'differenced' | 'scaler'>,
  t: number,
  yScaled: number,
): number {
  return p.differenced ? values[t - 1] + unscale(p.scaler, yScaled) : unscale(p.scaler, yScaled);
}

export { spread };
