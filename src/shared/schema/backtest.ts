/**
 * A backtest's report and progress, defined once (DESIGN.md's backtest JSON): rolling origin with an expanding window,
 * the last folds·horizon values as `folds` consecutive blocks of `horizon`, every model scored on the same blocks.
 */
import * as v from 'valibot';
import { anyInteger, anyNumber, count, numbers } from './fields';

/** The models every backtest compares, in the order tables list them. */
export const BACKTEST_MODELS = ['rnn', 'naive', 'seasonalNaive', 'theta', 'arima'] as const;
export type BacktestModelKey = (typeof BACKTEST_MODELS)[number];

/**
 * Share of actual values inside a model's 80% intervals (0–1). null where the model gave no interval on any fold (it
 * failed there); JSON has no NaN, so "no value" is null rather than a number.
 */
const coverage = v.nullable(anyNumber);

/** One fold's scores: the fold forecasts values[origin, origin + horizon) from values[0, origin). */
export const BacktestFoldSchema = v.object({
  origin: count,
  mae: anyNumber,
  rmse: anyNumber,
  smape: anyNumber,
  mase: anyNumber,
  coverage,
  /** The point forecasts, one per step ahead. */
  forecast: numbers,
  /** Why the model has no forecast on this fold (e.g. ARIMA did not converge); its metrics are then NaN. */
  error: v.optional(v.string()),
});

/** A model's means over the folds it forecast, per-fold scores, and MAE per step ahead (index 0 = 1 step). */
export const BacktestScoreSchema = v.object({
  mae: anyNumber,
  rmse: anyNumber,
  smape: anyNumber,
  mase: anyNumber,
  coverage,
  perFold: v.array(BacktestFoldSchema),
  perStep: numbers,
});

export const BacktestReportSchema = v.object({
  column: v.string(),
  folds: count,
  horizon: count,
  season: count,
  /** The interval level coverage is measured at (0.8). */
  level: anyNumber,
  /** The network's cell as trained (rnn | gru | lstm), for verdicts such as "GRU beats seasonal naive…". */
  cell: v.string(),
  models: v.object({
    rnn: BacktestScoreSchema,
    naive: BacktestScoreSchema,
    seasonalNaive: BacktestScoreSchema,
    theta: BacktestScoreSchema,
    arima: BacktestScoreSchema,
  }),
  /** The key with the lowest mean MASE (MAE when no model has a finite MASE: see bestBy). */
  best: v.picklist(BACKTEST_MODELS),
  /**
   * The metric `best` and the verdict rank by: 'mae' when every MASE is undefined, i.e. seasonal naive was exact on
   * the training part (a pure sine). Absent in reports written before it existed, which ranked by MASE.
   */
  bestBy: v.optional(v.picklist(['mase', 'mae'])),
  seconds: anyNumber,
});

/** Sent when a fold's model starts (and per epoch while the network trains); `fold` is 1-based. */
export const BacktestProgressSchema = v.object({
  fold: count,
  folds: count,
  model: v.picklist(BACKTEST_MODELS),
  epoch: v.optional(anyInteger),
  epochs: v.optional(anyInteger),
});
