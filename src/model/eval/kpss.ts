/**
 * How many first differences make a series level-stationary, by the KPSS test at 5% (Kwiatkowski et al. 1992), as
 * R's forecast::ndiffs decides d for auto.arima. The `arima` package's own choice often keeps d = 0 on a plainly
 * trending series and then forecasts its mean, so SeqLab decides d itself.
 */

/** KPSS's critical value for level stationarity at 5%. */
export const KPSS_CRITICAL_5 = 0.463;

/** The KPSS level-stationarity statistic with Newey–West variance over ⌊4·(n/100)^¼⌋ lags (urca's "short"). */
export function kpssStatistic(y: ArrayLike<number>): number {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] / n;
  const e = Float64Array.from({ length: n }, (_, i) => y[i] - mean);
  let s = 0;
  let eta = 0;
  for (let i = 0; i < n; i++) {
    s += e[i];
    eta += s * s;
  }
  eta /= n * n;
  const lags = Math.floor(4 * (n / 100) ** 0.25);
  let lrv = 0;
  for (let i = 0; i < n; i++) lrv += e[i] * e[i];
  for (let k = 1; k <= lags; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += e[t] * e[t - k];
    lrv += 2 * (1 - k / (lags + 1)) * c;
  }
  lrv /= n;
  return lrv > 0 ? eta / lrv : 0;
}

/** 0, 1 or 2: differences until KPSS no longer rejects (at most `max`). */
export function ndiffs(y: ArrayLike<number>, max = 2): number {
  let x = Array.from(y);
  for (let d = 0; d < max; d++) {
    if (x.length < 10 || kpssStatistic(x) <= KPSS_CRITICAL_5) return d;
    x = x.slice(1).map((v, i) => v - x[i]);
  }
  return max;
}
