/**
 * What the panel's charts get: at most MAX_TRACE_POINTS of the validation range (the most recent ones), so a
 * million-row series still sends small messages and costs a small forward pass per redraw.
 */
import { probeHidden, validationTrace } from '../model/forecast/forecast';
import { shiftRemoval } from '../model/forecast/seasonFree';
import type { ModelHandle } from '../model/network/handle';
import type { Series } from '../model/data';
import type { HiddenStates, ValidationTrace } from '../model/types';

/** What the panel is sent after an epoch and at the end. */
export interface PanelViews {
  /** A global run: the series these views are of. */
  readonly series?: string;
  validationTrace(): ValidationTrace;
  hidden(start?: number): HiddenStates;
}

/**
 * The panel's views of `model`: the trace's forward pass covers only the points sent, so a view costs the same on a
 * million-row series as on a small one (the whole validation range is scored once, at the end of training).
 */
export function panelViews(model: ModelHandle, series: Series): PanelViews {
  return {
    validationTrace: () => recentTrace(model, series),
    hidden: (start) => probeHidden(model, series, start),
  };
}

export const MAX_TRACE_POINTS = 1000;

/** The last `max` points of a trace. */
export function tail(trace: ValidationTrace, max = MAX_TRACE_POINTS): ValidationTrace {
  if (trace.index.length <= max) return trace;
  const from = trace.index.length - max;
  return {
    index: trace.index.slice(from),
    actual: trace.actual.slice(from),
    predicted: trace.predicted.slice(from),
    naive: trace.naive.slice(from),
  };
}

/** Actual and naive (previous value) over the validation range; the model's line is left empty (NaN). */
export function previewTrace(
  values: Float64Array,
  splitIndex: number,
  max = MAX_TRACE_POINTS,
): ValidationTrace {
  const index: number[] = [];
  const actual: number[] = [];
  const naive: number[] = [];
  for (let i = Math.max(1, splitIndex, values.length - max); i < values.length; i++) {
    index.push(i);
    actual.push(values[i]);
    naive.push(values[i - 1]);
  }
  return { index, actual, predicted: index.map(() => Number.NaN), naive };
}

/** The model's trace over the last `max` validation targets only: the forward pass covers just those windows. */
export function recentTrace(model: ModelHandle, series: Series, max = MAX_TRACE_POINTS): ValidationTrace {
  const n = series.values.length;
  const split = model.meta.splitIndex;
  const first = Math.max(split, n - max);
  // Keep one window (+1 for differencing) of history before the first target.
  const offset = first - model.meta.window - 1;
  if (first === split || offset <= 0) return tail(validationTrace(model, series), max);
  const sliced: Series = {
    ...series,
    values: series.values.subarray(offset),
    time: series.time?.subarray(offset),
  };
  const shifted = { ...model, meta: shiftRemoval({ ...model.meta, splitIndex: first - offset }, offset) };
  const t = validationTrace(shifted, sliced);
  return { ...t, index: t.index.map((i) => i + offset) };
}
