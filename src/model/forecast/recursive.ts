/**
 * The one recursive multi-step forecast: from each origin t (rows before t known) the networks forecast rows
 * t … t+H−1, each prediction fed back as the next input. Forecasts from the end of a series, the calibration of
 * intervals, the choice between candidates and the check against the statistical methods all run through here, so
 * what a backtest scores is what predict says.
 */
import type { SeqNet } from '../network/seqnet';
import type { ScalerState } from '../types';
import { scaledSignal, windowStart } from '../windows/prepare';
import { unscale } from '../windows/scaler';
import { seasonAt, withoutSeason, type SeasonRemoval } from './seasonFree';

export interface RecursiveModel {
  /** An ensemble's members (one network: itself); the forecast is their median at every step. */
  nets: readonly Pick<SeqNet, 'predict'>[];
  scaler: ScalerState;
  differenced: boolean;
  window: number;
  removal: SeasonRemoval | null;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Forecasts of `horizon` steps from each origin (ascending), in the series' units: out[i][h] is row origins[i] + h.
 * Every origin needs a full window before it.
 */
export function recursiveForecasts(
  values: Float64Array,
  m: RecursiveModel,
  origins: readonly number[],
  horizon: number,
): Float64Array[] {
  const count = origins.length;
  if (count === 0) return [];
  const W = m.window;
  // Only the rows from the first origin's window up to the last origin are read: a long series is not copied.
  const from = windowStart(m, origins[0]);
  if (from < 0) throw new RangeError(`origin ${origins[0]} has no full window before it`);
  const net = withoutSeason(values.subarray(from, origins[count - 1]), m.removal, from);
  const z = scaledSignal(net, m.scaler, m.differenced);
  const paths = m.nets.map((member) => {
    const x = new Float32Array(count * W);
    origins.forEach((t, i) =>
      x.set(z.subarray(windowStart(m, t) - from, windowStart(m, t) - from + W), i * W),
    );
    const level = origins.map((t) => net[t - 1 - from]);
    const out = origins.map(() => new Float64Array(horizon));
    for (let h = 0; h < horizon; h++) {
      const y = member.predict(x, count);
      for (let i = 0; i < count; i++) {
        level[i] = m.differenced ? level[i] + unscale(m.scaler, y[i]) : unscale(m.scaler, y[i]);
        out[i][h] = level[i];
        // Slide the window: drop its oldest input, feed the prediction back.
        x.copyWithin(i * W, i * W + 1, (i + 1) * W);
        x[(i + 1) * W - 1] = y[i];
      }
    }
    return out;
  });
  return origins.map((t, i) =>
    Float64Array.from({ length: horizon }, (_, h) =>
      seasonAt(paths.length === 1 ? paths[0][i][h] : median(paths.map((p) => p[i][h])), m.removal, t + h),
    ),
  );
}
