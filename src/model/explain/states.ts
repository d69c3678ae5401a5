/**
 * The hidden state along the whole series: at row i, h_T of the window whose last input is row i (the state the
 * forecast of row i + 1 is read from). A window's state restarts at zero, so this is the summary vector the model
 * actually uses at each row, not one long unrolled run.
 */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import { toLevel } from '../windows/prepare';
import { seasonAt } from '../forecast/seasonFree';
import { explainInput, inputsFor } from './windows';

/** Rows analysed at most: the latest ones, so the cost stays bounded on very long series. */
export const MAX_STATE_ROWS = 5000;

export interface SeriesStates {
  /** Row of each state: rows[j] is the last input of window j. Consecutive. */
  rows: Int32Array;
  units: number;
  /** Per layer: h_T as [rows, units] row-major; `c` for LSTM cells. */
  layers: Array<{ h: Float32Array; c?: Float32Array }>;
  /** The model's forecast of row rows[j] + 1, in series units. */
  predicted: Float64Array;
}

export function seriesStates(model: ModelHandle, series: Series, maxRows = MAX_STATE_ROWS): SeriesStates {
  const x = explainInput(model, series);
  const n = x.values.length;
  const firstT = Math.max(x.first, n + 1 - maxRows);
  const count = n + 1 - firstT;
  const { units: u, layers: L, window: T, cell } = model.net.spec;
  const layers = Array.from({ length: L }, () => ({
    h: new Float32Array(count * u),
    ...(cell === 'lstm' ? { c: new Float32Array(count * u) } : {}),
  }));
  const rows = new Int32Array(count);
  const predicted = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const t = firstT + j;
    const r = model.net.probe(inputsFor(x, t));
    rows[j] = t - 1;
    const level = toLevel(x.net, { differenced: x.differenced, scaler: x.scalers[0] }, t, r.output);
    predicted[j] = seasonAt(level, x.removal, t);
    for (let l = 0; l < L; l++) {
      layers[l].h.set(r.layers[l].h.subarray((T - 1) * u, T * u), j * u);
      const c = r.layers[l].c;
      if (c) layers[l].c?.set(c.subarray((T - 1) * u, T * u), j * u);
    }
  }
  return { rows, units: u, layers, predicted };
}
