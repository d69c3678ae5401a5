/**
 * Per-horizon conformal intervals: the network forecasts recursively from many origins in the validation range, and
 * each step ahead keeps its own sorted |error|s; an interval at level q is the point ± the q-quantile of that step's
 * errors. Calibrated once, at training time, into meta.json. The origins are dealt alternately into two halves, so
 * the coverage each half's quantile achieves on the other half is a held-out estimate reported next to the level.
 */
import type { SeqNet } from '../network/seqnet';
import type { ScalerState } from '../types';
import { firstTarget, scaledSignal, windowStart } from '../windows/prepare';
import { unscale } from '../windows/scaler';
import { seasonAt, withoutSeason, type SeasonRemoval } from './seasonFree';

export interface ConformalCalibration {
  /** Sorted |actual − forecast| per step ahead (index 0 = 1 step), from the two halves of the origins. */
  a: number[][];
  b: number[][];
}

const MAX_ORIGINS = 256;
const MAX_HORIZON = 48;

/** Steps calibrated: one season (10 without one), at most 48 and fewer than the validation rows. */
export function calibrationHorizon(season: number, valRows: number): number {
  return Math.max(1, Math.min(season > 1 ? season : 10, MAX_HORIZON, valRows - 1));
}

export interface CalibrationInput {
  net: Pick<SeqNet, 'predict'>;
  scaler: ScalerState;
  differenced: boolean;
  window: number;
  splitIndex: number;
  season: number;
  /** The season removed before the network: forecasts get it back, so errors are in the series' units. */
  removal?: SeasonRemoval | null;
}

/** Forecasts `horizon` steps from up to 256 evenly spaced validation origins at once (one batch per step). */
export function calibrate(values: Float64Array, m: CalibrationInput): ConformalCalibration | undefined {
  const n = values.length;
  const first = Math.max(m.splitIndex, firstTarget(m.differenced, m.window));
  const H = calibrationHorizon(m.season, n - first);
  const span = n - first;
  if (span < 4) return undefined;
  const count = Math.min(MAX_ORIGINS, span);
  const origins = Array.from({ length: count }, (_, i) => first + Math.floor((i * span) / count));
  const removal = m.removal ?? null;
  const net = withoutSeason(values, removal);
  const z = scaledSignal(net, m.scaler, m.differenced);
  const W = m.window;
  const x = new Float32Array(count * W);
  origins.forEach((t, i) => x.set(z.subarray(windowStart(m, t), windowStart(m, t) + W), i * W));
  const level = origins.map((t) => net[t - 1]);
  const errors: number[][][] = [[], []].map(() => Array.from({ length: H }, () => [] as number[]));
  for (let h = 0; h < H; h++) {
    const y = m.net.predict(x, count);
    origins.forEach((t, i) => {
      level[i] = m.differenced ? level[i] + unscale(m.scaler, y[i]) : unscale(m.scaler, y[i]);
      if (t + h < n) errors[i % 2][h].push(Math.abs(values[t + h] - seasonAt(level[i], removal, t + h)));
      // Slide the window: drop its oldest input, feed the prediction back.
      x.copyWithin(i * W, i * W + 1, (i + 1) * W);
      x[(i + 1) * W - 1] = y[i];
    });
  }
  const sorted = (e: number[][]) => e.map((s) => s.filter(Number.isFinite).sort((p, q) => p - q));
  const [a, b] = [sorted(errors[0]), sorted(errors[1])];
  if (a[0].length === 0 || b[0].length === 0) return undefined;
  return { a, b };
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
export function conformalHalfWidth(c: ConformalCalibration, level: number, h: number): number {
  const H = c.a.length;
  const step = Math.min(h, H) - 1;
  return conformalQuantile(merged(c, step), level) * (h > H ? Math.sqrt(h / H) : 1);
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
