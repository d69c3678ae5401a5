/** Scores of one model's forecasts on the backtest's folds: per fold, means over folds, and MAE per step ahead. */
import type { BacktestFold, BacktestScore } from '../types';
import { metrics, naiveScale } from '../forecast/metrics';

/** A model's forecast for one fold: `horizon` points and, where the model gives one, the 80% interval's bounds. */
export interface FoldForecast {
  point: number[];
  lower?: number[];
  upper?: number[];
}

/**
 * M4's MASE scale for a fold: the in-sample seasonal-naive MAE of its training part values[0, origin) (naive when
 * there is no season, or too little data for one).
 */
export function foldScale(values: ArrayLike<number>, origin: number, season: number): number {
  return naiveScale(values, origin, season > 1 && origin > season ? season : 1);
}

/** One fold's metrics; a model that failed on the fold (`f` is an Error) gets NaN metrics and the reason. */
export function scoreFold(
  values: ArrayLike<number>,
  origin: number,
  horizon: number,
  season: number,
  f: FoldForecast | Error,
): BacktestFold {
  if (f instanceof Error)
    return {
      origin,
      mae: NaN,
      rmse: NaN,
      smape: NaN,
      mase: NaN,
      coverage: null,
      forecast: [],
      error: f.message,
    };
  const actual = Array.prototype.slice.call(values, origin, origin + horizon) as number[];
  const m = metrics(actual, f.point, foldScale(values, origin, season));
  let inside = 0;
  const { lower, upper } = f;
  if (lower && upper) actual.forEach((a, i) => (inside += a >= lower[i] && a <= upper[i] ? 1 : 0));
  return {
    origin,
    mae: m.mae,
    rmse: m.rmse,
    smape: m.smape,
    mase: m.mase,
    coverage: lower && upper ? inside / horizon : null,
    forecast: f.point,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Means over the folds the model forecast (M4 averages MASE the same way), and MAE per step over those folds. */
export function summarise(
  values: ArrayLike<number>,
  horizon: number,
  perFold: BacktestFold[],
): BacktestScore {
  const ok = perFold.filter((f) => f.error === undefined);
  const covered = ok.filter((f) => f.coverage !== null).map((f) => f.coverage as number);
  const perStep = Array.from({ length: horizon }, (_, h) =>
    mean(ok.map((f) => Math.abs(values[f.origin + h] - f.forecast[h]))),
  );
  return {
    mae: mean(ok.map((f) => f.mae)),
    rmse: mean(ok.map((f) => f.rmse)),
    smape: mean(ok.map((f) => f.smape)),
    mase: mean(ok.map((f) => f.mase)),
    coverage: covered.length ? mean(covered) : null,
    perFold,
    perStep,
  };
}
