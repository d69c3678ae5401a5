/** Which inputs a loaded model sees for a target, in the model's scaled working signal and in the series' rows. */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import { ModelMismatchError } from '../forecast/forecast';
import { firstTarget, scaledSignal, windowStart } from '../windows/prepare';
import { removalOf, withoutSeason, type SeasonRemoval } from '../forecast/seasonFree';

export interface ExplainInput {
  model: ModelHandle;
  values: Float64Array;
  /** The season the model removes before its network (null: none), and the values so (the network's units). */
  removal: SeasonRemoval | null;
  net: Float64Array;
  /** The scaled working signal (levels or first differences). */
  z: Float32Array;
  window: number;
  differenced: boolean;
  /** First series index with a full window before it. */
  first: number;
}

export function explainInput(model: ModelHandle, series: Series): ExplainInput {
  const m = model.meta;
  if (series.name !== m.column)
    throw new ModelMismatchError(`the model was trained on column "${m.column}", not "${series.name}"`);
  if (model.net.spec.features !== 1)
    throw new ModelMismatchError('explain reads models of one series without covariates');
  const first = firstTarget(m.differenced, m.window);
  if (series.values.length < first + 1)
    throw new ModelMismatchError(
      `column "${m.column}" has ${series.values.length} rows; the model's window needs at least ${first + 1}`,
    );
  const removal = removalOf(m);
  const net = withoutSeason(series.values, removal);
  return {
    model,
    values: series.values,
    removal,
    net,
    z: scaledSignal(net, m.scaler, m.differenced),
    window: m.window,
    differenced: m.differenced,
    first,
  };
}

/** The scaled inputs of the window that predicts series index t (its last input is row t - 1). */
export function inputsFor(x: ExplainInput, t: number): Float32Array {
  const s = windowStart(x, t);
  return x.z.slice(s, s + x.window);
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
