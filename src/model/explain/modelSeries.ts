/**
 * Which series of a file a saved model is explained on: the one asked for, else the first the model was trained on,
 * with the names of all of them for a picker; and the series as the view's chart draws it.
 */
import type { Panel, Series } from '../data';
import type { ModelMeta } from '../types';
import { ModelMismatchError } from '../forecast/forecast';
import { quoteText } from '../../shared/quote';

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
