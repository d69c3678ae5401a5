/**
 * The validation check every single-series model gets: from evenly spaced validation origins the network forecasts
 * one season ahead (recursive.ts), and so do naive, seasonal naive and Theta, each fitted only on the rows before
 * the origin. What it yields:
 *  - the forecast SeqLab gives: the network alone ('off'), or the network and a plain method weighted by the inverse
 *    of their multi-step validation MSE (Bates & Granger 1969), so a network that extrapolates badly is pulled toward
 *    a method that cannot, in proportion to how badly it did. The partner is Theta ('theta') or, by default
 *    ('best'), whichever plain method scored best on the same origins the weight is fitted on: on strongly seasonal
 *    quarterly gas demand seasonal naive scored 1.7 MASE where Theta scored 4.6;
 *  - whether a plain method beat that forecast on the same origins, so no room presents a loser as a model;
 *  - the errors the conformal intervals are calibrated on.
 */
import { naiveForecast, seasonalNaiveForecast, Z80 } from '../eval/naiveForecasts';
import { fitTheta, thetaPredict } from '../eval/theta';
import type { FoldForecast } from '../eval/scoring';
import { CHECK_METHODS, MAX_ORIGINS, type CheckMethod, type ForecastCheck } from './checkTypes';

export { CHECK_METHODS, MAX_ORIGINS, type CheckMethod, type ForecastCheck } from './checkTypes';

const MAX_HORIZON = 48;
/** Theta is fitted on at most the latest rows before an origin: its SES level has long forgotten older ones. */
const THETA_SPAN = 5000;

/** Steps checked and calibrated: one season (10 without one), at most 48 and fewer than the validation rows. */
export function checkHorizon(season: number, valRows: number): number {
  return Math.max(1, Math.min(season > 1 ? season : 10, MAX_HORIZON, valRows - 1));
}

/** Up to `most` (MAX_ORIGINS) evenly spaced origins in [first, n); none when fewer than 4 rows are there. */
export function checkOrigins(n: number, first: number, most = MAX_ORIGINS): number[] {
  const span = n - first;
  if (span < 4) return [];
  const count = Math.min(most, MAX_ORIGINS, span);
  return Array.from({ length: count }, (_, i) => first + Math.floor((i * span) / count));
}

/** A plain method's forecast of `horizon` rows from `end` (rows before it known), its interval at normal quantile z. */
export function plainMethodForecast(
  method: CheckMethod,
  values: Float64Array,
  end: number,
  horizon: number,
  season: number,
  z = Z80,
): FoldForecast {
  if (method === 'naive') return naiveForecast(values, end, horizon, z);
  if (method === 'seasonalNaive') return seasonalNaiveForecast(values, end, horizon, season, z);
  const span = Math.min(end, THETA_SPAN);
  return thetaPredict(fitTheta(values.subarray(end - span, end), span, season), horizon, z);
}

/** A plain method's point forecast of `horizon` rows from `end`. */
export function plainForecast(
  method: CheckMethod,
  values: Float64Array,
  end: number,
  horizon: number,
  season: number,
): number[] {
  return plainMethodForecast(method, values, end, horizon, season).point;
}

/**
 * z with P(|Z| ≤ z) = level, by Abramowitz & Stegun 26.2.23 (error below 4.5e-4): enough for an interval's width.
 */
export function twoSidedZ(level: number): number {
  const p = (1 - level) / 2;
  const t = Math.sqrt(-2 * Math.log(p));
  return (
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3)
  );
}

/** w·network + (1 − w)·partner, step by step; per-step weights repeat their last past their end. */
export function combine(
  network: ArrayLike<number>,
  partner: ArrayLike<number>,
  weight: number | readonly number[],
): Float64Array {
  return Float64Array.from(network, (v, h) => {
    const w = typeof weight === 'number' ? weight : weight[Math.min(h, weight.length - 1)];
    return w === 1 ? v : w * v + (1 - w) * partner[h];
  });
}

/** Mean squared error at each step ahead over the origins that have that step's actual. */
function stepMse(
  values: Float64Array,
  origins: readonly number[],
  paths: ArrayLike<number>[],
  H: number,
): number[] {
  const sum = new Float64Array(H);
  const count = new Float64Array(H);
  origins.forEach((t, i) => {
    for (let h = 0; h < H && t + h < values.length; h++) {
      sum[h] += (values[t + h] - paths[i][h]) ** 2;
      count[h]++;
    }
  });
  return Array.from(sum, (s, h) => (count[h] ? s / count[h] : NaN));
}

/** Mean |actual − forecast| and mean squared error over the origins' steps that have an actual. */
function scoreOf(values: Float64Array, origins: readonly number[], paths: ArrayLike<number>[]) {
  let abs = 0;
  let sq = 0;
  let count = 0;
  origins.forEach((t, i) => {
    for (let h = 0; h < paths[i].length && t + h < values.length; h++) {
      const e = values[t + h] - paths[i][h];
      abs += Math.abs(e);
      sq += e * e;
      count++;
    }
  });
  return { mae: count ? abs / count : NaN, mse: count ? sq / count : NaN };
}

export interface CheckResult {
  check: ForecastCheck;
  /** The final forecast from each origin: what the conformal intervals are calibrated on. */
  final: Float64Array[];
}

/** Scores the network's forecasts from `origins` against the plain methods' and forms the final forecast. */
export function checkForecasts(
  values: Float64Array,
  origins: readonly number[],
  horizon: number,
  season: number,
  network: Float64Array[],
  combineWith: 'best' | 'theta' | 'off',
  /** The partner and its weight are fitted on the first `fitted` origins only (default all). */
  fitted = origins.length,
): CheckResult {
  const plain = Object.fromEntries(
    CHECK_METHODS.map((k) => [k, origins.map((t) => plainForecast(k, values, t, horizon, season))]),
  ) as Record<CheckMethod, number[][]>;
  const early = (paths: ArrayLike<number>[]) =>
    scoreOf(values, origins.slice(0, fitted), paths.slice(0, fitted));
  const partner: CheckMethod =
    combineWith === 'best'
      ? CHECK_METHODS.reduce((a, b) => (early(plain[b]).mse < early(plain[a]).mse ? b : a))
      : 'theta';
  const fit = origins.slice(0, fitted);
  const netSteps = stepMse(values, fit, network.slice(0, fitted), horizon);
  const partnerSteps = stepMse(values, fit, plain[partner].slice(0, fitted), horizon);
  const weights =
    combineWith === 'off'
      ? Array<number>(horizon).fill(1)
      : netSteps.map((n, h) => combinationWeight(n, partnerSteps[h]));
  const weight = weights.reduce((a, b) => a + b, 0) / horizon;
  const final = network.map((p, i) => combine(p, plain[partner][i], weights));
  const errors = {
    network: scoreOf(values, origins, network).mae,
    final: scoreOf(values, origins, final).mae,
    naive: scoreOf(values, origins, plain.naive).mae,
    seasonalNaive: scoreOf(values, origins, plain.seasonalNaive).mae,
    theta: scoreOf(values, origins, plain.theta).mae,
  };
  const best = CHECK_METHODS.reduce((a, b) => (errors[b] < errors[a] ? b : a));
  return {
    check: {
      origins: origins.length,
      horizon,
      errors,
      weight,
      ...(weight < 1 && { partner, weights }),
      ...(errors[best] < errors.final && { better: best }),
    },
    final,
  };
}

/** Inverse-MSE weight of the network against its partner; 1 (the network alone) when the partner has no score. */
export function combinationWeight(networkMse: number, thetaMse: number): number {
  if (!(thetaMse > 0) || !Number.isFinite(thetaMse)) return 1;
  if (!(networkMse > 0)) return 1;
  return 1 / networkMse / (1 / networkMse + 1 / thetaMse);
}
