/**
 * Validators for every union in protocol.ts. A message that fails its guard is logged and dropped by MessageHandler,
 * so a webview rendering an unvetted file, or a worker from another build, can never push a bad shape into typed code.
 */
import type {
  FromWebviewMessage,
  FromWorkerMessage,
  RunState,
  SummaryMessage,
  ToWebviewMessage,
  ToWorkerMessage,
  WireSource,
} from './protocol';
import type { BatchReport, Baselines, EpochReport, Forecast, HiddenStates, Metrics, TrainConfig, ValidationTrace } from '../model/types';
import {
  type Guard,
  isArrayOf,
  isBoolean,
  isFiniteNumber,
  isFloat32Array,
  isInteger,
  isNonNegativeInteger,
  isNumber,
  isNumberArray,
  isOneOf,
  isPartialShape,
  isRecord,
  isShape,
  isString,
  isTagged,
  isUint8Array,
  optional,
} from './validate';

const lit = <T extends string>(value: T): Guard<T> => isOneOf([value]);

const configFields = {
  cell: isOneOf(['rnn', 'gru', 'lstm'] as const),
  layers: isInteger,
  units: isInteger,
  window: isNonNegativeInteger,
  epochs: isInteger,
  batchSize: isInteger,
  learningRate: isFiniteNumber,
  validationSplit: isFiniteNumber,
  seed: isInteger,
  patience: isNonNegativeInteger,
  scaler: isOneOf(['zscore', 'minmax'] as const),
  difference: isOneOf(['auto', 'none', 'first'] as const),
  backend: isOneOf(['auto', 'wasm', 'cpu'] as const),
  maxWindowsPerEpoch: optional(isNonNegativeInteger),
  engine: optional(isOneOf(['fused', 'layers'] as const)),
  // Every TrainConfig field must be here: a field the core accepts but this guard does not know would get a whole
  // train request dropped at the worker boundary.
} satisfies Record<keyof TrainConfig, Guard<unknown>>;
export const isTrainConfig: Guard<TrainConfig> = isShape(configFields);
export const isPartialTrainConfig: Guard<Partial<TrainConfig>> = isPartialShape(configFields);

export const isRunState: Guard<RunState> = isOneOf(['queued', 'training', 'done', 'stopped', 'error'] as const);

export const isMetrics: Guard<Metrics> = isShape({
  mae: isNumber,
  mse: isNumber,
  rmse: isNumber,
  mape: isNumber,
  smape: isNumber,
  mase: isNumber,
});
export const isBaselines: Guard<Baselines> = isShape({ naive: isMetrics, seasonalNaive: isMetrics, season: isNumber });

export const isEpochReport: Guard<EpochReport> = isShape({
  epoch: isInteger,
  epochs: isInteger,
  loss: isNumber,
  valLoss: isNumber,
  seconds: isNumber,
  best: isBoolean,
});
export const isBatchReport: Guard<BatchReport> = isShape({ epoch: isInteger, batch: isInteger, batches: isInteger, loss: isNumber });

export const isValidationTrace: Guard<ValidationTrace> = (v: unknown): v is ValidationTrace =>
  isShape({ index: isNumberArray, actual: isNumberArray, predicted: isNumberArray, naive: isNumberArray })(v) &&
  v.actual.length === v.index.length &&
  v.predicted.length === v.index.length &&
  v.naive.length === v.index.length;

const isLayerStates = isShape({ h: isFloat32Array, c: optional(isFloat32Array) });
export const isHiddenStates: Guard<HiddenStates> = (v: unknown): v is HiddenStates =>
  isShape({
    cell: isOneOf(['rnn', 'gru', 'lstm'] as const),
    steps: isNonNegativeInteger,
    units: isNonNegativeInteger,
    start: isNonNegativeInteger,
    input: isNumberArray,
    layers: isArrayOf(isLayerStates),
  })(v) &&
  v.layers.every((l) => l.h.length === v.steps * v.units && (l.c === undefined || l.c.length === v.steps * v.units));

const isInterval = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every(isNumber);
export const isForecast: Guard<Forecast> = isShape({
  next: isNumber,
  interval: isInterval,
  level: isNumber,
  forecast: isNumberArray,
  intervals: isArrayOf(isInterval),
});

const isColumnSummary = isShape({
  name: isString,
  kind: isOneOf(['numeric', 'date', 'text'] as const),
  count: isNonNegativeInteger,
  missing: isNonNegativeInteger,
  min: optional(isNumber),
  max: optional(isNumber),
});

const isProblem = isShape({
  line: isNonNegativeInteger,
  column: optional(isString),
  message: isString,
  severity: isOneOf(['error', 'warning'] as const),
});

const isLayout = isShape({
  format: isOneOf(['csv', 'tsv', 'json', 'jsonl'] as const),
  delimiter: optional(isString),
  hasHeader: optional(isBoolean),
  decimalComma: optional(isArrayOf(isString)),
  lineEnding: optional(isOneOf(['\n', '\r\n'] as const)),
  jsonShape: optional(isOneOf(['numbers', 'records', 'columns', 'lines'] as const)),
  timeColumn: optional(isString),
  timeStepMs: optional(isNumber),
});

const isInsertion = isShape({ offset: isNonNegativeInteger, text: isString });

const isStrings = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every(isString);

export const isWireSource: Guard<WireSource> = (v: unknown): v is WireSource =>
  isRecord(v) && (isString(v.path) || (isString(v.name) && isUint8Array(v.bytes)));

export const isToWorkerMessage: Guard<ToWorkerMessage> = isTagged<ToWorkerMessage>({
  train: isShape({
    type: lit('train'),
    runId: isString,
    source: isWireSource,
    column: optional(isString),
    config: isPartialTrainConfig,
    modelDir: isString,
    modelBase: isString,
    dataFile: isString,
  }) as Guard<ToWorkerMessage>,
  stop: isShape({ type: lit('stop'), runId: isString, keep: isBoolean }) as Guard<ToWorkerMessage>,
  predict: isShape({ type: lit('predict'), source: isWireSource, modelDir: isString, modelBase: isString, steps: isInteger, history: optional(isNonNegativeInteger) }) as Guard<ToWorkerMessage>,
  inspect: isShape({ type: lit('inspect'), source: isWireSource }) as Guard<ToWorkerMessage>,
  check: isShape({ type: lit('check'), source: isWireSource }) as Guard<ToWorkerMessage>,
  newRow: isShape({ type: lit('newRow'), source: isWireSource, column: isString, value: isFiniteNumber }) as Guard<ToWorkerMessage>,
  probe: isShape({ type: lit('probe'), source: isWireSource, modelDir: isString, modelBase: isString, start: optional(isNonNegativeInteger), trace: optional(isBoolean) }) as Guard<ToWorkerMessage>,
});

export const isFromWorkerMessage: Guard<FromWorkerMessage> = isTagged<FromWorkerMessage>({
  started: isShape({ type: lit('started'), runId: isString, config: isTrainConfig, column: isString, rows: isInteger, backend: isString }) as Guard<FromWorkerMessage>,
  epoch: isShape({ type: lit('epoch'), runId: isString, report: isEpochReport }) as Guard<FromWorkerMessage>,
  batch: isShape({ type: lit('batch'), runId: isString, report: isBatchReport }) as Guard<FromWorkerMessage>,
  validation: isShape({ type: lit('validation'), runId: isString, trace: isValidationTrace }) as Guard<FromWorkerMessage>,
  hidden: isShape({ type: lit('hidden'), runId: isString, states: isHiddenStates }) as Guard<FromWorkerMessage>,
  done: isShape({
    type: lit('done'),
    runId: isString,
    saved: isBoolean,
    modelDir: isString,
    seconds: isNumber,
    metrics: isMetrics,
    baselines: isBaselines,
    stoppedEarly: isBoolean,
  }) as Guard<FromWorkerMessage>,
  failed: isShape({ type: lit('failed'), runId: optional(isString), message: isString }) as Guard<FromWorkerMessage>,
  predicted: isShape({ type: lit('predicted'), column: isString, forecast: isForecast, history: optional(isNumberArray) }) as Guard<FromWorkerMessage>,
  checked: isShape({
    type: lit('checked'),
    rows: isNonNegativeInteger,
    columns: isArrayOf(isColumnSummary),
    layout: isLayout,
    problems: isArrayOf(isProblem),
    omitted: isNonNegativeInteger,
  }) as Guard<FromWorkerMessage>,
  newRowPlanned: isShape({ type: lit('newRowPlanned'), insertions: isArrayOf(isInsertion) }) as Guard<FromWorkerMessage>,
  inspected: isShape({
    type: lit('inspected'),
    rows: isNonNegativeInteger,
    columns: isArrayOf(isColumnSummary),
    usable: isArrayOf(isString),
    sparklines: isStrings,
    firstError: optional(isString),
  }) as Guard<FromWorkerMessage>,
  probed: isShape({ type: lit('probed'), states: isHiddenStates, seriesLength: isInteger, window: isInteger, trace: optional(isValidationTrace) }) as Guard<FromWorkerMessage>,
});

const summaryFields = {
  type: lit('summary'),
  saved: isBoolean,
  modelDir: isString,
  seconds: isNumber,
  metrics: isMetrics,
  baselines: isBaselines,
};
export const isSummaryMessage: Guard<SummaryMessage> = isShape(summaryFields) as Guard<SummaryMessage>;

const isThemeKind = isOneOf(['light', 'dark', 'high-contrast', 'high-contrast-light'] as const);

export const isToWebviewMessage: Guard<ToWebviewMessage> = isTagged<ToWebviewMessage>({
  init: isShape({ type: lit('init'), title: isString, file: isString, column: isString, config: isTrainConfig, strings: isStrings, key: optional(isShape({ file: isString, column: isString })) }) as Guard<ToWebviewMessage>,
  replay: isShape({
    type: lit('replay'),
    state: isRunState,
    epochs: isArrayOf(isEpochReport),
    batches: isArrayOf(isBatchReport),
    validation: optional(isValidationTrace),
    hidden: optional(isHiddenStates),
    summary: optional(isSummaryMessage),
    message: optional(isString),
  }) as Guard<ToWebviewMessage>,
  state: isShape({ type: lit('state'), state: isRunState, message: optional(isString) }) as Guard<ToWebviewMessage>,
  epoch: isShape({ type: lit('epoch'), report: isEpochReport }) as Guard<ToWebviewMessage>,
  batch: isShape({ type: lit('batch'), report: isBatchReport }) as Guard<ToWebviewMessage>,
  validation: isShape({ type: lit('validation'), trace: isValidationTrace }) as Guard<ToWebviewMessage>,
  hidden: isShape({ type: lit('hidden'), states: isHiddenStates, seriesLength: optional(isInteger), label: optional(isString) }) as Guard<ToWebviewMessage>,
  summary: isSummaryMessage as Guard<ToWebviewMessage>,
  forecast: isShape({ type: lit('forecast'), history: isNumberArray, forecast: isForecast }) as Guard<ToWebviewMessage>,
  theme: isShape({ type: lit('theme'), kind: isThemeKind }) as Guard<ToWebviewMessage>,
});

export const isFromWebviewMessage: Guard<FromWebviewMessage> = isTagged<FromWebviewMessage>({
  ready: isShape({ type: lit('ready') }) as Guard<FromWebviewMessage>,
  stop: isShape({ type: lit('stop'), keep: isBoolean }) as Guard<FromWebviewMessage>,
  retrain: isShape({ type: lit('retrain'), config: isPartialTrainConfig }) as Guard<FromWebviewMessage>,
  revealModel: isShape({ type: lit('revealModel') }) as Guard<FromWebviewMessage>,
  selectWindow: isShape({ type: lit('selectWindow'), start: isNonNegativeInteger }) as Guard<FromWebviewMessage>,
  log: isShape({ type: lit('log'), level: isOneOf(['info', 'warn', 'error'] as const), message: isString }) as Guard<FromWebviewMessage>,
});
