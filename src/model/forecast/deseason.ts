/**
 * A series' season removed and put back by classical decomposition, the rule Theta and AutoARIMA use
 * (eval/theta.ts): multiplicative when every value is positive and every index stays positive, additive otherwise.
 * The groundwork for deseasonalising before the network (issue 12); phase t % season counts from the first value fitted.
 */
import { isSeasonal, seasonalIndices } from '../eval/theta';

export interface SeasonFit {
  season: number;
  method: 'mul' | 'add';
  /** One index per phase: a factor ('mul') or an offset ('add'). */
  indices: number[];
}

/**
 * The season of y at lag `season`, or null when there is too little data or the seasonal test finds none. `only`
 * 'add' skips the multiplicative form.
 */
export function fitSeason(y: ArrayLike<number>, season: number, only?: 'add'): SeasonFit | null {
  if (!(season > 1 && y.length >= 2 * season && isSeasonal(y, season))) return null;
  if (only !== 'add' && Array.prototype.every.call(y, (v: number) => v > 0)) {
    const indices = seasonalIndices(y, season, 'mul');
    if (Math.min(...indices) > 0) return { season, method: 'mul', indices };
  }
  return { season, method: 'add', indices: seasonalIndices(y, season, 'add') };
}

/** The value at time t (counted like the fit's data) with its season removed. */
export function deseasonalise(v: number, fit: SeasonFit | null, t: number): number {
  if (!fit) return v;
  const s = fit.indices[t % fit.season];
  return fit.method === 'mul' ? v / s : v - s;
}

/** A season-free value at time t with the season put back (the inverse of deseasonalise). */
export function reseasonalise(v: number, fit: SeasonFit | null, t: number): number {
  if (!fit) return v;
  const s = fit.indices[t % fit.season];
  return fit.method === 'mul' ? v * s : v + s;
}
