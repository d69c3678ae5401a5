/**
 * The panel's views of one series of a global model (many series, or covariates): its predicted-vs-actual trace and
 * the hidden states of one of its windows, in its own units. They take the series' own scalers and split, so the same
 * code serves a model still training (the scalers its training fitted) and a saved one (meta.json's per-series ones).
 */
import type { Series } from '../data/types';
import type { HiddenStates, ScalerState, ValidationTrace } from '../types';
import type { ModelHandle } from '../network/handle';
import type { SeqNet } from '../network/seqnet';
import { predictScaled } from '../train/evaluate';
import { unscale } from '../windows/scaler';
import { firstTarget } from '../windows/prepare';
import { seriesSignal } from '../windows/panelSignal';
import { featureCount } from '../store/seriesMeta';
import { seriesMetaFor } from './forecastGlobal';
import { ModelMismatchError } from './forecast';

/** Where a series was split and how each of its inputs was scaled (a Block in training, a SeriesMeta when saved). */
export interface SeriesPlace {
  splitIndex: number;
  scalers: ScalerState[];
}

/** The network's shape the views need. */
export interface ViewShape {
  window: number;
  differenced: boolean;
}

/** Model vs actual vs naive over the last `max` validation targets of `s` only: the forward pass covers just those. */
export function seriesTrace(
  net: SeqNet,
  s: Series,
  place: SeriesPlace,
  shape: ViewShape,
  max = Infinity,
): ValidationTrace {
  const { window: W, differenced } = shape;
  const values = s.values;
  const n = values.length;
  const shift = differenced ? 1 : 0;
  const first = Math.max(place.splitIndex, firstTarget(differenced, W), n - max);
  const index = Array.from({ length: Math.max(0, n - first) }, (_, i) => first + i);
  const z = seriesSignal(s, place.scalers, differenced);
  // Series index t is working step t − shift, whose window is the W steps before it.
  const targets = Int32Array.from(index, (t) => t - shift);
  const yhat = predictScaled(
    net,
    { z, differenced: false, window: W, features: place.scalers.length },
    targets,
  );
  const level = (t: number, y: number) => (differenced ? values[t - 1] : 0) + unscale(place.scalers[0], y);
  return {
    index,
    actual: index.map((t) => values[t]),
    predicted: index.map((t, i) => level(t, yhat[i])),
    naive: index.map((t) => values[t - 1]),
  };
}

/** h_t of every layer for the window of `s` starting at series index `start` (default: its latest). */
export function seriesHidden(
  net: SeqNet,
  s: Series,
  place: SeriesPlace,
  shape: ViewShape,
  start?: number,
): HiddenStates {
  const { window: W, differenced } = shape;
  const shift = differenced ? 1 : 0;
  const n = s.values.length;
  const F = place.scalers.length;
  const st = Math.min(Math.max(start ?? n - W, shift), n - W);
  const z = seriesSignal(s, place.scalers, differenced);
  const from = (st - shift) * F;
  const r = net.probe(z.slice(from, from + W * F));
  return {
    cell: net.spec.cell,
    steps: W,
    units: net.spec.units,
    start: st,
    input: Array.from(s.values.subarray(st, st + W)),
    layers: r.layers,
  };
}

/** Both views of one series of a saved global model, read the way it was trained (readModelPanel). */
export function savedSeriesViews(
  model: ModelHandle,
  s: Series,
  max = Infinity,
): { trace: ValidationTrace; states: HiddenStates } {
  const m = model.meta;
  const place = seriesMetaFor(model, s);
  if (place.scalers.length !== featureCount(m))
    throw new ModelMismatchError(`series ${JSON.stringify(place.name)} lacks some of the model's features`);
  const need = m.window + (m.differenced ? 1 : 0);
  if (s.values.length < need)
    throw new ModelMismatchError(
      `series ${JSON.stringify(place.name)} has ${s.values.length} rows; the model's window needs at least ${need}`,
    );
  const shape = { window: m.window, differenced: m.differenced };
  return {
    trace: seriesTrace(model.net, s, place, shape, max),
    states: seriesHidden(model.net, s, place, shape),
  };
}
