/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000) in its SES-with-drift form (Hyndman & Billah 2003),
 * as statsmodels' ThetaModel computes it with its defaults (theta 2, OLS/SES estimation):
 *   1. the season is tested at lag m: n·r_m² / Σ_{k<m} r_k² > χ²₁(0.90) = 2.7055;
 *   2. if seasonal, classical decomposition (centred moving average), multiplicative when the series is positive and
 *      every seasonal index is, additive otherwise; the series is divided (or reduced) by its indices;
 *   3. b₀ = the OLS slope on t = 0…n−1; α minimises SES's one-step squared error with ℓ₀ = y₀;
 *   4. ŷ(n+h) = ℓₙ + ½·b₀·(h − 1 + 1/α − (1−α)ⁿ/α), reseasonalised.
 * The interval is SES's: σ²(1 + (h−1)α²) (Hyndman et al. 2008, class 1), σ² the mean squared one-step error.
 */
import { acf } from '../forecast/season';
import type { FoldForecast } from './scoring';
import { Z80 } from './naiveForecasts';

export interface ThetaFit {
  alpha: number;
  b0: number;
  /** ℓₙ, the SES level after the last value (deseasonalised). */
  level: number;
  /** Mean squared one-step SES error (deseasonalised). */
  sigma2: number;
  n: number;
  /** Seasonal index per phase t mod m, or null when not deseasonalised. */
  seasonal: number[] | null;
  method: 'mul' | 'add';
}

/** χ²₁ at 90%: statsmodels' and M4's 10% test of the seasonal autocorrelation. */
const SEASON_CRITICAL = 2.705543454095404;

/** statsmodels' test of whether lag m's autocorrelation differs from zero. */
export function isSeasonal(y: ArrayLike<number>, m: number): boolean {
  let den = 0;
  for (let k = 0; k < m; k++) den += acf(y, k) ** 2;
  return (y.length * acf(y, m) ** 2) / den > SEASON_CRITICAL;
}

/** Classical decomposition's seasonal indices per phase (statsmodels seasonal_decompose, two-sided MA). */
export function seasonalIndices(y: ArrayLike<number>, m: number, method: 'mul' | 'add'): number[] {
  const n = y.length;
  // A 2×m MA for even m (weights ½,1,…,1,½ over m+1 values), an m MA for odd m.
  const w =
    m % 2 === 0
      ? [0.5, ...Array<number>(m - 1).fill(1), 0.5].map((x) => x / m)
      : Array<number>(m).fill(1 / m);
  const half = (w.length - 1) / 2;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    for (let j = 0; j < w.length; j++) trend += w[j] * y[t - half + j];
    sums[t % m] += method === 'mul' ? y[t] / trend : y[t] - trend;
    counts[t % m]++;
  }
  const avg = Array.from(sums, (s, i) => s / counts[i]);
  const centre = avg.reduce((a, b) => a + b, 0) / m;
  return avg.map((a) => (method === 'mul' ? a / centre : a - centre));
}

/** Sum of squared one-step SES errors with ℓ₀ = y₀, and the final level. */
function ses(y: ArrayLike<number>, alpha: number): { sse: number; level: number } {
  let level = y[0];
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - level;
    sse += e * e;
    level += alpha * e;
  }
  return { sse, level };
}

const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 1 - 1e-4;

/** α minimising SES's squared error: a grid finds the basin, golden-section search refines it. */
export function fitAlpha(y: ArrayLike<number>): number {
  const grid = 50;
  const at = (i: number) => ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / grid;
  let best = 0;
  for (let i = 1; i <= grid; i++) if (ses(y, at(i)).sse < ses(y, at(best)).sse) best = i;
  let a = at(Math.max(0, best - 1));
  let b = at(Math.min(grid, best + 1));
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  while (b - a > 1e-10) {
    if (ses(y, c).sse < ses(y, d).sse) b = d;
    else a = c;
    c = b - g * (b - a);
    d = a + g * (b - a);
  }
  return (a + b) / 2;
}

/** Fits Theta on values[0, end). `alpha` fixes α instead of estimating it (for hand-checked tests). */
export function fitTheta(values: ArrayLike<number>, end: number, season: number, alpha?: number): ThetaFit {
  const y = Float64Array.from(Array.prototype.slice.call(values, 0, end) as number[]);
  const n = y.length;
  let method: 'mul' | 'add' = y.every((v) => v > 0) ? 'mul' : 'add';
  let seasonal: number[] | null = null;
  if (season > 1 && n >= 2 * season && isSeasonal(y, season)) {
    seasonal = seasonalIndices(y, season, method);
    if (method === 'mul' && Math.min(...seasonal) <= 0) {
      method = 'add';
      seasonal = seasonalIndices(y, season, method);
    }
    const s = seasonal;
    y.forEach((v, t) => (y[t] = method === 'mul' ? v / s[t % season] : v - s[t % season]));
  }
  // OLS slope on t = 0…n−1.
  const tMean = (n - 1) / 2;
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, t) => {
    sxy += (t - tMean) * (v - yMean);
    sxx += (t - tMean) ** 2;
  });
  const b0 = sxx > 0 ? sxy / sxx : 0;
  const a = alpha ?? fitAlpha(y);
  const s = ses(y, a);
  return { alpha: a, b0, level: s.level, sigma2: s.sse / n, n, seasonal, method };
}

/** The fitted Theta's forecast `horizon` steps past its data, with the interval at normal quantile z (80%). */
export function thetaPredict(fit: ThetaFit, horizon: number, z = Z80): FoldForecast {
  const { alpha, b0, level, sigma2, n, seasonal, method } = fit;
  const drift = (h: number) => h - 1 + 1 / alpha - (1 - alpha) ** n / alpha;
  const point: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const f = level + 0.5 * b0 * drift(h);
    const half = z * Math.sqrt(sigma2 * (1 + (h - 1) * alpha * alpha));
    const idx = seasonal ? seasonal[(n + h - 1) % seasonal.length] : method === 'mul' ? 1 : 0;
    const put = (v: number) => (method === 'mul' ? v * idx : v + idx);
    point.push(put(f));
    // A multiplicative index is positive, so it keeps the bounds' order.
    lower.push(put(f - half));
    upper.push(put(f + half));
  }
  return { point, lower, upper };
}

export function thetaForecast(
  values: ArrayLike<number>,
  end: number,
  horizon: number,
  season: number,
): FoldForecast {
  return thetaPredict(fitTheta(values, end, season), horizon);
}
