/**
 * Which inputs a loaded model sees for a target, in the model's scaled working signal and in the series' rows. A
 * window holds `features` values per step, [step, feature] row-major: the series first, then its covariates, each
 * scaled with the series' own scalers (a global model's per-series ones, else meta.json's one scaler).
 */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import type { ScalerState } from '../types';
import { ModelMismatchError } from '../forecast/forecast';
import { seriesMetaFor } from '../forecast/forecastGlobal';
import { removalOf, withoutSeason, type SeasonRemoval } from '../forecast/seasonFree';
import { firstTarget, windowStart } from '../windows/prepare';
import { inputsOf, seriesSignal } from '../windows/panelSignal';

export interface ExplainInput {
  model: ModelHandle;
  values: Float64Array;
  /** The series' inputs: its values, then each covariate (same length). */
  inputs: Float64Array[];
  /** Input names: the column, then the features. */
  names: string[];
  scalers: ScalerState[];
  /** The season the model removes from the series before its network (null: none), and the values so. */
  removal: SeasonRemoval | null;
  net: Float64Array;
  /** The scaled working signal (levels or first differences), [step, feature] row-major. */
  z: Float32Array;
  window: number;
  differenced: boolean;
  /** Values per time step of z. */
  features: number;
  /** First series index with a full window before it. */
  first: number;
  /** First series index used as a validation target (the series' own in a global model). */
  splitIndex: number;
}

export function explainInput(model: ModelHandle, series: Series): ExplainInput {
  const m = model.meta;
  const F = model.net.spec.features;
  // A global or covariate model names its series (seriesMetaFor says which it lacks); an older one only its column.
  const own = m.series ? seriesMetaFor(model, series) : undefined;
  if (!own && series.name !== m.column)
    throw new ModelMismatchError(`the model was trained on column "${m.column}", not "${series.name}"`);
  const inputs = inputsOf(series);
  if (inputs.length !== F)
    throw new ModelMismatchError(
      `the model takes ${F - 1} feature columns (${(m.features ?? []).join(', ') || 'none'}), the series has ${inputs.length - 1}`,
    );
  const first = firstTarget(m.differenced, m.window);
  if (series.values.length < first + 1)
    throw new ModelMismatchError(
      `${own && series.label ? `series "${series.label}"` : `column "${m.column}"`} has ${series.values.length} rows; the model's window needs at least ${first + 1}`,
    );
  const bad = m.log ? series.values.findIndex((v) => !(v > 0)) : -1;
  if (bad >= 0)
    throw new ModelMismatchError(
      `column "${m.column}": value ${bad + 1} is ${series.values[bad]}; the model reads the logarithm of the series, which needs every value above 0`,
    );
  const scalers = own ? own.scalers : [m.scaler];
  const removal = removalOf(m);
  const net = withoutSeason(series.values, removal);
  return {
    model,
    values: series.values,
    inputs,
    names: [m.column, ...(m.features ?? [])],
    scalers,
    removal,
    net,
    z: seriesSignal({ ...series, values: net }, scalers, m.differenced),
    window: m.window,
    differenced: m.differenced,
    features: F,
    first,
    splitIndex: own?.splitIndex ?? m.splitIndex,
  };
}

/** The scaled inputs of the window that predicts series index t (its last input is row t - 1), [T, features]. */
export function inputsFor(x: ExplainInput, t: number): Float32Array {
  const s = windowStart(x, t);
  return x.z.slice(s, s + x.window * x.features);
}

/** Rows that feed the forecast: the window's values, plus the one before it when the model reads differences. */
export function inputRows(x: Pick<ExplainInput, 'window' | 'differenced'>): number {
  return x.window + (x.differenced ? 1 : 0);
}

/** `count` targets spread evenly over [from, to), all of them when there are no more than `count`. */
export function spread(from: number, to: number, count: number): Int32Array {
  const n = Math.max(0, to - from);
  if (n <= count) return Int32Array.from({ length: n }, (_, i) => from + i);
  return Int32Array.from({ length: count }, (_, i) => from + Math.floor((i * n) / count));
}
