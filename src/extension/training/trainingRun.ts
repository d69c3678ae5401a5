/**
 * One training run as the host sees it. The host owns the run's whole history so a panel that was hidden, closed or
 * restored can be replayed complete; the worker and the webview only ever see deltas.
 */
import type { ModelPlace } from '../../model/store/paths';
import type { BatchReport, EpochReport, HiddenStates, TrainConfig, ValidationTrace } from '../../model/types';
import type {
  BacktestMessage,
  ForecastMessage,
  FromWorkerMessage,
  ReplayMessage,
  RunState,
  SummaryMessage,
  ToWebviewMessage,
} from '../../shared/protocol';

/** Batches kept for the smoothed batch-loss curve; beyond it every other one is dropped (the curve is smoothed anyway). */
const MAX_BATCHES = 4000;

export interface RunKey {
  /** The data file's URI as a string. */
  file: string;
  column: string;
  /** A keyed file: the one series trained (absent with `seriesColumn`: every series, one global model). */
  series?: string;
  /** The key column the pick found ('none' or absent: one series). */
  seriesColumn?: string;
  /** Covariate columns fed beside the series. */
  features?: string[];
}

export const keyOf = (k: RunKey): string =>
  `${k.file}\u0000${k.column}${k.series === undefined ? '' : `\u0000${k.series}`}`;

export class TrainingRun {
  state: RunState = 'queued';
  readonly epochs: EpochReport[] = [];
  batches: BatchReport[] = [];
  validation: ValidationTrace | undefined;
  hidden: HiddenStates | undefined;
  summary: SummaryMessage | undefined;
  /** The latest forecast Predict Next Value drew in this run's panel. */
  forecast: ForecastMessage | undefined;
  /** Where this model's latest backtest stands (with its report once one finished). */
  backtest: BacktestMessage | undefined;
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
    this.emit({ type: 'state', state, message });
  }

  /** Records a worker message and forwards its webview form to every attached panel. */
  apply(m: FromWorkerMessage): void {
    switch (m.type) {
      case 'started':
        this.config = m.config;
        this.backend = m.backend;
        this.rows = m.rows;
        return;
      case 'epoch':
        this.firstEpochAt ??= Date.now();
        this.epochs.push(...(m.earlier ?? []), m.report);
        return this.emit({ type: 'epoch', report: m.report, earlier: m.earlier });
      case 'batch':
        this.batches.push(m.report);
        if (this.batches.length > MAX_BATCHES) this.batches = this.batches.filter((_, i) => i % 2 === 0);
        return this.emit({ type: 'batch', report: m.report });
      case 'validation':
        this.validation = m.trace;
        return this.emit({ type: 'validation', trace: m.trace });
      case 'hidden':
        this.hidden = m.states;
        return this.emit({ type: 'hidden', states: m.states });
      case 'done':
        this.summary = {
          type: 'summary',
          saved: m.saved,
          modelDir: m.modelDir,
          seconds: m.seconds,
          metrics: m.metrics,
          baselines: m.baselines,
          ...(m.perSeries && { perSeries: m.perSeries }),
          ...(m.deseasonalized && { deseasonalized: m.deseasonalized }),
        };
        this.emit(this.summary);
        return this.setState(m.saved ? 'done' : 'stopped');
      case 'failed':
        return this.setState('error', m.message);
      default:
        return;
    }
  }

  showForecast(m: ForecastMessage): void {
    this.forecast = m;
    this.emit(m);
  }

  showBacktest(m: BacktestMessage): void {
    this.backtest = m;
    this.emit(m);
  }

  replay(): ReplayMessage {
    return {
      type: 'replay',
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
