/**
 * The plain data the core produces and every boundary carries: metrics, training reports, hidden states,
 * traces, forecasts, column summaries. Defined once here; the core, the worker and the webviews use these types.
 */
import * as v from 'valibot';
import { CELLS } from './config';
import { anyInteger, anyNumber, bytes, count, float32, numbers } from './fields';

export const MetricsSchema = v.object({
  mae: anyNumber,
  mse: anyNumber,
  rmse: anyNumber,
  mape: anyNumber,
  smape: anyNumber,
  mase: anyNumber,
});
export type Metrics = v.InferOutput<typeof MetricsSchema>;

export const BaselinesSchema = v.object({
  naive: MetricsSchema,
  seasonalNaive: MetricsSchema,
  season: anyNumber,
});
export type Baselines = v.InferOutput<typeof BaselinesSchema>;

export const EpochReportSchema = v.object({
  epoch: anyInteger,
  epochs: anyInteger,
  loss: anyNumber,
  valLoss: anyNumber,
  seconds: anyNumber,
  best: v.boolean(),
  /** Windows this epoch trained on, of all training windows, and seconds since training began (the budget's clock). */
  windows: v.optional(count),
  trainWindows: v.optional(count),
  elapsed: v.optional(anyNumber),
  /** The time budget ended training with this epoch. */
  budgetCut: v.optional(v.literal(true)),
  /**
   * Season removal 'auto' trains two candidates one after the other and keeps the better: set on their epochs, true
   * while the season-free one trains, false while the one on the series as it is does.
   */
  seasonRemoved: v.optional(v.boolean()),
  /** Set like seasonRemoved when 'auto' differencing trains a candidate on first differences (true) or on levels. */
  differenced: v.optional(v.boolean()),
  /** Set like seasonRemoved when 'auto' transform trains a candidate on the logarithm (true) or on the series. */
  log: v.optional(v.boolean()),
  /**
   * Which part of a run of several networks this epoch belongs to (1-based): the candidates first, then the extra
   * ensemble members. Absent when a run trains one network.
   */
  part: v.optional(
    v.object({
      index: v.pipe(v.number(), v.integer(), v.minValue(1)),
      count: v.pipe(v.number(), v.integer(), v.minValue(1)),
      member: v.optional(v.boolean()),
    }),
  ),
});
export type EpochReport = v.InferOutput<typeof EpochReportSchema>;

export const BatchReportSchema = v.object({
  epoch: anyInteger,
  batch: anyInteger,
  batches: anyInteger,
  loss: anyNumber,
  /** Seconds since training began. */
  elapsed: v.optional(anyNumber),
});
export type BatchReport = v.InferOutput<typeof BatchReportSchema>;

/** Model vs actual over the validation range, in the series' own units; every array has one entry per point. */
export const ValidationTraceSchema = v.pipe(
  v.object({ index: numbers, actual: numbers, predicted: numbers, naive: numbers }),
  v.check(
    (t) =>
      t.actual.length === t.index.length &&
      t.predicted.length === t.index.length &&
      t.naive.length === t.index.length,
  ),
);
export type ValidationTrace = v.InferOutput<typeof ValidationTraceSchema>;

/** h_t (and c_t for LSTM) for one window, every layer; each array is [steps, units] row-major. */
export const HiddenStatesSchema = v.pipe(
  v.object({
    cell: v.picklist(CELLS),
    steps: count,
    units: count,
    /** Index in the series of the window's first value. */
    start: count,
    /** The window's input values in the series' own units. */
    input: numbers,
    layers: v.array(v.object({ h: float32, c: v.optional(float32) })),
  }),
  v.check((s) =>
    s.layers.every(
      (l) => l.h.length === s.steps * s.units && (l.c === undefined || l.c.length === s.steps * s.units),
    ),
  ),
);
export type HiddenStates = v.InferOutput<typeof HiddenStatesSchema>;

const interval = v.tuple([anyNumber, anyNumber]);
export const ForecastSchema = v.object({
  next: anyNumber,
  interval,
  level: anyNumber,
  forecast: numbers,
  intervals: v.array(interval),
  /**
   * How the intervals were made: 'conformal' = one calibrated |error| quantile per step ahead (meta.json), 'residual' =
   * one-step residuals widened by √h (models saved before calibration existed).
   */
  intervalMethod: v.optional(v.picklist(['conformal', 'residual'])),
  /** The share of held-out actuals the intervals at `level` covered when they were calibrated (0–1), if measured. */
  coverage: v.optional(anyNumber),
  /**
   * The plain method that forecast better than the model on its validation origins (model/forecast/check.ts), with
   * both multi-step errors; absent when none did or the model was not checked.
   */
  better: v.optional(
    v.object({
      method: v.picklist(['naive', 'seasonalNaive', 'theta']),
      error: anyNumber,
      modelError: anyNumber,
    }),
  ),
});
export type Forecast = v.InferOutput<typeof ForecastSchema>;

export const ColumnSummarySchema = v.object({
  name: v.string(),
  kind: v.picklist(['numeric', 'date', 'text']),
  /** Usable (non-missing, parseable) cells. */
  count,
  missing: count,
  min: v.optional(anyNumber),
  max: v.optional(anyNumber),
});
export type ColumnSummary = v.InferOutput<typeof ColumnSummarySchema>;

export const RUN_STATES = ['queued', 'training', 'done', 'stopped', 'error'] as const;
export const RunStateSchema = v.picklist(RUN_STATES);
export type RunState = v.InferOutput<typeof RunStateSchema>;

/** The source a run reads: a file path, or bytes the host read through workspace.fs. */
export const WireSourceSchema = v.union([
  v.object({ path: v.string() }),
  v.object({ name: v.string(), bytes }),
]);
export type WireSource = v.InferOutput<typeof WireSourceSchema>;

/** Where a model lives and the trusted folder its path is checked below (src/model/store/safeFolder.ts). */
export const ModelPlaceSchema = v.object({ base: v.string(), dir: v.string() });

/** One thing wrong with the data, at a 1-based line of the file (0 when the file as a whole is meant). */
export const ProblemSchema = v.object({
  line: count,
  column: v.optional(v.string()),
  message: v.string(),
  severity: v.picklist(['error', 'warning']),
});
export type Problem = v.InferOutput<typeof ProblemSchema>;

/** How a file is laid out, so a writer (e.g. "Insert as new row") can append in the same shape. */
export const LayoutSchema = v.object({
  format: v.picklist(['csv', 'tsv', 'json', 'jsonl']),
  /** CSV/TSV only. */
  delimiter: v.optional(v.string()),
  hasHeader: v.optional(v.boolean()),
  /** CSV/TSV only: the columns that use a decimal comma (only with `;`). */
  decimalComma: v.optional(v.array(v.string())),
  lineEnding: v.optional(v.picklist(['\n', '\r\n', '\r'])),
  /** JSON only. */
  jsonShape: v.optional(v.picklist(['numbers', 'records', 'columns', 'lines'])),
  /** The date column that orders rows, if any, and its median step in ms. */
  timeColumn: v.optional(v.string()),
  timeStepMs: v.optional(anyNumber),
});
export type Layout = v.InferOutput<typeof LayoutSchema>;
