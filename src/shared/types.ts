/** The plain data types every room shares (the core, the worker, the host, the webviews), inferred from ./schema. */
import type * as v from 'valibot';
import type * as B from './schema/backtest';

export type { TrainConfig, CellType, ScalerKind } from './schema/config';
export type {
  Metrics,
  Baselines,
  EpochReport,
  BatchReport,
  HiddenStates,
  ValidationTrace,
  Forecast,
  ColumnSummary,
  Problem,
  Layout,
  RunState,
  WireSource,
} from './schema/data';
export type { BacktestModelKey } from './schema/backtest';
export type { DeseasonReport } from './schema/deseason';
export type { ForecastReport } from './schema/forecastReport';
export type BacktestFold = v.InferOutput<typeof B.BacktestFoldSchema>;
export type BacktestScore = v.InferOutput<typeof B.BacktestScoreSchema>;
export type BacktestReport = v.InferOutput<typeof B.BacktestReportSchema>;
export type BacktestProgress = v.InferOutput<typeof B.BacktestProgressSchema>;

/** A plain forecasting method a model is checked against (model/forecast/check.ts). */
export type CheckMethod = 'naive' | 'seasonalNaive' | 'theta';
