/**
 * Every message that crosses a boundary: extension host ↔ worker thread, and extension host ↔ webviews.
 * Only plain data travels: numbers, strings, arrays and Float32Array. Each union has a validator, because every
 * incoming message is checked before use (webviews render untrusted files; a worker may be a different build).
 */
import type {
  BatchReport,
  Baselines,
  EpochReport,
  Forecast,
  HiddenStates,
  Metrics,
  TrainConfig,
  ValidationTrace,
} from '../model/types';
import type { ColumnSummary, Layout, Problem } from '../model/data/types';

export type RunState = 'queued' | 'training' | 'done' | 'stopped' | 'error';

/** The source a run reads: a file path, or bytes the host read through workspace.fs. */
export type WireSource = { path: string } | { name: string; bytes: Uint8Array };

// ─── host → worker ──────────────────────────────────────────────────────────────
export const enum ToWorker {
  Train = 'train',
  Stop = 'stop',
  Predict = 'predict',
  Probe = 'probe',
  Inspect = 'inspect',
  Check = 'check',
  NewRow = 'newRow',
}
/**
 * Requests that touch a model name its folder and the trusted folder it hangs below (`modelBase`, the workspace
 * folder): the store refuses a model folder reached through a symbolic link below it (store/safeFolder.ts).
 */
/** Start training; the worker answers with events tagged runId and ends with Done or Failed. */
export interface TrainRequest { type: ToWorker.Train; runId: string; source: WireSource; column?: string; config: Partial<TrainConfig>; modelDir: string; modelBase: string; dataFile: string }
/** Stop a run between batches; keep=true saves the best weights so far. */
export interface StopRequest { type: ToWorker.Stop; runId: string; keep: boolean }
/** Forecast from a saved model on the data as it is now; with `history`, also the series' last `history` values. */
export interface PredictRequest { type: ToWorker.Predict; source: WireSource; modelDir: string; modelBase: string; steps: number; history?: number }
/**
 * Hidden states of a saved model for the window starting at `start` (default: the most recent window); with
 * trace=true also its predictions over the validation range, which is what a panel restored after a reload lacks.
 */
export interface ProbeRequest { type: ToWorker.Probe; source: WireSource; modelDir: string; modelBase: string; start?: number; trace?: boolean }
/** Columns of a data file and a sparkline of each usable one: parsing stays off the extension host's thread. */
export interface InspectRequest { type: ToWorker.Inspect; source: WireSource }
/** A data file's problems for the Problems panel, parsed in the worker so a large file never blocks the host. */
export interface CheckRequest { type: ToWorker.Check; source: WireSource }
/** Where and what to insert to append `value` to `column` as a new row in the file's own format (Insert as New Row). */
export interface NewRowRequest { type: ToWorker.NewRow; source: WireSource; column: string; value: number }
export type ToWorkerMessage = TrainRequest | StopRequest | PredictRequest | ProbeRequest | InspectRequest | CheckRequest | NewRowRequest;

// ─── worker → host ──────────────────────────────────────────────────────────────
export const enum FromWorker {
  Started = 'started',
  Epoch = 'epoch',
  Batch = 'batch',
  Validation = 'validation',
  Hidden = 'hidden',
  Done = 'done',
  Failed = 'failed',
  Predicted = 'predicted',
  Probed = 'probed',
  Inspected = 'inspected',
  Checked = 'checked',
  NewRowPlanned = 'newRowPlanned',
}
export interface RunStarted { type: FromWorker.Started; runId: string; config: TrainConfig; column: string; rows: number; backend: string }
export interface RunEpoch { type: FromWorker.Epoch; runId: string; report: EpochReport }
export interface RunBatch { type: FromWorker.Batch; runId: string; report: BatchReport }
export interface RunValidation { type: FromWorker.Validation; runId: string; trace: ValidationTrace }
export interface RunHidden { type: FromWorker.Hidden; runId: string; states: HiddenStates }
export interface RunDone {
  type: FromWorker.Done;
  runId: string;
  /** False when the run was stopped without keeping. */
  saved: boolean;
  modelDir: string;
  seconds: number;
  metrics: Metrics;
  baselines: Baselines;
  stoppedEarly: boolean;
}
export interface RunFailed { type: FromWorker.Failed; runId?: string; message: string }
export interface Predicted { type: FromWorker.Predicted; column: string; forecast: Forecast; history?: number[] }
export interface Probed { type: FromWorker.Probed; states: HiddenStates; seriesLength: number; window: number; trace?: ValidationTrace }
export interface Inspected {
  type: FromWorker.Inspected;
  rows: number;
  columns: ColumnSummary[];
  /** Numeric columns that can become a series, in file order. */
  usable: string[];
  /** By column name; absent for files too large to parse once per column. */
  sparklines: Record<string, string>;
  /** The first error-level problem, when the file has no usable column. */
  firstError?: string;
}
/** The first `problems` of a file in file order (`omitted` more were left out), with what places them on a line. */
export interface Checked { type: FromWorker.Checked; rows: number; columns: ColumnSummary[]; layout: Layout; problems: Problem[]; omitted: number }
/** Text to insert at UTF-16 offsets of the text the request sent (offsets ascending). */
export interface NewRowPlanned { type: FromWorker.NewRowPlanned; insertions: Array<{ offset: number; text: string }> }
export type FromWorkerMessage =
  | RunStarted
  | RunEpoch
  | RunBatch
  | RunValidation
  | RunHidden
  | RunDone
  | RunFailed
  | Predicted
  | Probed
  | Inspected
  | Checked
  | NewRowPlanned;

// ─── host → webview (training panel and Hidden States view) ─────────────────────
export const enum ToWebview {
  Init = 'init',
  Replay = 'replay',
  State = 'state',
  Epoch = 'epoch',
  Batch = 'batch',
  Validation = 'validation',
  Hidden = 'hidden',
  Summary = 'summary',
  Forecast = 'forecast',
  Theme = 'theme',
}
/** First message after the webview says Ready: what the run is and the localized strings it displays. */
export interface InitMessage {
  type: ToWebview.Init;
  title: string;
  file: string;
  column: string;
  config: TrainConfig;
  strings: Record<string, string>;
  /** Opaque to the webview: stored with setState so the host's serializer can restore this panel. */
  key?: { file: string; column: string };
}
/** The whole history so far, so a restored or re-shown webview is complete. */
export interface ReplayMessage {
  type: ToWebview.Replay;
  state: RunState;
  epochs: EpochReport[];
  batches: BatchReport[];
  validation?: ValidationTrace;
  hidden?: HiddenStates;
  summary?: SummaryMessage;
  /** The error, when state is 'error'. */
  message?: string;
}
export interface StateMessage { type: ToWebview.State; state: RunState; message?: string }
export interface EpochMessage { type: ToWebview.Epoch; report: EpochReport }
export interface BatchMessage { type: ToWebview.Batch; report: BatchReport }
export interface ValidationMessage { type: ToWebview.Validation; trace: ValidationTrace }
export interface HiddenMessage { type: ToWebview.Hidden; states: HiddenStates; seriesLength?: number; label?: string }
export interface SummaryMessage {
  type: ToWebview.Summary;
  saved: boolean;
  modelDir: string;
  seconds: number;
  metrics: Metrics;
  baselines: Baselines;
}
export interface ForecastMessage { type: ToWebview.Forecast; history: number[]; forecast: Forecast }
export interface ThemeMessage { type: ToWebview.Theme; kind: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' }
export type ToWebviewMessage =
  | InitMessage
  | ReplayMessage
  | StateMessage
  | EpochMessage
  | BatchMessage
  | ValidationMessage
  | HiddenMessage
  | SummaryMessage
  | ForecastMessage
  | ThemeMessage;

// ─── webview → host ─────────────────────────────────────────────────────────────
export const enum FromWebview {
  Ready = 'ready',
  Stop = 'stop',
  Retrain = 'retrain',
  RevealModel = 'revealModel',
  SelectWindow = 'selectWindow',
  Log = 'log',
}
export interface ReadyMessage { type: FromWebview.Ready }
export interface StopMessage { type: FromWebview.Stop; keep: boolean }
export interface RetrainMessage { type: FromWebview.Retrain; config: Partial<TrainConfig> }
export interface RevealModelMessage { type: FromWebview.RevealModel }
/** Hidden States view: the window (start index in the series) to probe. */
export interface SelectWindowMessage { type: FromWebview.SelectWindow; start: number }
/** A webview-side error worth the output channel. */
export interface LogMessage { type: FromWebview.Log; level: 'info' | 'warn' | 'error'; message: string }
export type FromWebviewMessage =
  | ReadyMessage
  | StopMessage
  | RetrainMessage
  | RevealModelMessage
  | SelectWindowMessage
  | LogMessage;

export type { ColumnSummary, Layout, Problem };
