/** Naive and seasonal-naive forecasts scored on the same validation targets as the model. */
import type { Baselines } from '../types';
import { metrics, naiveScale } from './metrics';

/** `targets` are series indices; seasonal naive falls back to naive where t − season is before the series. */
export function baselines(
  values: Float64Array,
  targets: ArrayLike<number>,
  splitIndex: number,
  season: number,
): Baselines {
  const actual = Array.from(targets, (t) => values[t]);
  const naive = Array.from(targets, (t) => values[t - 1]);
  const seasonal = Array.from(targets, (t) => values[t - season >= 0 ? t - season : t - 1]);
  const scale = naiveScale(values, splitIndex);
  return { naive: metrics(actual, naive, scale), seasonalNaive: metrics(actual, seasonal, scale), season };
}
