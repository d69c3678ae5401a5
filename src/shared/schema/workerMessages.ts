/**
 * Messages between the extension host and the worker thread, defined once: each schema gives the type (inferred),
 * the validator the receiver runs, and the `type` tag that code switches on. Requests that touch a model name its
 * folder and the trusted folder it hangs below (`modelBase`, the workspace folder): see store/safeFolder.ts.
 */
import * as v from 'valibot';
import { PartialTrainConfigSchema, TrainConfigSchema } from './config';
import {
  BaselinesSchema,
  BatchReportSchema,
  ColumnSummarySchema,
  EpochReportSchema,
  ForecastSchema,
  HiddenStatesSchema,
  LayoutSchema,
  MetricsSchema,
  ProblemSchema,
  ValidationTraceSchema,
  WireSourceSchema,
} from './data';
import { anyInteger, anyNumber, count, finite, numbers } from './fields';
import { ExplainedSchema, ExplainRequestSchema } from './explainMessages';
import { BacktestProgressSchema, BacktestReportSchema } from './backtest';
import { DeseasonReportSchema } from './deseason';
import { ForecastReportSchema } from './forecastReport';

const runId = v.string();

export const SeriesKeySchema = v.object({
  column: v.string(),
  series: v.array(v.object({ name: v.string(), rows: count })),
});
export const SeriesScoreSchema = v.object({
  name: v.string(),
  rows: count,
  mae: anyNumber,
  rmse: anyNumber,
  mase: anyNumber,
  naiveMase: anyNumber,
});

// ─── host → worker ──────────────────────────────────────────────────────────────
/** Start training; the worker answers with events tagged runId and ends with Done or Failed. */
export const TrainRequestSchema = v.object({
  type: v.literal('train'),
  runId,
  source: WireSourceSchema,
  column: v.optional(v.string()),
  config: PartialTrainConfigSchema,
  modelDir: v.string(),
  modelBase: v.string(),
  dataFile: v.string(),
  /** A keyed file: one series of it (absent: one global model over every series). */
  series: v.optional(v.string()),
  /** Other numeric columns fed as inputs beside the series (covariates). */
  features: v.optional(v.array(v.string())),
  /** The key column as the inspection found it, or 'none'; absent: found again by the reader. */
  seriesColumn: v.optional(v.string()),
});
/** Stop a run between batches; keep=true saves the best weights so far. */
export const StopRequestSchema = v.object({ type: v.literal('stop'), runId, keep: v.boolean() });
/** Forecast from a saved model on the data as it is now; with `history`, also the series' last `history` values. */
export const PredictRequestSchema = v.object({
  type: v.literal('predict'),
  source: WireSourceSchema,
  modelDir: v.string(),
  modelBase: v.string(),
  steps: anyInteger,
  history: v.optional(count),
  /** A model of many series: the one to forecast (absent: every series of the file the model knows). */
  series: v.optional(v.string()),
  /** The column the caller means: a model folder holding another column's model is refused. */
  column: v.optional(v.string()),
  /** A plain method to forecast with instead of the model (one series only), as when the model lost to it. */
  method: v.optional(v.picklist(['naive', 'seasonalNaive', 'theta'])),
});
/**
 * Hidden states of a saved model for the window starting at `start` (default: the most recent window); with
 * trace=true also its predictions over the validation range, which is what a panel restored after a reload lacks.
 */
export const ProbeRequestSchema = v.object({
  type: v.literal('probe'),
  source: WireSourceSchema,
  modelDir: v.string(),
  modelBase: v.string(),
  start: v.optional(count),
  trace: v.optional(v.boolean()),
  /** One series of a global model (else its first). */
  series: v.optional(v.string()),
});
/** Columns of a data file and a sparkline of each usable one: parsing stays off the extension host's thread. */
export const InspectRequestSchema = v.object({ type: v.literal('inspect'), source: WireSourceSchema });

/** A data file's problems for the Problems panel, parsed in the worker so a large file never blocks the host. */
export const CheckRequestSchema = v.object({ type: v.literal('check'), source: WireSourceSchema });
/** Where and what to insert to append `value` to `column` as a new row in the file's own format (Insert as New Row). */
export const NewRowRequestSchema = v.object({
  type: v.literal('newRow'),
  source: WireSourceSchema,
  column: v.string(),
  value: finite,
});
/**
 * Insert as New Row for a model of many series: a row per series of a long file (key `seriesColumn`), or one row
 * filling each series' column of a wide file. Answered with NewRowPlanned, like NewRow.
 */
export const NewSeriesRowsRequestSchema = v.object({
  type: v.literal('newSeriesRows'),
  source: WireSourceSchema,
  column: v.string(),
  seriesColumn: v.optional(v.string()),
  values: v.array(v.object({ series: v.string(), value: finite })),
});

/**
 * A backtest of the network (with `config`) against the statistical methods on the same folds; progress comes as
 * events tagged runId, Stop with the same runId ends it. With a model place, the report is kept beside that model (backtest.json).
 */
export const BacktestRequestSchema = v.object({
  type: v.literal('backtest'),
  runId,
  source: WireSourceSchema,
  column: v.optional(v.string()),
  config: PartialTrainConfigSchema,
  folds: v.optional(count),
  horizon: v.optional(count),
  modelDir: v.optional(v.string()),
  modelBase: v.optional(v.string()),
});

/**
 * One series of a global run, for the panel's series selector: answered from the live weights while the run trains
 * (and its later views follow that series), else from the saved model read the way it was trained.
 */
export const ViewSeriesRequestSchema = v.object({
  type: v.literal('viewSeries'),
  runId,
  series: v.string(),
  source: WireSourceSchema,
  modelDir: v.string(),
  modelBase: v.string(),
});

export const ToWorkerSchema = v.variant('type', [
  TrainRequestSchema,
  StopRequestSchema,
  PredictRequestSchema,
  ProbeRequestSchema,
  InspectRequestSchema,
  CheckRequestSchema,
  NewRowRequestSchema,
  ExplainRequestSchema,
  NewSeriesRowsRequestSchema,
  BacktestRequestSchema,
  ViewSeriesRequestSchema,
]);

// ─── worker → host ──────────────────────────────────────────────────────────────
export const RunStartedSchema = v.object({
  type: v.literal('started'),
  runId,
  config: TrainConfigSchema,
  column: v.string(),
  rows: anyInteger,
  backend: v.string(),
  /** A global run over several series: their names, in file order (the panel's series selector). */
  series: v.optional(v.array(v.string())),
});
/** `report` is the latest epoch; `earlier` the ones coalesced into this message, oldest first (the worker sends ~20/s). */
export const RunEpochSchema = v.object({
  type: v.literal('epoch'),
  runId,
  report: EpochReportSchema,
  earlier: v.optional(v.array(EpochReportSchema)),
});
export const RunBatchSchema = v.object({ type: v.literal('batch'), runId, report: BatchReportSchema });
export const RunValidationSchema = v.object({
  type: v.literal('validation'),
  runId,
  trace: ValidationTraceSchema,
  /** A global run: the series the trace is of. */
  series: v.optional(v.string()),
});
export const RunHiddenSchema = v.object({
  type: v.literal('hidden'),
  runId,
  states: HiddenStatesSchema,
  /** A global run: the series the window is of. */
  series: v.optional(v.string()),
});
export const RunDoneSchema = v.object({
  type: v.literal('done'),
  runId,
  /** False when the run was stopped without keeping. */
  saved: v.boolean(),
  modelDir: v.string(),
  seconds: anyNumber,
  metrics: MetricsSchema,
  baselines: BaselinesSchema,
  stoppedEarly: v.boolean(),
  /** A global model: each series' validation metrics beside its naive baseline. */
  perSeries: v.optional(v.array(SeriesScoreSchema)),
  /** Whether the season was removed before the network, and what 'auto' measured. */
  deseasonalized: v.optional(DeseasonReportSchema),
  forecastReport: v.optional(ForecastReportSchema),
});
export const RunFailedSchema = v.object({
  type: v.literal('failed'),
  runId: v.optional(runId),
  message: v.string(),
});
export const SeriesForecastSchema = v.object({ ...ForecastSchema.entries, series: v.string() });
/** `forecast` is the one series asked for; with many series and none asked, the first of `forecasts` (all of them). */
export const PredictedSchema = v.object({
  type: v.literal('predicted'),
  column: v.string(),
  forecast: ForecastSchema,
  history: v.optional(numbers),
  /** The series `forecast` belongs to, for a model of many series. */
  series: v.optional(v.string()),
  forecasts: v.optional(v.array(SeriesForecastSchema)),
  /** Series of the file that got no forecast, each with why. */
  skipped: v.optional(v.array(v.object({ name: v.string(), reason: v.string() }))),
});
export const ProbedSchema = v.object({
  type: v.literal('probed'),
  states: HiddenStatesSchema,
  seriesLength: anyInteger,
  window: anyInteger,
  trace: v.optional(ValidationTraceSchema),
  /** The series probed, and every series of the model found in the file (global models). */
  series: v.optional(v.string()),
  seriesNames: v.optional(v.array(v.string())),
});
export const InspectedSchema = v.object({
  type: v.literal('inspected'),
  rows: count,
  columns: v.array(ColumnSummarySchema),
  /** Numeric columns that can become a series, in file order. */
  usable: v.array(v.string()),
  /** By column name; absent for files too large to parse once per column. */
  sparklines: v.record(v.string(), v.string()),
  /** The first error-level problem, when the file has no usable column. */
  firstError: v.optional(v.string()),
  /** The column naming each row's series, and the series (null: the file is one series). */
  seriesKey: v.optional(v.nullable(SeriesKeySchema)),
  /** Keyed files: by column, then by series name (same size limits as `sparklines`). */
  seriesSparklines: v.optional(v.record(v.string(), v.record(v.string(), v.string()))),
});

/** At most a thousand problems cross to the host; `omitted` counts the rest. */
export const CheckedSchema = v.object({
  type: v.literal('checked'),
  rows: count,
  columns: v.array(ColumnSummarySchema),
  layout: LayoutSchema,
  problems: v.array(ProblemSchema),
  omitted: count,
});
/** Offsets into exactly the text the request sent, so the host can apply them as one edit. */
export const NewRowPlannedSchema = v.object({
  type: v.literal('newRowPlanned'),
  insertions: v.array(v.object({ offset: count, text: v.string() })),
});

export const BacktestProgressMessageSchema = v.object({
  type: v.literal('backtestProgress'),
  runId,
  progress: BacktestProgressSchema,
});
/** A backtest's answer: its report, or `stopped` when Stop ended it first. */
export const BacktestedSchema = v.object({
  type: v.literal('backtested'),
  runId,
  stopped: v.boolean(),
  report: v.optional(BacktestReportSchema),
  /** Why backtest.json could not be written beside the model (the report itself is fine). */
  saveError: v.optional(v.string()),
});

/** ViewSeries' answer; no trace or states when the run kept no model (stopped without saving, or deleted). */
export const SeriesViewedSchema = v.object({
  type: v.literal('seriesViewed'),
  runId,
  series: v.string(),
  trace: v.optional(ValidationTraceSchema),
  states: v.optional(HiddenStatesSchema),
  /** Why there is no view (the model or the series could not be read). */
  message: v.optional(v.string()),
});

export const FromWorkerSchema = v.variant('type', [
  RunStartedSchema,
  RunEpochSchema,
  RunBatchSchema,
  RunValidationSchema,
  RunHiddenSchema,
  RunDoneSchema,
  RunFailedSchema,
  PredictedSchema,
  ProbedSchema,
  InspectedSchema,
  CheckedSchema,
  NewRowPlannedSchema,
  ExplainedSchema,
  BacktestProgressMessageSchema,
  BacktestedSchema,
  SeriesViewedSchema,
]);
