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
  MetricsSchema,
  ValidationTraceSchema,
  WireSourceSchema,
} from './data';
import { anyInteger, anyNumber, count } from './fields';

const runId = v.string();

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
});
/** Stop a run between batches; keep=true saves the best weights so far. */
export const StopRequestSchema = v.object({ type: v.literal('stop'), runId, keep: v.boolean() });
/** Forecast from a saved model on the data as it is now. */
export const PredictRequestSchema = v.object({ type: v.literal('predict'), source: WireSourceSchema, modelDir: v.string(), modelBase: v.string(), steps: anyInteger });
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
});
/** Columns of a data file and a sparkline of each usable one: parsing stays off the extension host's thread. */
export const InspectRequestSchema = v.object({ type: v.literal('inspect'), source: WireSourceSchema });

export const ToWorkerSchema = v.variant('type', [TrainRequestSchema, StopRequestSchema, PredictRequestSchema, ProbeRequestSchema, InspectRequestSchema]);

// ─── worker → host ──────────────────────────────────────────────────────────────
export const RunStartedSchema = v.object({ type: v.literal('started'), runId, config: TrainConfigSchema, column: v.string(), rows: anyInteger, backend: v.string() });
export const RunEpochSchema = v.object({ type: v.literal('epoch'), runId, report: EpochReportSchema });
export const RunBatchSchema = v.object({ type: v.literal('batch'), runId, report: BatchReportSchema });
export const RunValidationSchema = v.object({ type: v.literal('validation'), runId, trace: ValidationTraceSchema });
export const RunHiddenSchema = v.object({ type: v.literal('hidden'), runId, states: HiddenStatesSchema });
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
});
export const RunFailedSchema = v.object({ type: v.literal('failed'), runId: v.optional(runId), message: v.string() });
export const PredictedSchema = v.object({ type: v.literal('predicted'), column: v.string(), forecast: ForecastSchema });
export const ProbedSchema = v.object({
  type: v.literal('probed'),
  states: HiddenStatesSchema,
  seriesLength: anyInteger,
  window: anyInteger,
  trace: v.optional(ValidationTraceSchema),
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
]);
