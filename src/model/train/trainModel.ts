/** trainModel: from a series and a partial config to a trained model with its meta, metrics and baselines. */
import type { Series } from '../data/types';
import type {
  EpochReport,
  BatchReport,
  HiddenStates,
  ModelMeta,
  TrainConfig,
  ValidationTrace,
} from '../types';
import { resolveConfig, TOOL_VERSION } from '../config';
import { assertKernel, createNet } from '../network/seqnet';
import type { ModelHandle } from '../network/handle';
import { prepare, splitIndexOf, toLevel } from '../windows/prepare';
import { chooseDifference, chooseWindow } from '../windows/auto';
import { detectSeason } from '../forecast/season';
import { baselines } from '../forecast/baselines';
import { metrics, naiveScale } from '../forecast/metrics';
import { residualSummary } from '../forecast/intervals';
import { calibrate } from '../forecast/conformal';
import { probeHidden, validationTrace } from '../forecast/forecast';
import { predictScaledAsync } from './evaluate';
import { scoringThreads } from '../kernel/threadCount';
import { trainLoop, TrainingError } from './trainer';
import { fitRemoval, removalOf, seasonAt, withoutSeason, type Deseasonalized } from '../forecast/seasonFree';
import { chooseRemoval } from './deseasonChoice';

/** What meta.json's `backend` says trained a model: SeqLab's WebAssembly kernel (tfjs' backends no longer train). */
export const KERNEL_BACKEND = 'kernel';

/** Lazily computed with the current weights: only what the panel asks for is computed. */
export interface EpochView {
  /** The model as it is at this epoch (weights in the tfjs network), for views of the caller's own. */
  readonly model: ModelHandle;
  validationTrace(): ValidationTrace;
  /** Default: the latest window of the series. */
  hidden(start?: number): HiddenStates;
}

export interface TrainHooks {
  onEpoch?(r: EpochReport, view: EpochView): void | Promise<void>;
  onBatch?(r: BatchReport): void;
  /** Checked between batches; true ends training after the current batch and keeps the model. */
  shouldStop?(): boolean;
}

export interface TrainedModel extends ModelHandle {
  readonly history: EpochReport[];
  readonly stopped: boolean;
}

function medianStep(time?: Float64Array): number | undefined {
  if (!time || time.length < 3) return undefined;
  const d = Array.from({ length: time.length - 1 }, (_, i) => time[i + 1] - time[i]).sort((a, b) => a - b);
  return d[d.length >> 1];
}

export interface Plan {
  window: number;
  differenced: boolean;
  season: number;
  splitIndex: number;
}

/**
 * The worker announces a run's plan before training it, and trainModel needs the same plan: the season search and
 * the differencing test scan the whole series, so the plan is worked out once per series and setting.
 */
const plans = new WeakMap<Series, { key: string; plan: Plan }>();

/** Resolves the window and differencing a config leaves to the data. */
export function planFor(series: Series, c: TrainConfig): Plan {
  const key = `${c.validationSplit}:${c.window}:${c.difference}`;
  const known = plans.get(series);
  if (known?.key === key) return known.plan;
  const n = series.values.length;
  const splitIndex = splitIndexOf(n, c.validationSplit);
  const season = detectSeason(series.values, splitIndex, medianStep(series.time));
  const window = c.window || chooseWindow(season, splitIndex);
  const differenced =
    c.difference === 'first' ||
    (c.difference === 'auto' && chooseDifference(series.values, splitIndex, window));
  const plan = { window, differenced, season, splitIndex };
  plans.set(series, { key, plan });
  return plan;
}

export async function trainModel(
  series: Series,
  config: Partial<TrainConfig>,
  hooks: TrainHooks = {},
): Promise<TrainedModel> {
  const c = resolveConfig(config);
  const values = series.values;
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new TrainingError(`column "${series.name}": value ${bad + 1} is not a finite number`);
  if (values.length < 10)
    throw new TrainingError(
      `column "${series.name}" has ${values.length} values; training needs at least 10`,
    );
  try {
    assertKernel();
  } catch (e) {
    throw new TrainingError((e as Error).message);
  }
  const plan = planFor(series, c);
  const removal =
    c.deseasonalize === 'off' || c.deseasonalize === undefined
      ? null
      : fitRemoval(values, plan.splitIndex, plan.season);
  if (!removal) return trainCandidate(series, c, plan, undefined, hooks);
  if (c.deseasonalize === 'on')
    return trainCandidate(series, c, plan, { ...removal, applied: true, setting: 'on' }, hooks);
  return chooseRemoval(c, removal, (cc, d, h) => trainCandidate(series, cc, plan, d, h), hooks);
}

/** One network trained on the series as the plan and the removal (if any) say. */
async function trainCandidate(
  series: Series,
  c: TrainConfig,
  plan: Plan,
  deseasonalized: Deseasonalized | undefined,
  hooks: TrainHooks,
): Promise<TrainedModel> {
  const values = series.values;
  const removal = deseasonalized ? removalOf({ deseasonalized }) : null;
  // What the network reads: the series with its season removed when the model removes it.
  const netValues = withoutSeason(values, removal);
  const differenced =
    c.difference === 'first' ||
    (c.difference === 'auto' && chooseDifference(netValues, plan.splitIndex, plan.window));
  let p;
  try {
    p = prepare(netValues, c, plan.window, differenced);
  } catch (e) {
    throw new TrainingError(`column "${series.name}": ${(e as Error).message}`);
  }
  const resolved: TrainConfig = {
    ...c,
    window: plan.window,
    difference: differenced ? 'first' : 'none',
  };
  const net = createNet(
    { cell: c.cell, layers: c.layers, units: c.units, window: plan.window, features: 1 },
    c.seed,
  );
  const meta: ModelMeta = {
    format: 1,
    tool: TOOL_VERSION,
    createdAt: new Date().toISOString(),
    config: resolved,
    column: series.name,
    window: plan.window,
    dataFile: '',
    dataHash: '',
    rows: values.length,
    splitIndex: p.splitIndex,
    scaler: p.scaler,
    differenced,
    season: plan.season,
    ...(deseasonalized && { deseasonalized }),
    metrics: { val: baselines(values, p.valTargets, p.splitIndex, 1).naive },
    baselines: baselines(values, p.valTargets, p.splitIndex, plan.season),
    residuals: [],
    epochsRun: 0,
    bestEpoch: 0,
    stopped: false,
    trainSeconds: 0,
    backend: KERNEL_BACKEND,
  };
  const handle: ModelHandle = { meta, net, dispose: () => net.dispose() };
  const view: EpochView = {
    model: handle,
    validationTrace: () => validationTrace(handle, series),
    hidden: (start) => probeHidden(handle, series, start),
  };
  try {
    const run = await trainLoop(net, p, c, {
      ...hooks,
      onEpoch: hooks.onEpoch && ((r) => hooks.onEpoch?.(r, view)),
    });
    const yhat = await predictScaledAsync(net, p, p.valTargets, scoringThreads(net.spec, c.threads));
    const actual = Array.from(p.valTargets, (t) => values[t]);
    const predicted = Array.from(p.valTargets, (t, i) =>
      seasonAt(toLevel(netValues, p, t, yhat[i]), removal, t),
    );
    if (predicted.some((v) => !Number.isFinite(v)))
      throw new TrainingError('training diverged: the model predicts non-finite values');
    meta.metrics = { val: metrics(actual, predicted, naiveScale(values, p.splitIndex)) };
    meta.residuals = residualSummary(actual.map((a, i) => a - predicted[i]));
    meta.conformal = calibrate(values, { ...meta, net, removal });
    Object.assign(meta, {
      epochsRun: run.history.length,
      bestEpoch: run.bestEpoch,
      stopped: run.stopped,
      trainSeconds: run.seconds,
      trainWindows: run.trainWindows,
      windowsPerEpoch: run.windowsPerEpoch,
      budgetCut: run.budgetCut,
      threads: run.threads,
    });
    return { meta, net, history: run.history, stopped: run.stopped, dispose: () => net.dispose() };
  } catch (e) {
    net.dispose();
    throw e;
  }
}
