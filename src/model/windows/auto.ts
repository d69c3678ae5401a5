/**
 * Data-driven choices behind the defaults: the window from the season and length, and whether to difference,
 * decided by which of two quick linear autoregressions (levels vs first differences) forecasts the later part of
 * the training range better. Only training rows are looked at.
 */

/** Season-aware window: two cycles for short seasons, one for long ones, 10 without a season; bounded by the data. */
export function chooseWindow(season: number, trainRows: number): number {
  const want = season > 1 ? (season < 8 ? 2 * season : season) : 10;
  return Math.max(2, Math.min(want, 60, Math.floor(trainRows / 4)));
}

/** Solves (XᵀX + λI) w = Xᵀy by Gaussian elimination; X has rows of length p (+ intercept). */
function leastSquares(rows: Float64Array[], y: number[]): Float64Array {
  const p = rows[0].length;
  const A = Array.from({ length: p }, () => new Float64Array(p + 1));
  rows.forEach((r, n) => {
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) A[i][j] += r[i] * r[j];
      A[i][p] += r[i] * y[n];
    }
  });
  for (let i = 0; i < p; i++) A[i][i] += 1e-6 * (A[i][i] + 1);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c || A[c][c] === 0) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  return Float64Array.from(A, (row, i) => (row[i] !== 0 ? row[p] / row[i] : 0));
}

/** One-step MAE, in levels, of an AR(order) fitted on [0, fitEnd) and scored on [fitEnd, end). */
function arHoldoutMae(values: Float64Array, end: number, order: number, differenced: boolean): number {
  const fitEnd = Math.floor(end * 0.75);
  const sig = (i: number) => (differenced ? values[i] - values[i - 1] : values[i]);
  const first = order + (differenced ? 1 : 0);
  const rowAt = (t: number) => {
    const r = new Float64Array(order + 1);
    for (let k = 0; k < order; k++) r[k] = sig(t - 1 - k);
    r[order] = 1;
    return r;
  };
  const rows: Float64Array[] = [];
  const ys: number[] = [];
  // Long series: every k-th row is enough to fit a handful of coefficients.
  const stride = Math.max(1, Math.floor((fitEnd - first) / 4000));
  for (let t = first; t < fitEnd; t += stride) {
    rows.push(rowAt(t));
    ys.push(sig(t));
  }
  if (rows.length <= order + 1) return NaN;
  const w = leastSquares(rows, ys);
  let err = 0;
  let n = 0;
  for (let t = Math.max(fitEnd, first); t < end; t++) {
    const r = rowAt(t);
    let yhat = 0;
    for (let k = 0; k <= order; k++) yhat += w[k] * r[k];
    const level = differenced ? values[t - 1] + yhat : yhat;
    err += Math.abs(values[t] - level);
    n++;
  }
  return n ? err / n : NaN;
}

/** True when first differences forecast the later training rows better than levels (ties go to differences). */
export function chooseDifference(values: Float64Array, trainEnd: number, window: number): boolean {
  const order = Math.max(1, Math.min(window, 24));
  const lev = arHoldoutMae(values, trainEnd, order, false);
  const dif = arHoldoutMae(values, trainEnd, order, true);
  if (!Number.isFinite(lev)) return true;
  if (!Number.isFinite(dif)) return false;
  return dif <= lev * 1.02;
}

/**
 * Guerrero's rule (as R's forecast::BoxCox.lambda applies it), between λ = 0 (log) and λ = 1 (none) only: over
 * consecutive blocks of a season (2 without one) of the training range, the log is favoured when the blocks'
 * sd/mean varies less than their sd, i.e. when the spread grows with the level. Never for a series that is not
 * positive everywhere in its training range, nor with fewer than 4 blocks.
 */
export function favoursLog(values: ArrayLike<number>, trainEnd: number, season: number): boolean {
  const m = Math.max(2, season);
  const blocks = Math.floor(trainEnd / m);
  if (blocks < 4) return false;
  const sd: number[] = [];
  const ratio: number[] = [];
  for (let b = 0; b < blocks; b++) {
    let mean = 0;
    for (let i = 0; i < m; i++) {
      const v = values[trainEnd - (b + 1) * m + i];
      if (!(v > 0)) return false;
      mean += v / m;
    }
    let ss = 0;
    for (let i = 0; i < m; i++) ss += (values[trainEnd - (b + 1) * m + i] - mean) ** 2;
    const s = Math.sqrt(ss / (m - 1));
    sd.push(s);
    ratio.push(s / mean);
  }
  for (let i = 0; i < trainEnd - blocks * m; i++) if (!(values[i] > 0)) return false;
  const cv = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    return mean > 0 ? Math.sqrt(v) / mean : Infinity;
  };
  return cv(ratio) < cv(sd);
}
