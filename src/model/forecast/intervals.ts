/** Prediction intervals from empirical quantiles of validation residuals (actual − predicted). */

/** Linear-interpolated quantile of sorted values, q in [0, 1]. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Keeps at most `keep` residuals, as evenly spaced quantiles, sorted ascending, for meta.json. */
export function residualSummary(residuals: ArrayLike<number>, keep = 999): number[] {
  const sorted = Array.from(residuals)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length <= keep) return sorted;
  return Array.from({ length: keep }, (_, i) => quantile(sorted, i / (keep - 1)));
}

/**
 * The interval at `level` around a point forecast `h` steps ahead: point ± the level-quantile of |residual|.
 * Symmetric on purpose: signed quantiles of a biased model's residuals can give an interval that excludes its own point,
 * which reads as a contradiction. Steps beyond the first widen with √h, the random-walk approximation: validation only
 * measures one-step errors.
 */
export function interval(
  residuals: ArrayLike<number>,
  point: number,
  level: number,
  h = 1,
): [number, number] {
  const absolute = Array.from(residuals, Math.abs).sort((a, b) => a - b);
  const half = Math.sqrt(h) * quantile(absolute, level);
  return [point - half, point + half];
}
