/**
 * Which series of a file a saved model is explained on: the one asked for, else the first the model was trained on,
 * with the names of all of them for a picker. Also the series as the view's chart draws it, and one window's states.
 */
import type { Panel, Series } from '../data';
import type { HiddenStates, ModelMeta } from '../types';
import type { ModelHandle } from '../network/handle';
import { ModelMismatchError } from '../forecast/forecast';
import { quoteText } from '../../shared/quote';
import { explainInput, inputsFor } from './windows';

export interface ChosenSeries {
  series: Series;
  /** The series' name: its label, or the column of a one-series model. */
  name: string;
  /** Every series of the file the model knows, in file order. */
  names: string[];
}

export function chooseSeries(
  panel: Panel,
  meta: Pick<ModelMeta, 'column' | 'series'>,
  wanted?: string,
): ChosenSeries {
  const nameOf = (s: Series) => s.label ?? meta.column;
  const known = meta.series && new Set(meta.series.map((s) => s.name));
  const usable = known ? panel.series.filter((s) => known.has(nameOf(s))) : panel.series;
  const names = usable.map(nameOf);
  const list = names
    .slice(0, 20)
    .map((n) => quoteText(n))
    .join(', ');
  const series = wanted === undefined ? usable[0] : usable.find((s) => nameOf(s) === wanted);
  if (!series)
    throw new ModelMismatchError(
      wanted === undefined
        ? 'none of the file’s series is one the model was trained on'
        : `the file has no series ${quoteText(wanted)} the model was trained on (series: ${list})`,
    );
  return { series, name: nameOf(series), names };
}

/** Every row when there are at most `max`; else the lowest and highest value of each of max / 2 buckets, in row order. */
export function chartPoints(values: ArrayLike<number>, max = 2000): { index: number[]; value: number[] } {
  const n = values.length;
  if (n <= max) return { index: Array.from({ length: n }, (_, i) => i), value: Array.from(values) };
  const index: number[] = [];
  const buckets = Math.floor(max / 2);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
    }
    index.push(Math.min(lo, hi));
    if (hi !== lo) index.push(Math.max(lo, hi));
  }
  return { index, value: index.map((i) => values[i]) };
}

/**
 * h_t (and c_t) along the window starting at row `start` (default: the latest), for any saved model: a global
 * model's series scaled with its own scalers, covariates carried as inputs.
 */
export function probeWindow(model: ModelHandle, series: Series, start?: number): HiddenStates {
  const x = explainInput(model, series);
  const n = x.values.length;
  const W = x.window;
  const lowest = x.first - W;
  const s = Math.min(Math.max(start ?? n - W, lowest), n - W);
  const r = model.net.probe(inputsFor(x, s + W));
  return {
    cell: model.net.spec.cell,
    steps: W,
    units: model.net.spec.units,
    start: s,
    input: Array.from(series.values.subarray(s, s + W)),
    layers: r.layers,
  };
}
