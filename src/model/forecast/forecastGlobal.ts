/** Forecasts of a global model (many series, or covariates): each series with its own scalers and residuals. */
import type { Series } from '../data/types';
import type { Forecast, SeriesMeta } from '../types';
import type { ModelHandle } from '../network/handle';
import { predictScaled } from '../train/evaluate';
import { unscale } from '../windows/scaler';
import { inputsOf, seriesSignal } from '../windows/panelSignal';
import { featureCount } from '../store/seriesMeta';
import { interval } from './intervals';
import { ModelMismatchError } from './forecast';

/** The stored series a file's series belongs to (by label, else the column for a one-series model). */
export function seriesMetaFor(model: ModelHandle, series: Series): SeriesMeta {
  const all = model.meta.series ?? [];
  const name = series.label ?? model.meta.column;
  const found = all.find((s) => s.name === name) ?? (all.length === 1 && !series.label ? all[0] : undefined);
  if (!found) {
    const names = all
      .slice(0, 20)
      .map((s) => JSON.stringify(s.name))
      .join(', ');
    throw new ModelMismatchError(
      `the model was not trained on series ${JSON.stringify(name)} (series: ${names})`,
    );
  }
  return found;
}

/** The next value with its interval, and `steps` values ahead (only without features: their future is unknown). */
export function forecastSeries(model: ModelHandle, series: Series, steps = 1, level = 0.8): Forecast {
  const m = model.meta;
  const sm = seriesMetaFor(model, series);
  const W = m.window;
  const F = featureCount(m);
  const inputs = inputsOf(series);
  if (inputs.length !== F)
    throw new ModelMismatchError(
      `the model takes ${F - 1} feature columns (${(m.features ?? []).join(', ')})`,
    );
  if (steps > 1 && F > 1)
    throw new ModelMismatchError(
      `forecasting ${steps} steps would need future values of ${(m.features ?? []).join(', ')}; only the next value can be forecast`,
    );
  if (!(level > 0 && level < 1))
    throw new ModelMismatchError(`the interval level must be between 0 and 1, got ${level}`);
  const need = W + (m.differenced ? 1 : 0);
  if (series.values.length < need)
    throw new ModelMismatchError(
      `series ${JSON.stringify(sm.name)} has ${series.values.length} rows; the model's window needs at least ${need}`,
    );
  const tails = inputs.map((v) => Array.from(v.subarray(v.length - need)));
  const out: number[] = [];
  for (let h = 0; h < Math.max(1, steps); h++) {
    const [target, ...covariates] = tails.map((t) => Float64Array.from(t.slice(t.length - need)));
    const z = seriesSignal(
      { name: sm.name, values: target, covariates, problems: [] },
      sm.scalers,
      m.differenced,
    );
    const y = predictScaled(
      model.net,
      { z, differenced: false, window: W, features: F },
      Int32Array.of(W),
    )[0];
    const next = m.differenced ? target[need - 1] + unscale(sm.scalers[0], y) : unscale(sm.scalers[0], y);
    out.push(next);
    tails[0].push(next);
  }
  return {
    next: out[0],
    level,
    interval: interval(sm.residuals, out[0], level, 1),
    forecast: out,
    intervals: out.map((v, i) => interval(sm.residuals, v, level, i + 1)),
  };
}
