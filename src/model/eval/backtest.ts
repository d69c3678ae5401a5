/** Rolling-origin backtest of the network against naive, seasonal naive, Theta and AutoARIMA on the same folds. */
import type { Series } from '../data/types';
import type { BacktestFold, BacktestModelKey, BacktestProgress, BacktestReport, TrainConfig } from '../types';
import { BACKTEST_MODELS } from '../../shared/schema/backtest';
import { rankingMetric } from '../../shared/backtestVerdict';
import { resolveConfig } from '../config';
import { detectSeason } from '../forecast/season';
import { forecast } from '../forecast/forecast';
import { trainModel } from '../train/trainModel';
import { foldOrigins, MIN_FIRST_TRAIN } from './folds';
import { scoreFold, summarise, type FoldForecast } from './scoring';
import { naiveForecast, seasonalNaiveForecast } from './naiveForecasts';
import { thetaForecast } from './theta';
import { arimaForecast } from './arima';

export interface BacktestOptions {
  /** K, default 5. */
  folds?: number;
  /** H, default one season (1 when there is none). */
  horizon?: number;
  /** The network's settings, as for trainModel. */
  config?: Partial<TrainConfig>;
  onProgress?(p: BacktestProgress): void;
  /** Checked between folds, models and training batches; true ends the backtest with BacktestStopped. */
  shouldStop?(): boolean;
}

/** Thrown when shouldStop() asks a backtest to end; the caller reports "stopped", not an error. */
export class BacktestStopped extends Error {
  constructor() {
    super('backtest stopped');
    this.name = 'BacktestStopped';
  }
}

export const DEFAULT_FOLDS = 5;

function medianStep(time?: Float64Array): number | undefined {
  if (!time || time.length < 3) return undefined;
  const d = Array.from({ length: time.length - 1 }, (_, i) => time[i + 1] - time[i]).sort((a, b) => a - b);
  return d[d.length >> 1];
}

/** The part of a series before `origin`: all a fold may see. */
function head(series: Series, origin: number): Series {
  return {
    name: series.name,
    values: series.values.slice(0, origin),
    time: series.time?.slice(0, origin),
    problems: [],
  };
}

type Forecaster = (fold: Series, horizon: number, season: number) => FoldForecast | Promise<FoldForecast>;

export async function runBacktest(series: Series, opts: BacktestOptions = {}): Promise<BacktestReport> {
  const started = performance.now();
  const config = resolveConfig(opts.config ?? {});
  const values = series.values;
  const n = values.length;
  const step = medianStep(series.time);
  // The default horizon is a season of the whole series (a choice like the user's --horizon); the season the models
  // use comes only from values before the first fold's origin, so no fold learns anything from after its origin.
  const horizon = opts.horizon ?? detectSeason(values, n, step);
  // Without --folds a short series gets as many of the default folds as fit (72 monthly values: 4 of 12), not a refusal.
  const fit = Math.floor((n - Math.max(MIN_FIRST_TRAIN, 2 * horizon)) / horizon);
  const folds = opts.folds ?? (fit >= 1 ? Math.min(DEFAULT_FOLDS, fit) : DEFAULT_FOLDS);
  const origins = foldOrigins(n, folds, horizon);
  const season = detectSeason(values, origins[0], step);
  const stop = () => {
    if (opts.shouldStop?.()) throw new BacktestStopped();
  };

  const rnn: Forecaster = async (fold, h) => {
    const model = await trainModel(fold, config, {
      shouldStop: opts.shouldStop,
      onEpoch: (r) => opts.onProgress?.({ ...progress, model: 'rnn', epoch: r.epoch, epochs: r.epochs }),
    });
    try {
      stop();
      const f = forecast(model, fold, h, 0.8);
      return { point: f.forecast, lower: f.intervals.map((i) => i[0]), upper: f.intervals.map((i) => i[1]) };
    } finally {
      model.dispose();
    }
  };
  const forecasters: Record<BacktestModelKey, Forecaster> = {
    rnn,
    naive: (f, h) => naiveForecast(f.values, f.values.length, h),
    seasonalNaive: (f, h, m) => seasonalNaiveForecast(f.values, f.values.length, h, m),
    theta: (f, h, m) => thetaForecast(f.values, f.values.length, h, m),
    arima: (f, h, m) => arimaForecast(f.values, f.values.length, h, m),
  };

  const perFold = Object.fromEntries(BACKTEST_MODELS.map((k) => [k, [] as BacktestFold[]])) as Record<
    BacktestModelKey,
    BacktestFold[]
  >;
  let progress: BacktestProgress = { fold: 0, folds, model: 'rnn' };
  for (const [k, origin] of origins.entries()) {
    const fold = head(series, origin);
    for (const key of BACKTEST_MODELS) {
      stop();
      progress = { fold: k + 1, folds, model: key };
      opts.onProgress?.(progress);
      let f: FoldForecast | Error;
      try {
        f = await forecasters[key](fold, horizon, season);
      } catch (e) {
        // Only the statistical library may fail on a fold and still leave a report; a network error is the user's.
        if (key !== 'arima' || e instanceof BacktestStopped) throw e;
        f = e instanceof Error ? e : new Error(String(e));
      }
      stop();
      perFold[key].push(scoreFold(values, origin, horizon, season, f));
    }
  }

  const models = Object.fromEntries(
    BACKTEST_MODELS.map((k) => [k, summarise(values, horizon, perFold[k])]),
  ) as BacktestReport['models'];
  // Only models that forecast every fold compete for best: a mean over fewer folds is not the same test.
  const complete = BACKTEST_MODELS.filter((k) => models[k].perFold.every((f) => f.error === undefined));
  const bestBy = rankingMetric(models);
  const best = complete.reduce((a, b) => (models[b][bestBy] < models[a][bestBy] ? b : a), complete[0]);
  return {
    column: series.name,
    folds,
    horizon,
    season,
    level: 0.8,
    cell: config.cell,
    models,
    best,
    bestBy,
    seconds: (performance.now() - started) / 1000,
  };
}
