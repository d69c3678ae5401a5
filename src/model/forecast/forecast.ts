/** One-step and recursive n-step forecasts, hidden-state probes and validation traces for a model handle. */
import type { Series } from '../data/types';
import type { Forecast, HiddenStates, ModelMeta, ValidationTrace } from '../types';
import type { SeqNet } from '../network/seqnet';
import type { ModelHandle } from '../network/handle';
import { predictScaled } from '../train/evaluate';
import { firstTarget, scaledSignal, toLevel, windowStart } from '../windows/prepare';
import { interval } from './intervals';
import { conformalHalfWidth, heldOutCoverage } from './conformal';
import { removalOf, seasonAt, withoutSeason } from './seasonFree';
import { recursiveForecasts, type RecursiveModel } from './recursive';
import { combine, plainForecast } from './check';

/** A model is only ever applied to the column and window it was trained on. */
export class ModelMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelMismatchError';
  }
}

function check(model: ModelHandle, series: Series, need: number): void {
  const m = model.meta;
  if (series.name !== m.column) {
    throw new ModelMismatchError(`the model was trained on column "${m.column}", not "${series.name}"`);
  }
  if (model.net.spec.window !== m.window)
    throw new ModelMismatchError(
      `the model's window ${model.net.spec.window} differs from meta.json's ${m.window}`,
    );
  const bad = m.log ? series.values.findIndex((v) => !(v > 0)) : -1;
  if (bad >= 0)
    throw new ModelMismatchError(
      `column "${m.column}": value ${bad + 1} is ${series.values[bad]}; the model reads the logarithm of the series, which needs every value above 0`,
    );
  if (series.values.length < need) {
    throw new ModelMismatchError(
      `column "${m.column}" has ${series.values.length} rows; the model's window needs at least ${need}`,
    );
  }
}

/** What recursive.ts needs of a model: its networks (every ensemble member) and how it reads the series. */
export function recursiveModel(m: ModelMeta, nets: readonly SeqNet[]): RecursiveModel {
  return { nets, scaler: m.scaler, differenced: m.differenced, window: m.window, removal: removalOf(m) };
}

/**
 * The forecast of `steps` rows past the series, as the validation check formed it (forecast/check.ts): the median of
 * the ensemble's recursive forecasts, combined with the stored partner's (a plain method) by the stored weight.
 */
export function forecastPath(model: ModelHandle, values: Float64Array, steps: number): number[] {
  const m = model.meta;
  const nets = [model.net, ...(model.members ?? [])];
  const network = recursiveForecasts(values, recursiveModel(m, nets), [values.length], steps)[0];
  const w = m.check?.weight ?? 1;
  if (w === 1) return Array.from(network);
  const partner = m.check?.partner ?? 'theta';
  const partnerPath = plainForecast(partner, values, values.length, steps, m.season);
  return Array.from(combine(network, partnerPath, m.check?.weights ?? w));
}

/** The next value with its interval at `level` (default 0.8), and `steps` values ahead, each fed back as input. */
export function forecast(model: ModelHandle, series: Series, steps = 1, level = 0.8): Forecast {
  const m = model.meta;
  check(model, series, m.window + (m.differenced ? 1 : 0));
  if (!(level > 0 && level < 1))
    throw new ModelMismatchError(`the interval level must be between 0 and 1, got ${level}`);
  const out = forecastPath(model, series.values, Math.max(1, steps));
  const c = m.conformal;
  const around = (v: number, h: number): [number, number] => {
    if (!c) return interval(m.residuals, v, level, h);
    const half = conformalHalfWidth(c, level, h, v);
    return [v - half, v + half];
  };
  const intervals = out.map((v, i) => around(v, i + 1));
  return {
    next: out[0],
    level,
    interval: intervals[0],
    forecast: out,
    intervals,
    intervalMethod: c ? 'conformal' : 'residual',
    ...(c && { coverage: heldOutCoverage(c, level) }),
    ...(m.check?.better && {
      better: {
        method: m.check.better,
        error: m.check.errors[m.check.better],
        modelError: m.check.errors.final,
      },
    }),
  };
}

/** h_t (and c_t) of every layer for the window whose first value is series index `start` (default: the latest). */
export function probeHidden(model: ModelHandle, series: Series, start?: number): HiddenStates {
  const m = model.meta;
  const W = m.window;
  const n = series.values.length;
  const first = m.differenced ? 1 : 0;
  check(model, series, W + first);
  const s = Math.min(Math.max(start ?? n - W, first), n - W);
  const z = scaledSignal(withoutSeason(series.values, removalOf(m)), m.scaler, m.differenced);
  const t = s + W;
  const from = windowStart({ differenced: m.differenced, window: W }, t);
  const r = model.net.probe(z.slice(from, from + W));
  return {
    cell: model.net.spec.cell,
    steps: W,
    units: model.net.spec.units,
    start: s,
    input: Array.from(series.values.subarray(s, s + W)),
    layers: r.layers,
  };
}

/** Model vs actual vs naive over the validation targets, in series units. */
export function validationTrace(model: ModelHandle, series: Series): ValidationTrace {
  const m = model.meta;
  const values = series.values;
  const removal = removalOf(m);
  const net = withoutSeason(values, removal);
  const first = Math.max(m.splitIndex, firstTarget(m.differenced, m.window));
  const targets = new Int32Array(Math.max(0, values.length - first)).map((_, i) => first + i);
  const z = scaledSignal(net, m.scaler, m.differenced);
  const yhat = predictScaled(model.net, { z, differenced: m.differenced, window: m.window }, targets);
  const index = Array.from(targets);
  return {
    index,
    actual: index.map((t) => values[t]),
    predicted: index.map((t, i) => seasonAt(toLevel(net, m, t, yhat[i]), removal, t)),
    naive: index.map((t) => values[t - 1]),
  };
}
