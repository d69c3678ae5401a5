/**
 * The season a model removed before its network (config `deseasonalize`) and puts back after it. Every path where
 * the series enters or leaves the network (training windows, scores, forecasts, calibration, traces, probes, explain)
 * goes through these, so a model without `meta.deseasonalized` (older ones, or the choice 'off') is unchanged.
 */
import type { DeseasonReport, ModelMeta } from '../types';
import { deseasonalise, fitSeason, reseasonalise, type SeasonFit } from './deseason';

/** A season fitted on a series' training range, with the row its phases count from. */
export interface SeasonRemoval extends SeasonFit {
  /** Row of phase 0: row i has phase (i − anchor) mod season. 0 when fitted; shifted when a series is sliced. */
  anchor: number;
  /** The network reads ln(value) (the season, if any, fitted and removed on that scale): meta.json's `log`. */
  log?: true;
}

/** A log transform with no season removed: season 1, whose one additive index is 0. */
const NO_SEASON: SeasonRemoval = { season: 1, method: 'add', indices: [0], anchor: 0 };

/** meta.json's record of the choice: the fit when the season was removed, and what 'auto' measured. */
export interface Deseasonalized extends SeasonRemoval {
  /** Whether the network reads season-free values; false when 'auto' measured that removal hurts. */
  applied: boolean;
  /** The setting that decided: 'on' removes any season found; 'auto' keeps the lower multi-step error. */
  setting: 'auto' | 'on';
  /** Multi-step validation MAE (series units, horizon one season) with and without removal, for 'auto'. */
  errors?: { on: number; off: number };
}

/**
 * The season fitted on values[0, splitIndex) only, phases counted from row 0; null when no season is found. Always
 * additive: measured by backtest (README, "Season removal"), multiplicative removal forecast worse than additive on
 * every series tried (monthly-sales MASE 0.53 vs 0.28, the hourly sample 0.93 vs 0.40), as a daily swing that does
 * not scale with the level is then mis-scaled wherever the level moves. meta.json may still say 'mul'.
 */
export function fitRemoval(
  values: Float64Array,
  splitIndex: number,
  season: number,
  log = false,
): SeasonRemoval | null {
  // A view, not a copy: a long series' training range is read in place (a log model's is its logarithm).
  const range = values.subarray(0, splitIndex);
  const fit = fitSeason(log ? range.map(Math.log) : range, season, 'add');
  return fit && { ...fit, anchor: 0 };
}

/** What a model applies to the series before its network (a season, a log, both), or null. */
export function removalOf(meta: Pick<ModelMeta, 'deseasonalized' | 'log'>): SeasonRemoval | null {
  const d = meta.deseasonalized;
  const season = d?.applied ? d : null;
  if (!meta.log) return season;
  return { ...(season ?? NO_SEASON), log: true };
}

function phase(r: SeasonRemoval, row: number): number {
  return (((row - r.anchor) % r.season) + r.season) % r.season;
}

/** Values whose first is row `from`, with the season removed (the same array when there is none). */
export function withoutSeason(values: Float64Array, r: SeasonRemoval | null, from = 0): Float64Array {
  if (!r) return values;
  return values.map((v, i) => deseasonalise(r.log ? Math.log(v) : v, r, phase(r, from + i)));
}

/** A season-free value at row t back in the series' units. */
export function seasonAt(v: number, r: SeasonRemoval | null, t: number): number {
  if (!r) return v;
  const x = reseasonalise(v, r, phase(r, t));
  return r.log ? Math.exp(x) : x;
}

/**
 * ∂(season-free value)/∂(value) at row t, where the series' value there is `value`: 1/index when multiplicative,
 * times 1/value under a log, else 1.
 */
export function removalSlope(r: SeasonRemoval | null, t: number, value: number): number {
  const s = r?.method === 'mul' ? 1 / r.indices[phase(r, t)] : 1;
  return r?.log ? s / value : s;
}

/** The same removal for a series sliced to start at row `offset`. */
export function shiftRemoval<T extends Pick<ModelMeta, 'deseasonalized'>>(meta: T, offset: number): T {
  const d = meta.deseasonalized;
  if (!d) return meta;
  const anchor = (((d.anchor - offset) % d.season) + d.season) % d.season;
  return { ...meta, deseasonalized: { ...d, anchor } };
}

/** What `seqlab train --json` and the panel say about the choice: null when no season was considered. */
export function deseasonReport(meta: Pick<ModelMeta, 'deseasonalized'>): DeseasonReport | null {
  const d = meta.deseasonalized;
  if (!d) return null;
  return {
    season: d.season,
    method: d.method,
    chosen: d.setting,
    applied: d.applied,
    ...(d.errors && { errors: d.errors }),
  };
}
