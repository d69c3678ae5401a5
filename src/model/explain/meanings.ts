/**
 * Unit meanings (after RNNVis and Karpathy et al.'s interpretable cells): the Pearson correlation, over the rows, of a
 * unit's h_T (and an LSTM's c_T) with simple signals, and a label by the strongest |r|:
 * - level: the value at the row;  change: its first difference;
 * - season: the best-fitting phase of the detected season — the multiple correlation with cos and sin of
 *   2π·row/season, which is the largest r over every phase shift (its sign is absorbed by the phase);
 * - trend: the trailing mean over one season (over the window when there is no season), the level without its cycle;
 * - prediction: the model's own one-step forecast from that row.
 */
import { SIGNALS } from '../../shared/schema/explainMessages';
import type { SeriesStates } from './states';

export { SIGNALS };
export type Signal = (typeof SIGNALS)[number];

export interface UnitMeaning {
  layer: number;
  unit: number;
  /** 'h' for the hidden state, 'c' for an LSTM cell state. */
  state: 'h' | 'c';
  signal: Signal;
  r: number;
  /** r for every signal (season's is ≥ 0; NaN when the signal is constant or there is no season). */
  all: Record<Signal, number>;
  /** For 'season': the phase in rows (0..season-1) at which the unit peaks. */
  phase?: number;
}

export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** The multiple correlation of y with cos and sin of 2π·row/season, and the phase (in rows) where the fit peaks. */
export function seasonFit(
  y: ArrayLike<number>,
  rows: ArrayLike<number>,
  season: number,
): { r: number; phase: number } {
  const n = y.length;
  const c = Float64Array.from({ length: n }, (_, i) => Math.cos((2 * Math.PI * rows[i]) / season));
  const s = Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * rows[i]) / season));
  const ryc = pearson(y, c);
  const rys = pearson(y, s);
  const rcs = pearson(c, s);
  if (![ryc, rys, rcs].every(Number.isFinite) || Math.abs(rcs) > 0.999) return { r: NaN, phase: 0 };
  const r2 = (ryc * ryc + rys * rys - 2 * ryc * rys * rcs) / (1 - rcs * rcs);
  // Regression on standardised cos and sin; the fitted a·cos + b·sin peaks at angle atan2(b, a).
  const a = (ryc - rys * rcs) / (1 - rcs * rcs);
  const b = (rys - ryc * rcs) / (1 - rcs * rcs);
  const angle = Math.atan2(b, a);
  const phase = ((((angle / (2 * Math.PI)) * season) % season) + season) % season;
  return { r: Math.sqrt(Math.max(0, Math.min(1, r2))), phase: Math.round(phase) % season };
}

/** The five signals at each row of `states`; `values` is the whole series. */
export function signalsAt(
  values: Float64Array,
  states: SeriesStates,
  season: number,
  window: number,
): Record<Exclude<Signal, 'season'>, Float64Array> {
  const rows = states.rows;
  const span = season > 1 ? season : window;
  const prefix = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) prefix[i + 1] = prefix[i] + values[i];
  const pick = (f: (i: number) => number) => Float64Array.from(rows, f);
  return {
    level: pick((i) => values[i]),
    change: pick((i) => (i > 0 ? values[i] - values[i - 1] : 0)),
    trend: pick((i) => {
      const from = Math.max(0, i + 1 - span);
      return (prefix[i + 1] - prefix[from]) / (i + 1 - from);
    }),
    prediction: states.predicted,
  };
}

export function unitMeanings(
  values: Float64Array,
  states: SeriesStates,
  season: number,
  window: number,
): UnitMeaning[] {
  const sig = signalsAt(values, states, season, window);
  const u = states.units;
  const n = states.rows.length;
  const out: UnitMeaning[] = [];
  states.layers.forEach((layer, l) => {
    for (const state of ['h', 'c'] as const) {
      const m = layer[state];
      if (!m) continue;
      for (let k = 0; k < u; k++) {
        const y = Float64Array.from({ length: n }, (_, j) => m[j * u + k]);
        const fit = season > 1 ? seasonFit(y, states.rows, season) : { r: NaN, phase: 0 };
        const all: Record<Signal, number> = {
          level: pearson(y, sig.level),
          change: pearson(y, sig.change),
          season: fit.r,
          trend: pearson(y, sig.trend),
          prediction: pearson(y, sig.prediction),
        };
        let signal: Signal = 'level';
        let best = -1;
        for (const s of SIGNALS) {
          const v = Math.abs(all[s]);
          if (Number.isFinite(v) && v > best) {
            best = v;
            signal = s;
          }
        }
        out.push({
          layer: l,
          unit: k,
          state,
          signal,
          r: Number.isFinite(all[signal]) ? all[signal] : 0,
          all,
          ...(signal === 'season' ? { phase: fit.phase } : {}),
        });
      }
    }
  });
  return out;
}
