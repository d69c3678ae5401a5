/**
 * Multi-step naive and seasonal-naive forecasts with their intervals (Hyndman & Athanasopoulos, FPP3 §5.5): the
 * one-step residual spread σ widens as σ√h for naive and σ√(⌊(h−1)/m⌋+1) for seasonal naive.
 */
import type { FoldForecast } from './scoring';

/** z of the central 80% of a normal: the level coverage is measured at. */
export const Z80 = 1.2815515655446004;

function residualSd(values: ArrayLike<number>, end: number, lag: number): number {
  let s = 0;
  let n = 0;
  for (let i = lag; i < end; i++) {
    const e = values[i] - values[i - lag];
    s += e * e;
    n++;
  }
  return n ? Math.sqrt(s / n) : NaN;
}

/** Repeats the last value of values[0, end) `horizon` times. */
export function naiveForecast(
  values: ArrayLike<number>,
  end: number,
  horizon: number,
  z = Z80,
): FoldForecast {
  const last = values[end - 1];
  const sd = residualSd(values, end, 1);
  const half = (h: number) => z * sd * Math.sqrt(h);
  return {
    point: Array.from({ length: horizon }, () => last),
    lower: Array.from({ length: horizon }, (_, i) => last - half(i + 1)),
    upper: Array.from({ length: horizon }, (_, i) => last + half(i + 1)),
  };
}

/** Repeats the last full season of values[0, end); naive when there is no season or less than one season of data. */
export function seasonalNaiveForecast(
  values: ArrayLike<number>,
  end: number,
  horizon: number,
  season: number,
  z = Z80,
): FoldForecast {
  if (season <= 1 || end <= season) return naiveForecast(values, end, horizon, z);
  const sd = residualSd(values, end, season);
  const point = Array.from({ length: horizon }, (_, i) => values[end - season + (i % season)]);
  const half = (i: number) => z * sd * Math.sqrt(Math.floor(i / season) + 1);
  return {
    point,
    lower: point.map((p, i) => p - half(i)),
    upper: point.map((p, i) => p + half(i)),
  };
}
