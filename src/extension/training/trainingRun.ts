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
  SeriesViewed,
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
  /** A global run: its series, the one `validation` and `hidden` are of, and the one the panel asked for last. */
  seriesNames: string[] | undefined;
  series: string | undefined;
  selected: string | undefined;
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
        if (m.series) {
          this.seriesNames = m.series;
          this.emit({ type: 'seriesList', names: m.series });
        }
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
        if (this.stale(m.series)) return;
        this.validation = m.trace;
        this.series = m.series;
        return this.emit({
          type: 'validation',
          trace: m.trace,
          ...(m.series !== undefined && { series: m.series }),
        });
      case 'hidden':
        if (this.stale(m.series)) return;
        this.hidden = m.states;
        this.series = m.series;
        return this.emit({
          type: 'hidden',
          states: m.states,
          ...(m.series !== undefined && { series: m.series }),
        });
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
          ...(m.forecastReport && { forecastReport: m.forecastReport }),
        };
        this.emit(this.summary);
        return this.setState(m.saved ? 'done' : 'stopped');
      case 'failed':
        return this.setState('error', m.message);
      default:
        return;
    }
  }

  /** The panel asked for `series`: views of any other one still on their way are dropped. */
  select(series: string): void {
    this.selected = series;
  }

  /** The worker's answer to a selection (a newer selection supersedes it). */
  showSeries(m: SeriesViewed): void {
    if (m.series !== this.selected) return;
    if (m.trace) this.apply({ type: 'validation', runId: this.id, trace: m.trace, series: m.series });
    if (m.states) this.apply({ type: 'hidden', runId: this.id, states: m.states, series: m.series });
    if (m.message !== undefined) this.emit({ type: 'seriesMissing', series: m.series, message: m.message });
  }

  /** A view of a series other than the selected one was computed before the selection reached the worker. */
  private stale(series: string | undefined): boolean {
    return series !== undefined && this.selected !== undefined && series !== this.selected;
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
      seriesNames: this.seriesNames ?? this.summary?.perSeries?.map((p) => p.name),
      series: this.series,
    };
  }

  private emit(m: ToWebviewMessage): void {
    for (const l of this.listeners) l(m);
  }
}
