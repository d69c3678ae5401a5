/** Point-forecast metrics in the series' own units. */
import type { Metrics } from '../types';

/**
 * MASE's scale, as Hyndman and Koehler define it: the in-sample naive MAE over the training range values[0, end).
 * With `lag` = the season it is the seasonal-naive MAE, M4's scale for seasonal series. A scale within 1e-9 of the
 * values' mean magnitude is floating-point noise (a sine sampled over whole periods) and counts as 0, so MASE is NaN
 * there rather than 10^14.
 */
export function naiveScale(values: ArrayLike<number>, end: number, lag = 1): number {
  if (end <= lag) return NaN;
  let s = 0;
  let mag = 0;
  for (let i = lag; i < end; i++) {
    s += Math.abs(values[i] - values[i - lag]);
    mag += Math.abs(values[i]);
  }
  return s <= 1e-9 * mag ? 0 : s / (end - lag);
}

/**
 * `scale` is naiveScale of the training range. MAPE skips zero actuals (and those within 1e-9 of zero relative to the
 * mean magnitude, such as sin(π) in floating point) and is NaN if all are zero.
 */
export function metrics(actual: ArrayLike<number>, predicted: ArrayLike<number>, scale: number): Metrics {
  const n = actual.length;
  let mag = 0;
  for (let i = 0; i < n; i++) mag += Math.abs(actual[i]) / n;
  const zero = 1e-9 * mag;
  let ae = 0;
  let se = 0;
  let ape = 0;
  let apeN = 0;
  let sape = 0;
  let sapeN = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i] - predicted[i];
    ae += Math.abs(e);
    se += e * e;
    if (Math.abs(actual[i]) > zero) {
      ape += Math.abs(e / actual[i]);
      apeN++;
    }
    const den = Math.abs(actual[i]) + Math.abs(predicted[i]);
    if (den !== 0) sape += (2 * Math.abs(e)) / den;
    sapeN++;
  }
  const mae = ae / n;
  const mse = se / n;
  return {
    mae,
    mse,
    rmse: Math.sqrt(mse),
    mape: apeN ? (100 * ape) / apeN : NaN,
    smape: sapeN ? (100 * sape) / sapeN : NaN,
    mase: scale > 0 ? mae / scale : NaN,
  };
}
