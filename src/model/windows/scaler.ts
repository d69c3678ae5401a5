/** Scalers fitted on training rows only; their state is stored with the model so predictions de-scale exactly. */
import type { ScalerKind, ScalerState } from '../types';

/** Fits on values[0, end). A constant range gets a unit spread so scaling never divides by zero. */
export function fitScaler(kind: ScalerKind, values: ArrayLike<number>, end = values.length): ScalerState {
  if (end <= 0) throw new Error('cannot fit a scaler on no rows');
  if (kind === 'minmax') {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < end; i++) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    return { kind, a: lo, b: hi > lo ? hi : lo + 1 };
  }
  let mean = 0;
  for (let i = 0; i < end; i++) mean += values[i];
  mean /= end;
  let ss = 0;
  for (let i = 0; i < end; i++) ss += (values[i] - mean) ** 2;
  const std = Math.sqrt(ss / end);
  return { kind, a: mean, b: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1 };
}

export function scale(s: ScalerState, x: number): number {
  return s.kind === 'minmax' ? (x - s.a) / (s.b - s.a) : (x - s.a) / s.b;
}

export function unscale(s: ScalerState, y: number): number {
  return s.kind === 'minmax' ? y * (s.b - s.a) + s.a : y * s.b + s.a;
}

/** The factor a scaled difference is multiplied by to get one in the series' units. */
export function spread(s: ScalerState): number {
  return s.kind === 'minmax' ? s.b - s.a : s.b;
}
