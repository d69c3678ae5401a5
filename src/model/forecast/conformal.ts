/**
 * Per-horizon conformal intervals: the network forecasts recursively from many origins in the validation range, and
 * each step ahead keeps its own sorted |error|s; an interval at level q is the point ± the q-quantile of that step's
 * errors (forecast/check.ts gives the forecasts, recursive.ts the network's part). Calibrated once, at training time, into
 * meta.json. The origins are dealt alternately into two halves, so
 * the coverage each half's quantile achieves on the other half is a held-out estimate reported next to the level.
 */
import { MAX_ORIGINS } from './checkTypes';

export interface ConformalCalibration {
  /** Sorted |actual − forecast| per step ahead (index 0 = 1 step), from the two halves of the origins. */
  a: number[][];
  b: number[][];
  /** The errors are relative, |actual − forecast| / |forecast|: an interval's half-width scales with its point. */
  relative?: true;
}

/**
 * Sorted per-step |errors| of the forecasts made from `origins` (forecasts[i][h] is row origins[i] + h), the origins
 * dealt alternately into two halves; undefined when a half has no error at step 1.
 */
export function calibrate(
  values: Float64Array,
  origins: readonly number[],
  forecasts: readonly ArrayLike<number>[],
  relative = false,
): ConformalCalibration | undefined {
  if (origins.length === 0 || origins.length > MAX_ORIGINS) return undefined;
  const H = forecasts[0].length;
  const errors: number[][][] = [[], []].map(() => Array.from({ length: H }, () => [] as number[]));
  origins.forEach((t, i) => {
    for (let h = 0; h < H && t + h < values.length; h++) {
      const f = forecasts[i][h];
      errors[i % 2][h].push(Math.abs(values[t + h] - f) / (relative ? Math.abs(f) : 1));
    }
  });
  const sorted = (e: number[][]) => e.map((s) => s.filter(Number.isFinite).sort((p, q) => p - q));
  const [a, b] = [sorted(errors[0]), sorted(errors[1])];
  if (a[0].length === 0 || b[0].length === 0) return undefined;
  // A step too far ahead for any origin's actual in one half is dropped from both: each step needs both halves.
  const steps = a.findIndex((s, h) => s.length === 0 || b[h].length === 0);
  const kept = steps < 0 ? { a, b } : { a: a.slice(0, steps), b: b.slice(0, steps) };
  return relative ? { ...kept, relative: true } : kept;
}

/**
 * Absolute or relative errors, whichever forecasts its own future better: calibrated on the earlier two thirds of the
 * origins, the one whose 80% intervals cover the latest third closer to 80% is used (ties: absolute). On a positive
 * series whose errors grow with its level (quarterly earnings growing 30-fold) absolute errors from the validation
 * range are too small for a forecast from the end, and the latest origins show it; the alternating halves of
 * heldOutCoverage cannot, as both hold every level. A series that is not positive everywhere keeps absolute errors.
 */
export function calibrateBest(
  values: Float64Array,
  origins: readonly number[],
  forecasts: readonly ArrayLike<number>[],
): ConformalCalibration | undefined {
  const absolute = calibrate(values, origins, forecasts);
  if (!absolute || !values.every((v) => v > 0) || origins.length < 6) return absolute;
  const relative = calibrate(values, origins, forecasts, true);
  if (!relative) return absolute;
  const cut = Math.ceil((origins.length * 2) / 3);
  const miss = (rel: boolean) => {
    const fit = calibrate(values, origins.slice(0, cut), forecasts.slice(0, cut), rel);
    if (!fit) return Infinity;
    let inside = 0;
    let total = 0;
    for (let i = cut; i < origins.length; i++)
      for (let h = 0; h < fit.a.length && origins[i] + h < values.length; h++) {
        const f = forecasts[i][h];
        const half = conformalHalfWidth(fit, 0.8, h + 1, f);
        inside += Math.abs(values[origins[i] + h] - f) <= half ? 1 : 0;
        total++;
      }
    return total ? Math.abs(inside / total - 0.8) : Infinity;
  };
  return miss(true) < miss(false) ? relative : absolute;
}

/** The finite-sample conformal quantile: the ⌈(n+1)q⌉-th smallest of n sorted errors (the largest when that is past n). */
export function conformalQuantile(sorted: number[], level: number): number {
  const k = Math.ceil((sorted.length + 1) * level);
  return sorted[Math.min(Math.max(k, 1), sorted.length) - 1];
}

function merged(c: ConformalCalibration, step: number): number[] {
  return [...c.a[step], ...c.b[step]].sort((p, q) => p - q);
}

/**
 * Half-width at `level` for step h (1-based). Past the calibrated steps the last one's width grows as √(h/H), the
 * random-walk rate, since nothing was measured there.
 */
export function conformalHalfWidth(c: ConformalCalibration, level: number, h: number, point: number): number {
  const H = c.a.length;
  const step = Math.min(h, H) - 1;
  const scale = c.relative ? Math.abs(point) : 1;
  return conformalQuantile(merged(c, step), level) * (h > H ? Math.sqrt(h / H) : 1) * scale;
}

/** Share of one half's errors inside the other half's quantile at `level`, both ways, over the calibrated steps. */
export function heldOutCoverage(c: ConformalCalibration, level: number): number {
  let inside = 0;
  let total = 0;
  const pair = (from: number[][], to: number[][]) => {
    from.forEach((errs, step) => {
      const q = conformalQuantile(errs, level);
      for (const e of to[step]) {
        inside += e <= q ? 1 : 0;
        total++;
      }
    });
  };
  pair(c.a, c.b);
  pair(c.b, c.a);
  return total ? inside / total : NaN;
}
