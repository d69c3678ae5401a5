/**
 * The training panel's protocol, defined once: each schema gives the type, the validator the receiver runs and the
 * `type` tag code switches on. (The Hidden States view has its own: hiddenStatesMessages.ts.)
 */
import * as v from 'valibot';
import { PartialTrainConfigSchema, TrainConfigSchema } from './config';
import {
  BaselinesSchema,
  BatchReportSchema,
  EpochReportSchema,
  ForecastSchema,
  HiddenStatesSchema,
  MetricsSchema,
  RunStateSchema,
  ValidationTraceSchema,
} from './data';
import { anyInteger, anyNumber, numbers } from './fields';
import { BacktestProgressSchema, BacktestReportSchema } from './backtest';
import { stringsOf } from './strings';
import { SeriesScoreSchema } from './workerMessages';
import { DeseasonReportSchema } from './deseason';
import { ForecastReportSchema } from './forecastReport';

/** Every string the panel displays; the host localises them (training/panelStrings.ts). */
export const PANEL_STRING_KEYS = [
  'loss',
  'trainLoss',
  'valLoss',
  'batchLoss',
  'epoch',
  'predictions',
  'actual',
  'predicted',
  'naive',
  'index',
  'metrics',
  'metric',
  'model',
  'seasonalNaive',
  'hidden',
  'hiddenCell',
  'unit',
  'step',
  'value',
  'layer',
  'config',
  'cell',
  'layers',
  'units',
  'window',
  'epochs',
  'batchSize',
  'learningRate',
  'validationSplit',
  'seed',
  'stop',
  'stopKeep',
  'retrain',
  'queued',
  'training',
  'done',
  'stopped',
  'error',
  'savedTo',
  'notSaved',
  'tookSeconds',
  'reveal',
  'noData',
  'epochOf',
  'forecast',
  'history',
  'intervalLow',
  'intervalHigh',
  'timeBudgetSeconds',
  'budgetOf',
  'noBudget',
  'windowsPerEpoch',
  'budgetReached',
  'interval',
  'forecastCoverage',
  'forecastNominal',
  'backtest',
  'runBacktest',
  'stopBacktest',
  'backtestHint',
  'backtestFold',
  'backtestEpoch',
  'backtestStopped',
  'backtestFailed',
  'backtestCaption',
  'backtestBest',
  'backtestFailedFolds',
  'coverage',
  'theta',
  'arima',
  'perStep',
  'stepsAhead',
  'verdictBest',
  'verdictMixed',
  'verdictWorst',
  'verdictNone',
  'verdictByMae',
  'perSeries',
  'seriesName',
  'seriesRows',
  'naiveMase',
  'sortHint',
  'seriesShown',
  'seriesViewMissing',
  'seriesSelectHint',
  'covariates',
  'deseasonalize',
  'deseasonAuto',
  'deseasonOn',
  'deseasonOff',
  'deseasonRemoved',
  'deseasonKept',
  'deseasonErrors',
  'partCandidate',
  'partMember',
  'tagSeasonRemoved',
  'tagSeasonKept',
  'tagDifferences',
  'tagLevels',
  'tagLog',
  'tagNoLog',
  'candidatesCompared',
  'forecastNetwork',
  'forecastCombined',
  'forecastMembers',
  'forecastLoser',
] as const;

// ─── host → webview ─────────────────────────────────────────────────────────────
/** First message after the webview says Ready: what the run is and the localized strings it displays. */
export const InitSchema = v.object({
  type: v.literal('init'),
  title: v.string(),
  file: v.string(),
  column: v.string(),
  config: TrainConfigSchema,
  strings: stringsOf(PANEL_STRING_KEYS),
  /** Opaque to the webview: stored with setState so the host's serializer can restore this panel. */
  key: v.optional(v.object({ file: v.string(), column: v.string() })),
  /** Covariate columns the run feeds beside the series. */
  features: v.optional(v.array(v.string())),
});
export const SummarySchema = v.object({
  type: v.literal('summary'),
  saved: v.boolean(),
  modelDir: v.string(),
  seconds: anyNumber,
  metrics: MetricsSchema,
  baselines: BaselinesSchema,
  /** A global model's per-series scores (the panel's sortable table). */
  perSeries: v.optional(v.array(SeriesScoreSchema)),
  deseasonalized: v.optional(DeseasonReportSchema),
  forecastReport: v.optional(ForecastReportSchema),
});
/** The whole history so far, so a restored or re-shown webview is complete. */
export const ReplaySchema = v.object({
  type: v.literal('replay'),
  state: RunStateSchema,
  epochs: v.array(EpochReportSchema),
  batches: v.array(BatchReportSchema),
  validation: v.optional(ValidationTraceSchema),
  hidden: v.optional(HiddenStatesSchema),
  summary: v.optional(SummarySchema),
  /** The error, when state is 'error'. */
  message: v.optional(v.string()),
  /** A global run: its series (the selector's list) and the one `validation` and `hidden` are of. */
  seriesNames: v.optional(v.array(v.string())),
  series: v.optional(v.string()),
});
export const StateSchema = v.object({
  type: v.literal('state'),
  state: RunStateSchema,
  message: v.optional(v.string()),
});
/** As the worker's: the latest epoch, and the earlier ones it stands for, oldest first. */
export const EpochSchema = v.object({
  type: v.literal('epoch'),
  report: EpochReportSchema,
  earlier: v.optional(v.array(EpochReportSchema)),
});
export const BatchSchema = v.object({ type: v.literal('batch'), report: BatchReportSchema });
export const ValidationSchema = v.object({
  type: v.literal('validation'),
  trace: ValidationTraceSchema,
  /** A global run: the series the trace is of. */
  series: v.optional(v.string()),
});
export const HiddenSchema = v.object({
  type: v.literal('hidden'),
  states: HiddenStatesSchema,
  seriesLength: v.optional(anyInteger),
  label: v.optional(v.string()),
  series: v.optional(v.string()),
});
/** A global run's series, once the worker has read them (the selector's list). */
export const SeriesListSchema = v.object({ type: v.literal('seriesList'), names: v.array(v.string()) });
/** The selected series has no view (the run kept no model, or its file no longer holds that series). */
export const SeriesMissingSchema = v.object({
  type: v.literal('seriesMissing'),
  series: v.string(),
  message: v.optional(v.string()),
});
export const ForecastMessageSchema = v.object({
  type: v.literal('forecast'),
  history: numbers,
  forecast: ForecastSchema,
});
/** Where the run's backtest stands: progress while it runs, then its report (kept by the host and replayed). */
export const BacktestMessageSchema = v.object({
  type: v.literal('backtest'),
  state: v.picklist(['running', 'done', 'stopped', 'error']),
  progress: v.optional(BacktestProgressSchema),
  report: v.optional(BacktestReportSchema),
  /** The error, when state is 'error'. */
  message: v.optional(v.string()),
});
export const ThemeSchema = v.object({
  type: v.literal('theme'),
  kind: v.picklist(['light', 'dark', 'high-contrast', 'high-contrast-light']),
});

export const ToWebviewSchema = v.variant('type', [
  InitSchema,
  ReplaySchema,
  StateSchema,
  EpochSchema,
  BatchSchema,
  ValidationSchema,
  HiddenSchema,
  SummarySchema,
  ForecastMessageSchema,
  BacktestMessageSchema,
  ThemeSchema,
  SeriesListSchema,
  SeriesMissingSchema,
]);

// ─── webview → host ─────────────────────────────────────────────────────────────
export const ReadySchema = v.object({ type: v.literal('ready') });
export const StopSchema = v.object({ type: v.literal('stop'), keep: v.boolean() });
export const RetrainSchema = v.object({ type: v.literal('retrain'), config: PartialTrainConfigSchema });
export const RevealModelSchema = v.object({ type: v.literal('revealModel') });
export const RunBacktestSchema = v.object({ type: v.literal('runBacktest') });
export const StopBacktestSchema = v.object({ type: v.literal('stopBacktest') });
/** A webview-side error worth the output channel. */
export const LogSchema = v.object({
  type: v.literal('log'),
  level: v.picklist(['info', 'warn', 'error']),
  message: v.string(),
});

/** Show this series of a global run in the predictions chart and heatmap (the host checks it is one of the run's). */
export const SelectSeriesSchema = v.object({ type: v.literal('selectSeries'), series: v.string() });

export const FromWebviewSchema = v.variant('type', [
  ReadySchema,
  StopSchema,
  RetrainSchema,
  RevealModelSchema,
  RunBacktestSchema,
  StopBacktestSchema,
  LogSchema,
  SelectSeriesSchema,
]);
