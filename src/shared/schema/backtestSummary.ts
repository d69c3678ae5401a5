/**
 * What a model folder remembers of its last backtest (backtest.json, written by src/model/store only): enough for
 * Predict Next Value to say how the model ranked and for the Models tree to show its backtest MASE. It belongs to one
 * save of the model (`generation`, as in meta.json); a retrain replaces the folder and so forgets it.
 */
import * as v from 'valibot';
import { BACKTEST_MODELS } from './backtest';
import { anyNumber, count } from './fields';

/** JSON has no NaN: a model that failed on every fold has null. */
const score = v.nullable(anyNumber);

export const BacktestSummarySchema = v.object({
  format: v.literal(1),
  generation: v.optional(v.string()),
  /** ISO time the backtest ended. */
  created: v.string(),
  folds: count,
  horizon: count,
  season: count,
  level: anyNumber,
  cell: v.string(),
  best: v.picklist(BACKTEST_MODELS),
  /** Mean MASE of every model over the folds. */
  mase: v.object({ rnn: score, naive: score, seasonalNaive: score, theta: score, arima: score }),
  /** The network's achieved coverage of its intervals at `level`. */
  coverage: score,
});
export type BacktestSummary = v.InferOutput<typeof BacktestSummarySchema>;
