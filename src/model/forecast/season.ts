/** The season length: from the date step when there is one, else from autocorrelation; 1 when there is none. */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Nominal season for a regular time step: hourly→24, daily→7, weekly→52, monthly→12, quarterly→4. */
export function seasonFromStep(stepMs: number): number {
  const near = (x: number, tol: number) => Math.abs(stepMs - x) <= tol;
  if (near(HOUR, HOUR * 0.1)) return 24;
  if (near(DAY, DAY * 0.1)) return 7;
  if (near(7 * DAY, DAY)) return 52;
  if (stepMs >= 28 * DAY && stepMs <= 31 * DAY) return 12;
  if (stepMs >= 89 * DAY && stepMs <= 92 * DAY) return 4;
  return 1;
}

/** Autocorrelation of x at a lag. */
export function acf(x: ArrayLike<number>, lag: number): number {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    den += (x[i] - m) ** 2;
    if (i + lag < n) num += (x[i] - m) * (x[i + lag] - m);
  }
  return den > 0 ? num / den : 0;
}

function diffs(values: ArrayLike<number>, end: number): Float64Array {
  const d = new Float64Array(Math.max(0, end - 1));
  for (let i = 0; i < d.length; i++) d[i] = values[i + 1] - values[i];
  return d;
}

/**
 * Looks at the training range values[0, end). The date step proposes a season, which autocorrelation of the first
 * differences must confirm (a monthly random walk has no season); without a date, the strongest autocorrelation peak
 * above 0.3 with at least three cycles in the range wins.
 */
export function detectSeason(values: ArrayLike<number>, end: number, stepMs?: number): number {
  // The latest 20,000 training rows are plenty to see a season of up to 400 and keep this linear in practice.
  const from = Math.max(0, end - 20_000);
  const d = diffs(Array.prototype.slice.call(values, from, end) as number[], end - from);
  const maxLag = Math.floor(d.length / 3);
  if (maxLag < 2) return 1;
  const proposed = stepMs ? seasonFromStep(stepMs) : 1;
  if (proposed > 1 && proposed <= maxLag && acf(d, proposed) > 0.2) return proposed;
  let best = 1;
  let bestR = 0.3;
  const r = [1];
  for (let lag = 1; lag <= Math.min(maxLag, 400); lag++) r.push(acf(d, lag));
  for (let lag = 2; lag < r.length - 1; lag++) {
    if (r[lag] > bestR && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
      best = lag;
      bestR = r[lag];
    }
  }
  return best;
}
