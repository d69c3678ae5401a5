/**
 * One network over many series (cross-learning): windows from every series train the same weights, each series scaled
 * (and differenced, if chosen) on its own training range, validated on its own last part. Covariates ride along as
 * extra inputs per time step. Scores are reported per series and pooled (MASE pooled over every point's own scale).
 */
import type { Series } from '../data/types';
import type { HiddenStates, Metrics, ModelMeta, SeriesMeta, TrainConfig, ValidationTrace } from '../types';
import { resolveConfig, TOOL_VERSION } from '../config';
import { assertKernel, createNet } from '../network/seqnet';
import { splitIndexOf } from '../windows/prepare';
import { chooseDifference, chooseWindow } from '../windows/auto';
import { inputsOf, preparePanel, type Block } from '../windows/panelSignal';
import { unscale } from '../windows/scaler';
import { detectSeason } from '../forecast/season';
import { baselines } from '../forecast/baselines';
import { metrics, naiveScale } from '../forecast/metrics';
import { residualSummary } from '../forecast/intervals';
import { predictScaled } from './evaluate';
import { trainLoop, TrainingError } from './trainer';
import { KERNEL_BACKEND, type EpochView, type TrainedModel, type TrainHooks } from './trainModel';

/** What a global model is trained on: the reader's Panel, or any list of series with the same features. */
export interface PanelInput {
  column: string;
  key?: string;
  columns?: string[];
  features: string[];
  /** Each with `label` (defaults to the column) and the same number of covariates. */
  series: Series[];
}

/** An epoch's view of a global run, with the series trained on and where each sits, to view any of them. */
export interface GlobalEpochView extends EpochView {
  readonly kept: readonly { name: string; series: Series; block: Block }[];
  readonly shape: { window: number; differenced: boolean };
}

export interface GlobalHooks extends Omit<TrainHooks, 'onEpoch'> {
  onEpoch?(r: Parameters<NonNullable<TrainHooks['onEpoch']>>[0], view: GlobalEpochView): void | Promise<void>;
}

export interface GlobalModel extends TrainedModel {
  /** Series left out because they are too short for the window, and why. */
  readonly skipped: { name: string; reason: string }[];
}

/** Differencing decided by the series themselves: most of (up to) the 50 longest vote. */
const VOTERS = 50;

function medianStep(time?: Float64Array): number | undefined {
  if (!time || time.length < 3) return undefined;
  const d = Array.from({ length: time.length - 1 }, (_, i) => time[i + 1] - time[i]).sort((a, b) => a - b);
  return d[d.length >> 1];
}

function plan(series: Series[], c: TrainConfig): { window: number; differenced: boolean; season: number } {
  const longest = [...series].sort((a, b) => b.values.length - a.values.length);
  const lead = longest[0];
  const season = detectSeason(
    lead.values,
    splitIndexOf(lead.values.length, c.validationSplit),
    medianStep(lead.time),
  );
  const splits = series.map((s) => splitIndexOf(s.values.length, c.validationSplit)).sort((a, b) => a - b);
  const window = c.window || chooseWindow(season, splits[splits.length >> 1]);
  if (c.difference !== 'auto') return { window, differenced: c.difference === 'first', season };
  const voters = longest.slice(0, VOTERS);
  const yes = voters.filter((s) =>
    chooseDifference(s.values, splitIndexOf(s.values.length, c.validationSplit), window),
  ).length;
  return { window, differenced: yes * 2 >= voters.length, season };
}

/** Model metrics pooled over several series: units mix in MAE/RMSE, MASE divides each error by its own scale. */
function pooled(parts: { actual: number[]; predicted: number[]; scale: number }[]): Metrics {
  const actual = parts.flatMap((p) => p.actual);
  const predicted = parts.flatMap((p) => p.predicted);
  const m = metrics(actual, predicted, NaN);
  let scaled = 0;
  for (const p of parts) p.actual.forEach((a, i) => (scaled += Math.abs(a - p.predicted[i]) / p.scale));
  return { ...m, mase: scaled / actual.length };
}

const nameOf = (s: Series, column: string) => s.label ?? column;

export async function trainGlobal(
  input: PanelInput,
  config: Partial<TrainConfig>,
  hooks: GlobalHooks = {},
): Promise<GlobalModel> {
  const c = resolveConfig(config);
  const F = 1 + input.features.length;
  for (const s of input.series)
    if (inputsOf(s).length !== F)
      throw new TrainingError(`series "${nameOf(s, input.column)}" lacks some of the features`);
  if (input.series.length === 0) throw new TrainingError('there is no series to train on');
  assertKernel();
  const { window, differenced, season } = plan(input.series, c);
  const prep = preparePanel(input.series, c, window, differenced);
  const skipped = prep.tooShort.map((s) => ({
    name: nameOf(s, input.column),
    reason: `${s.values.length} values are too few for window ${window} with a validation part`,
  }));
  if (prep.kept.length === 0)
    throw new TrainingError(
      `every series is too short for window ${window} (${skipped.map((s) => s.name).join(', ')})`,
    );
  const net = createNet({ cell: c.cell, layers: c.layers, units: c.units, window, features: F }, c.seed);
  const resolved: TrainConfig = { ...c, window, difference: differenced ? 'first' : 'none' };
  const first = prep.blocks[0];
  const meta: ModelMeta = {
    format: 1,
    tool: TOOL_VERSION,
    createdAt: new Date().toISOString(),
    config: resolved,
    column: input.column,
    window,
    dataFile: '',
    dataHash: '',
    rows: prep.kept.reduce((a, s) => a + s.values.length, 0),
    splitIndex: first.splitIndex,
    scaler: first.scalers[0],
    differenced,
    season,
    metrics: { val: baselines(prep.kept[0].values, first.valTargets, first.splitIndex, 1).naive },
    baselines: baselines(prep.kept[0].values, first.valTargets, first.splitIndex, season),
    residuals: [],
    epochsRun: 0,
    bestEpoch: 0,
    stopped: false,
    trainSeconds: 0,
    backend: KERNEL_BACKEND,
    ...(input.key !== undefined && { seriesColumn: input.key }),
    ...(input.columns && { columns: input.columns }),
    ...(F > 1 && { features: input.features }),
  };
  const handle = { meta, net, dispose: () => net.dispose() };
  const trace = (k: number): ValidationTrace => traceOf(net, prep, k);
  const kept = prep.kept.map((s, k) => ({ name: nameOf(s, input.column), series: s, block: prep.blocks[k] }));
  try {
    const run = await trainLoop(net, prep.pooled, c, {
      ...hooks,
      onEpoch:
        hooks.onEpoch &&
        ((r) =>
          hooks.onEpoch?.(r, {
            model: handle,
            validationTrace: () => trace(0),
            hidden: (start) => hiddenOf(net, prep, 0, start),
            kept,
            shape: { window, differenced },
          })),
    });
    const parts = prep.kept.map((s, k) => {
      const t = trace(k);
      if (t.predicted.some((v) => !Number.isFinite(v)))
        throw new TrainingError('training diverged: the model predicts non-finite values');
      return { s, block: prep.blocks[k], ...t, scale: naiveScale(s.values, prep.blocks[k].splitIndex) };
    });
    meta.series = parts.map(({ s, block, actual, predicted, scale }) =>
      seriesMeta(nameOf(s, input.column), s, block, actual, predicted, scale),
    );
    meta.metrics = { val: pooled(parts) };
    meta.baselines = {
      naive: pooled(parts.map((p) => ({ actual: p.actual, predicted: p.naive, scale: p.scale }))),
      seasonalNaive: pooled(
        parts.map((p, k) => ({
          actual: p.actual,
          predicted: seasonalNaive(p.s.values, p.index, meta.series?.[k].season ?? 1),
          scale: p.scale,
        })),
      ),
      season,
    };
    meta.residuals = meta.series[0].residuals;
    Object.assign(meta, {
      epochsRun: run.history.length,
      bestEpoch: run.bestEpoch,
      stopped: run.stopped,
      trainSeconds: run.seconds,
    });
    return { ...handle, history: run.history, stopped: run.stopped, skipped };
  } catch (e) {
    net.dispose();
    throw e;
  }
}

/** h_t of every layer for series k's window starting at series index `start` (default: its latest). */
function hiddenOf(
  net: ReturnType<typeof createNet>,
  prep: ReturnType<typeof preparePanel>,
  k: number,
  start?: number,
): HiddenStates {
  const W = prep.pooled.window;
  const F = prep.pooled.features ?? 1;
  const values = prep.kept[k].values;
  const shift = prep.differenced ? 1 : 0;
  const n = values.length;
  const s = Math.min(Math.max(start ?? n - W, shift), n - W);
  // Window of series indices [s, s + W) is working steps [s − shift, s − shift + W) of the block.
  const from = (prep.blocks[k].base + s - shift) * F;
  const r = net.probe(prep.pooled.z.slice(from, from + W * F));
  return {
    cell: net.spec.cell,
    steps: W,
    units: net.spec.units,
    start: s,
    input: Array.from(values.subarray(s, s + W)),
    layers: r.layers,
  };
}

function seasonalNaive(values: Float64Array, index: number[], season: number): number[] {
  return index.map((t) => values[t - season >= 0 ? t - season : t - 1]);
}

function seriesMeta(
  name: string,
  s: Series,
  block: Block,
  actual: number[],
  predicted: number[],
  scale: number,
): SeriesMeta {
  const season = detectSeason(s.values, block.splitIndex, medianStep(s.time));
  return {
    name,
    rows: s.values.length,
    splitIndex: block.splitIndex,
    scalers: block.scalers,
    season,
    metrics: { val: metrics(actual, predicted, scale) },
    baselines: baselines(s.values, block.valTargets, block.splitIndex, season),
    residuals: residualSummary(actual.map((a, i) => a - predicted[i])),
  };
}

/** Model vs actual vs naive over series k's validation targets, in its own units. */
function traceOf(
  net: Parameters<typeof predictScaled>[0],
  prep: ReturnType<typeof preparePanel>,
  k: number,
): ValidationTrace {
  const b = prep.blocks[k];
  const values = prep.kept[k].values;
  const diff = prep.differenced;
  const shift = diff ? 1 : 0;
  const targets = Int32Array.from(b.valTargets, (t) => b.base + t - shift);
  const yhat = predictScaled(net, prep.pooled, targets);
  const index = Array.from(b.valTargets);
  return {
    index,
    actual: index.map((t) => values[t]),
    predicted: index.map((t, i) =>
      diff ? values[t - 1] + unscale(b.scalers[0], yhat[i]) : unscale(b.scalers[0], yhat[i]),
    ),
    naive: index.map((t) => values[t - 1]),
  };
}
