/**
 * One training run as the host sees it. The host owns the run's whole history so a panel that was hidden, closed or
 * restored can be replayed complete; the worker and the webview only ever see deltas.
 */
import type { ModelPlace } from '../../model/store/paths';
import type { BatchReport, EpochReport, HiddenStates, TrainConfig, ValidationTrace } from '../../model/types';
import {
  FromWorker,
  ToWebview,
  type ForecastMessage,
  type FromWorkerMessage,
  type ReplayMessage,
  type RunState,
  type SummaryMessage,
  type ToWebviewMessage,
} from '../../shared/protocol';

/** Batches kept for the smoothed batch-loss curve; beyond it every other one is dropped (the curve is smoothed anyway). */
const MAX_BATCHES = 4000;

export interface RunKey {
  /** The data file's URI as a string. */
  file: string;
  column: string;
}

export const keyOf = (k: RunKey): string => `${k.file}\u0000${k.column}`;

export class TrainingRun {
  state: RunState = 'queued';
  readonly epochs: EpochReport[] = [];
  batches: BatchReport[] = [];
  validation: ValidationTrace | undefined;
  hidden: HiddenStates | undefined;
  summary: SummaryMessage | undefined;
  /** The latest forecast Predict Next Value drew in this run's panel. */
  forecast: ForecastMessage | undefined;
  error: string | undefined;
  backend: string | undefined;
  rows: number | undefined;
  readonly queuedAt = Date.now();
  startedAt: number | undefined;
  firstEpochAt: number | undefined;
  private readonly listeners = new Set<(m: ToWebviewMessage) => void>();

  constructor(
    readonly id: string,
    readonly key: RunKey,
    /** Workspace-relative path shown to the user. */
    readonly label: string,
    public config: TrainConfig,
    /** Where the model is saved, and the trusted folder the store checks it against. */
    readonly place: ModelPlace,
  ) {}

  get modelDir(): string {
    return this.place.dir;
  }

  onMessage(listener: (m: ToWebviewMessage) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get finished(): boolean {
    return this.state === 'done' || this.state === 'stopped' || this.state === 'error';
  }

  setState(state: RunState, message?: string): void {
    this.state = state;
    if (state === 'training') this.startedAt = Date.now();
    if (state === 'error') this.error = message;
    this.emit({ type: ToWebview.State, state, message });
  }

  /** Records a worker message and forwards its webview form to every attached panel. */
  apply(m: FromWorkerMessage): void {
    switch (m.type) {
      case FromWorker.Started:
        this.config = m.config;
        this.backend = m.backend;
        this.rows = m.rows;
        return;
      case FromWorker.Epoch:
        this.firstEpochAt ??= Date.now();
        this.epochs.push(m.report);
        return this.emit({ type: ToWebview.Epoch, report: m.report });
      case FromWorker.Batch:
        this.batches.push(m.report);
        if (this.batches.length > MAX_BATCHES) this.batches = this.batches.filter((_, i) => i % 2 === 0);
        return this.emit({ type: ToWebview.Batch, report: m.report });
      case FromWorker.Validation:
        this.validation = m.trace;
        return this.emit({ type: ToWebview.Validation, trace: m.trace });
      case FromWorker.Hidden:
        this.hidden = m.states;
        return this.emit({ type: ToWebview.Hidden, states: m.states });
      case FromWorker.Done:
        this.summary = {
          type: ToWebview.Summary,
          saved: m.saved,
          modelDir: m.modelDir,
          seconds: m.seconds,
          metrics: m.metrics,
          baselines: m.baselines,
        };
        this.emit(this.summary);
        return this.setState(m.saved ? 'done' : 'stopped');
      case FromWorker.Failed:
        return this.setState('error', m.message);
      default:
        return;
    }
  }

  showForecast(m: ForecastMessage): void {
    this.forecast = m;
    this.emit(m);
  }

  replay(): ReplayMessage {
    return {
      type: ToWebview.Replay,
      state: this.state,
      epochs: this.epochs,
      batches: this.batches,
      validation: this.validation,
      hidden: this.hidden,
      summary: this.summary,
      message: this.error,
    };
  }

  private emit(m: ToWebviewMessage): void {
    for (const l of this.listeners) l(m);
  }
}
