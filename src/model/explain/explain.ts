/** Everything `seqlab explain` and the worker's explain request report, from one model and its series. */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import { saliency, type Saliency } from './saliency';
import { seriesStates, MAX_STATE_ROWS } from './states';
import { unitMeanings, type Signal } from './meanings';
import { memoryLength } from './memory';
import { matchRange, type Match, type MatchOptions } from './match';
import { trajectory, type Trajectory } from './trajectory';

export interface UnitReport {
  layer: number;
  unit: number;
  signal: Signal;
  r: number;
  /** For a 'season' label: the phase in rows at which the unit peaks. */
  phase?: number;
  /** Every signal's r, so a view can show more than the winner. */
  all: Record<Signal, number>;
  /** An LSTM's cell state c, labelled the same way. */
  cell?: { signal: Signal; r: number; phase?: number };
  retention: number;
  timeConstant: number;
  gateLeft: number;
  gateRight: number;
  saturated: number;
}

export interface ExplainReport {
  season: number;
  /** Rows whose state the units, matches and trajectory are computed over: [first, last]. */
  rows: [number, number];
  saliency: Saliency;
  units: UnitReport[];
  matches: Match[];
  trajectory: Trajectory;
}

export interface ExplainOptions {
  /** First row of the window whose saliency is wanted; the validation mean when undefined. */
  windowAt?: number;
  match?: { start: number; end: number } & MatchOptions;
  maxRows?: number;
}

export function explain(model: ModelHandle, series: Series, o: ExplainOptions = {}): ExplainReport {
  const sal = saliency(model, series, o.windowAt);
  const states = seriesStates(model, series, o.maxRows ?? MAX_STATE_ROWS);
  const season = model.meta.season;
  const meanings = unitMeanings(series.values, states, season, model.meta.window);
  const memory = memoryLength(model, series);
  const units = memory.map((m): UnitReport => {
    const h = meanings.find((x) => x.state === 'h' && x.layer === m.layer && x.unit === m.unit);
    const c = meanings.find((x) => x.state === 'c' && x.layer === m.layer && x.unit === m.unit);
    if (!h) throw new Error(`internal: no meaning for unit ${m.unit} of layer ${m.layer}`);
    return {
      layer: m.layer,
      unit: m.unit,
      signal: h.signal,
      r: h.r,
      ...(h.phase !== undefined ? { phase: h.phase } : {}),
      all: h.all,
      ...(c
        ? { cell: { signal: c.signal, r: c.r, ...(c.phase !== undefined ? { phase: c.phase } : {}) } }
        : {}),
      retention: m.retention,
      timeConstant: m.timeConstant,
      gateLeft: m.gateLeft,
      gateRight: m.gateRight,
      saturated: m.saturated,
    };
  });
  return {
    season,
    rows: [states.rows[0], states.rows[states.rows.length - 1]],
    saliency: sal,
    units,
    matches: o.match ? matchRange(states, o.match.start, o.match.end, o.match) : [],
    trajectory: trajectory(states),
  };
}
