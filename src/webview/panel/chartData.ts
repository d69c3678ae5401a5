/** Turns the run's history into uPlot's aligned arrays. Pure functions, so they are cheap to rebuild per update. */
import type { BatchReport, EpochReport, Forecast, ValidationTrace } from '../../shared/types';
import { smooth } from './chartTheme';
import type { ChartData, ChartMarker } from './lineChart';
import { partLabel } from './epochStatus';
import type { TableData } from './tableAlternative';
import type { PanelStrings } from '../../shared/protocol';
import { formatNumber } from '../../shared/formatNumber';

/**
 * x is in epochs: an epoch's end sits at x = epoch, a batch at its fraction through the epoch. Series: train loss,
 * validation loss, smoothed batch loss; each is null where it has no point, and the chart spans the gaps.
 */
export function lossData(epochs: readonly EpochReport[], batches: readonly BatchReport[]): ChartData {
  const points: Array<{ x: number; train: number | null; val: number | null; batch: number | null }> = [];
  const smoothed = smooth(batches.map((b) => b.loss));
  batches.forEach((b, i) => {
    const x = b.epoch - 1 + b.batch / (Math.max(1, b.batches) + 1);
    points.push({ x, train: null, val: null, batch: positive(smoothed[i]) });
  });
  for (const e of epochs)
    points.push({ x: e.epoch, train: positive(e.loss), val: positive(e.valLoss), batch: null });
  points.sort((a, b) => a.x - b.x);
  return [
    points.map((p) => p.x),
    points.map((p) => p.train),
    points.map((p) => p.val),
    points.map((p) => p.batch),
  ];
}

/** Where each part of a run of several networks starts on the loss chart's epoch axis, labelled with what it trains. */
export function partMarkers(s: PanelStrings, epochs: readonly EpochReport[]): ChartMarker[] {
  const out: ChartMarker[] = [];
  let last: number | undefined;
  for (const e of epochs) {
    if (!e.part || e.part.index === last) continue;
    last = e.part.index;
    out.push({ x: e.epoch - 1, label: partLabel(s, e) });
  }
  return out;
}

/** The predictions chart's table alternative: one row per validation point (row index, actual, model, naive). */
export function predictionTable(trace: ValidationTrace, s: PanelStrings): TableData {
  return {
    head: [s.index, s.actual, s.predicted, s.naive],
    rows: trace.index.map((t, i) => [
      String(t),
      formatNumber(trace.actual[i]),
      formatNumber(trace.predicted[i]),
      formatNumber(trace.naive[i]),
    ]),
  };
}

/** Predicted vs actual vs naive over the validation range, x = series row index. */
export function predictionData(trace: ValidationTrace): ChartData {
  return [
    trace.index.slice(),
    trace.actual.map(finite),
    trace.predicted.map(finite),
    trace.naive.map(finite),
  ];
}

/** x = steps relative to the last known value (…, -1, 0 | 1, 2, …); the forecast line starts at the last value. */
export function forecastData(history: readonly number[], f: Forecast): ChartData {
  const h = history.length;
  const x: number[] = [];
  const hist: Array<number | null> = [];
  const fc: Array<number | null> = [];
  const lo: Array<number | null> = [];
  const hi: Array<number | null> = [];
  history.forEach((v, i) => {
    x.push(i - h + 1);
    hist.push(finite(v));
    const last = i === h - 1 ? finite(v) : null;
    fc.push(last);
    lo.push(last);
    hi.push(last);
  });
  f.forecast.forEach((v, i) => {
    x.push(i + 1);
    hist.push(null);
    fc.push(finite(v));
    lo.push(finite(f.intervals[i]?.[0] ?? Number.NaN));
    hi.push(finite(f.intervals[i]?.[1] ?? Number.NaN));
  });
  return [x, hist, fc, lo, hi];
}

/** The log-scaled loss axis cannot show zero or negative values. */
function positive(v: number): number | null {
  return Number.isFinite(v) && v > 0 ? v : null;
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
