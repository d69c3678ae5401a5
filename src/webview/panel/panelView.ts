/**
 * The panel's page: header and buttons, loss chart, validation chart, metrics, hidden-state heatmap, config form and
 * summary. It renders whatever the host says; the run's history lives on the host and is replayed on every load.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { Heatmap } from '../common/heatmap';
import type { BatchReport, EpochReport, TrainConfig } from '../../shared/types';
import type {
  BacktestMessage,
  ForecastMessage,
  InitMessage,
  PanelStrings,
  ReplayMessage,
  RunState,
  SummaryMessage,
} from '../../shared/protocol';
import { SeriesSelector } from './seriesSelector';
import type { HiddenStates, ValidationTrace } from '../../shared/types';
import { BacktestView } from './backtestView';
import { lossData, partMarkers, predictionData, predictionTable } from './chartData';
import { forecastReportLines } from './forecastReportLines';
import { TableAlternative } from './tableAlternative';
import { ConfigForm } from './configForm';
import { button, el, format, section } from './dom';
import { ForecastView } from './forecastView';
import { LineChart } from './lineChart';
import { SeriesTable } from './seriesTable';
import { renderMetrics } from './metricsTable';
import { budgetText } from './budgetLine';
import { deseasonText } from './deseasonLine';
import { epochStatus } from './epochStatus';

export interface PanelCallbacks {
  stop(keep: boolean): void;
  retrain(config: Partial<TrainConfig>): void;
  reveal(): void;
  runBacktest(): void;
  stopBacktest(): void;
  selectSeries(series: string): void;
}

export class PanelView {
  private readonly s: PanelStrings;
  private readonly status = el('p', 'status');
  private readonly budget = el('p', 'budget');
  private readonly budgetSeconds: number;
  private elapsed = 0;
  private readonly stopButton: HTMLElement;
  private readonly keepButton: HTMLElement;
  private readonly loss: LineChart;
  private readonly prediction: LineChart;
  private readonly predictionTable: TableAlternative;
  private readonly metrics = el('table', 'metrics');
  private readonly heatmap: Heatmap;
  private readonly heatmapCaption = el('p', 'caption');
  private readonly form: ConfigForm;
  private readonly summary = el('div', 'summary');
  private epochs: EpochReport[] = [];
  private batches: BatchReport[] = [];
  private state: RunState = 'queued';
  private pendingDraw = false;
  private forecastView: ForecastView | undefined;
  private readonly grid: HTMLElement;
  private readonly backtestView: BacktestView;
  private readonly seriesTable: SeriesTable;
  private readonly selector: SeriesSelector;

  private readonly column: string;

  constructor(
    root: HTMLElement,
    init: InitMessage,
    private readonly cb: PanelCallbacks,
  ) {
    this.s = init.strings;
    this.column = init.column;
    this.budgetSeconds = init.config.timeBudgetSeconds ?? 0;
    root.replaceChildren();
    const header = el('header');
    header.append(el('h1', undefined, init.title));
    const where = el('p', 'where');
    where.append(
      el('span', 'file', init.file),
      document.createTextNode(' · '),
      el('span', 'column', init.column),
    );
    if (init.features?.length)
      where.append(
        document.createTextNode(' · '),
        el('span', 'features', format(this.s.covariates, init.features.join(', '))),
      );
    header.append(where, this.status);
    const actions = el('div', 'actions');
    this.stopButton = button('stop', this.s.stop, () => cb.stop(false));
    this.keepButton = button('stop-keep', this.s.stopKeep, () => cb.stop(true));
    this.keepButton.setAttribute('secondary', '');
    actions.append(this.stopButton, this.keepButton);
    this.budget.id = 'budget';
    header.append(actions, this.budget);
    this.selector = new SeriesSelector(this.s, (series) => {
      this.seriesTable.mark(series);
      cb.selectSeries(series);
    });
    this.seriesTable = new SeriesTable(this.s, (series) => this.selector.choose(series));
    root.append(header, this.summary, this.seriesTable.root, this.selector.root);
    this.summary.hidden = true;
    const grid = el('div', 'grid');
    this.grid = grid;
    root.append(grid);
    this.loss = new LineChart(section(grid, 'loss', this.s.loss), {
      title: this.s.loss,
      xLabel: this.s.epoch,
      yLabel: 'MSE',
      logY: true,
      series: [
        { label: this.s.trainLoss, color: (c) => c.train, width: 2 },
        { label: this.s.valLoss, color: (c) => c.val, width: 2 },
        { label: this.s.batchLoss, color: (c) => c.batch, width: 1, dash: [4, 3] },
      ],
    });
    const predictions = section(grid, 'predictions', this.s.predictions);
    this.prediction = new LineChart(predictions, {
      title: this.s.predictions,
      xLabel: this.s.index,
      yLabel: init.column,
      series: [
        { label: this.s.actual, color: (c) => c.actual, width: 1.5 },
        { label: this.s.predicted, color: (c) => c.predicted, width: 2 },
        { label: this.s.naive, color: (c) => c.naive, width: 1, dash: [5, 4] },
      ],
    });
    this.predictionTable = new TableAlternative(predictions, this.s.value, this.s.predictions);
    const metricsSection = section(grid, 'metrics', this.s.metrics);
    metricsSection.append(this.metrics);
    this.metrics.append(el('caption', undefined, this.s.noData));
    this.backtestView = new BacktestView(root, this.s, init.config.cell, {
      run: () => cb.runBacktest(),
      stop: () => cb.stopBacktest(),
    });
    const hidden = section(root, 'hidden', this.s.hidden);
    hidden.append(this.heatmapCaption);
    this.heatmap = new Heatmap(hidden, {
      strings: { row: this.s.unit, col: this.s.step, table: this.s.value },
      ariaLabel: this.s.hidden,
      maxAbs: 1,
    });
    this.form = new ConfigForm(section(root, 'config', this.s.config), this.s, (c) => cb.retrain(c));
    this.form.fill(init.config);
    this.setState('queued');
    this.showBudget();
  }

  replay(m: ReplayMessage): void {
    this.epochs = m.epochs.slice();
    this.batches = m.batches.slice();
    this.elapsed = Math.max(
      m.epochs[m.epochs.length - 1]?.elapsed ?? 0,
      m.batches[m.batches.length - 1]?.elapsed ?? 0,
    );
    this.showBudget();
    this.scheduleLoss();
    this.seriesNames(m.seriesNames);
    if (m.validation) this.validation(m.validation, m.series);
    if (m.hidden) this.hidden(m.hidden, m.series);
    if (m.summary) this.showSummary(m.summary);
    else {
      this.summary.hidden = true;
      this.seriesTable.show(undefined);
    }
    this.setState(m.state, m.message);
  }

  epoch(r: EpochReport, earlier: readonly EpochReport[] = []): void {
    this.epochs.push(...earlier, r);
    this.elapsed = r.elapsed ?? this.elapsed;
    this.showBudget();
    this.status.textContent = epochStatus(this.s, r);
    this.scheduleLoss();
  }

  batch(r: BatchReport): void {
    this.batches.push(r);
    if (r.elapsed !== undefined) {
      this.elapsed = r.elapsed;
      this.showBudget();
    }
    this.scheduleLoss();
  }

  /** A global run's series: the selector's list. */
  seriesNames(names: readonly string[] | undefined): void {
    this.selector.setNames(names);
  }

  /** The selected series has no view. */
  seriesMissing(series: string, message?: string): void {
    this.selector.missing(series, message);
  }

  validation(t: ValidationTrace, series?: string): void {
    if (!this.selector.accepts(series)) return;
    if (series !== undefined) this.seriesTable.mark(series);
    this.prediction.setData(predictionData(t));
    this.predictionTable.set(predictionTable(t, this.s));
    // How many points carry the model's prediction (none in the preview before the first epoch), for tests.
    this.prediction.element.dataset.predicted = String(t.predicted.filter(Number.isFinite).length);
  }

  hidden(h: HiddenStates, series?: string): void {
    if (!this.selector.accepts(series)) return;
    const layer = h.layers[h.layers.length - 1];
    if (!layer) return;
    this.heatmap.setData({ values: layer.h, steps: h.steps, units: h.units });
    this.heatmapCaption.textContent = `${series === undefined ? '' : `${series} · `}${this.s.layer} ${h.layers.length} · ${this.s.units} ${h.units} · ${this.s.step} ${h.start}…${h.start + h.steps - 1}`;
  }

  /** The recent history, then the forecast with its interval band (after training, or from Predict Next Value). */
  forecast(m: ForecastMessage): void {
    this.forecastView ??= new ForecastView(this.grid, this.s, this.column);
    this.forecastView.show(m);
  }

  backtest(m: BacktestMessage): void {
    this.backtestView.update(m);
  }

  showSummary(m: SummaryMessage): void {
    renderMetrics(this.metrics, this.s, m.metrics, m.baselines);
    this.seriesTable.show(m.perSeries);
    if (m.perSeries) this.seriesNames(m.perSeries.map((p) => p.name));
    this.summary.replaceChildren();
    if (m.saved) {
      const p = el('p');
      const link = el('a', 'reveal', this.s.reveal);
      link.href = '#';
      link.addEventListener('click', (e) => {
        e.preventDefault();
        this.cb.reveal();
      });
      p.append(
        document.createTextNode(`${this.s.savedTo} `),
        el('code', 'model-dir', m.modelDir),
        document.createTextNode(' '),
        link,
      );
      this.summary.append(p);
    } else {
      this.summary.append(el('p', undefined, this.s.notSaved));
    }
    if (m.deseasonalized) this.summary.append(el('p', 'deseason', deseasonText(this.s, m.deseasonalized)));
    for (const line of m.forecastReport ? forecastReportLines(this.s, m.forecastReport) : []) {
      const p = el('p', line.warning ? 'forecast-report loser' : 'forecast-report', line.text);
      if (line.warning) p.setAttribute('role', 'alert');
      this.summary.append(p);
    }
    this.summary.append(el('p', 'took', format(this.s.tookSeconds, m.seconds.toFixed(1))));
    this.summary.hidden = false;
  }

  setState(state: RunState, message?: string): void {
    this.state = state;
    document.body.dataset.state = state;
    const running = state === 'training' || state === 'queued';
    this.stopButton.toggleAttribute('disabled', !running);
    this.keepButton.toggleAttribute('disabled', state !== 'training');
    // A disabled primary button still reads as clickable in dark themes: with nothing to stop, they go.
    this.stopButton.hidden = !running;
    this.keepButton.hidden = !running;
    this.backtestView.allow(!running);
    if (state !== 'training' || this.epochs.length === 0)
      this.status.textContent = message ? `${this.s[state]} ${message}` : this.s[state];
  }

  private showBudget(): void {
    this.budget.textContent = budgetText(this.s, this.budgetSeconds, this.epochs, this.elapsed);
  }

  /** Redraws charts with the theme's current colours. */
  retheme(): void {
    this.loss.retheme();
    this.prediction.retheme();
    this.forecastView?.retheme();
    this.backtestView.retheme();
  }

  get running(): boolean {
    return this.state === 'training';
  }

  private scheduleLoss(): void {
    if (this.pendingDraw) return;
    this.pendingDraw = true;
    requestAnimationFrame(() => {
      this.pendingDraw = false;
      this.loss.setData(lossData(this.epochs, this.batches), partMarkers(this.s, this.epochs));
      // Lets a test (or a curious user in devtools) see how much history the chart holds.
      this.loss.element.dataset.epochs = String(this.epochs.length);
    });
  }
}
