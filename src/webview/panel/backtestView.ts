/**
 * The backtest card: Run/Stop, progress per fold, a table of models × metrics with the best marked, a plain verdict,
 * and the error per step ahead as a chart with a table alternative. It draws what the host sends.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { sayVerdict } from '../../shared/verdictWords';
import { cellName } from '../../shared/cellName';
import { formatNumber } from '../../shared/formatNumber';
import type { BacktestMessage, PanelStrings } from '../../shared/protocol';
import { BACKTEST_MODELS, type BacktestModelKey } from '../../shared/schema/backtest';
import type { BacktestReport, BacktestScore } from '../../shared/types';
import type { ChartColors } from './chartTheme';
import { button, el, format, section } from './dom';
import { LineChart } from './lineChart';
import { TableAlternative } from './tableAlternative';

export interface BacktestCallbacks {
  run(): void;
  stop(): void;
}

const COLUMNS: Array<{ key: keyof BacktestScore; label: (s: PanelStrings) => string; percent?: boolean }> = [
  { key: 'mae', label: () => 'MAE' },
  { key: 'rmse', label: () => 'RMSE' },
  { key: 'smape', label: () => 'sMAPE %' },
  { key: 'mase', label: () => 'MASE' },
  { key: 'coverage', label: (s) => `${s.coverage} %`, percent: true },
];

/** One colour and dash per method, so the lines differ in shape as well as hue (high-contrast themes, print). */
const LINES: Record<BacktestModelKey, { color: (c: ChartColors) => string; dash?: number[] }> = {
  rnn: { color: (c) => c.predicted },
  naive: { color: (c) => c.naive, dash: [2, 3] },
  seasonalNaive: { color: (c) => c.val, dash: [6, 3] },
  theta: { color: (c) => c.train, dash: [8, 3, 2, 3] },
  arima: { color: (c) => c.extra, dash: [1, 2] },
};

export class BacktestView {
  private readonly card: HTMLElement;
  private readonly runButton: HTMLElement;
  private readonly stopButton: HTMLElement;
  private readonly status = el('p', 'backtest-status');
  private readonly verdict = el('p', 'verdict');
  private readonly table = el('table', 'metrics backtest-table');
  private readonly results = el('div', 'backtest-results');
  private chart: LineChart | undefined;
  private steps: TableAlternative | undefined;
  private running = false;
  private allowed = false;

  constructor(
    parent: HTMLElement,
    private readonly s: PanelStrings,
    /** The network's cell, for its name while the report (which carries it) has not come yet. */
    private readonly cell: string,
    cb: BacktestCallbacks,
  ) {
    this.card = section(parent, 'backtest', s.backtest);
    const actions = el('div', 'actions');
    this.runButton = button('run-backtest', s.runBacktest, () => cb.run());
    this.stopButton = button('stop-backtest', s.stopBacktest, () => cb.stop());
    this.stopButton.setAttribute('secondary', '');
    actions.append(this.runButton, this.stopButton);
    this.status.setAttribute('aria-live', 'polite');
    this.status.textContent = s.backtestHint;
    this.verdict.setAttribute('aria-live', 'polite');
    this.results.hidden = true;
    this.results.append(this.verdict, this.table);
    this.card.append(actions, this.status, this.results);
    this.sync();
  }

  /** Whether a backtest may start now (not while the network trains). */
  allow(allowed: boolean): void {
    this.allowed = allowed;
    this.sync();
  }

  update(m: BacktestMessage): void {
    this.running = m.state === 'running';
    this.card.dataset.state = m.state;
    if (m.state === 'running') this.status.textContent = m.progress ? this.progressText(m) : '';
    else if (m.state === 'stopped') this.status.textContent = this.s.backtestStopped;
    else if (m.state === 'error') this.status.textContent = `${this.s.backtestFailed} ${m.message ?? ''}`;
    else this.status.textContent = '';
    if (m.report) this.showReport(m.report);
    this.sync();
  }

  retheme(): void {
    this.chart?.retheme();
  }

  private progressText(m: BacktestMessage): string {
    const p = m.progress;
    if (!p) return '';
    const model = this.name(p.model, this.cell);
    return p.epoch !== undefined && p.epochs !== undefined
      ? format(this.s.backtestEpoch, p.fold, p.folds, model, p.epoch, p.epochs)
      : format(this.s.backtestFold, p.fold, p.folds, model);
  }

  private showReport(r: BacktestReport): void {
    const network = cellName(r.cell);
    this.verdict.textContent = sayVerdict(r, network, (k) => this.name(k, r.cell), {
      best: this.s.verdictBest,
      mixed: this.s.verdictMixed,
      worst: this.s.verdictWorst,
      none: this.s.verdictNone,
      byMae: this.s.verdictByMae,
    });
    this.fillTable(r);
    this.drawSteps(r);
    this.results.hidden = false;
  }

  private fillTable(r: BacktestReport): void {
    this.table.replaceChildren(
      el(
        'caption',
        undefined,
        format(this.s.backtestCaption, r.folds, r.horizon, r.season, Math.round(r.level * 100)),
      ),
    );
    const head = el('tr');
    for (const h of [this.s.model, ...COLUMNS.map((c) => c.label(this.s))]) {
      const th = el('th', undefined, h);
      th.scope = 'col';
      head.append(th);
    }
    this.table.appendChild(el('thead')).append(head);
    const body = this.table.appendChild(el('tbody'));
    // Lowest error per column is marked; coverage is judged against the level, not by size, so it is not.
    const lowest = new Map(
      COLUMNS.filter((c) => !c.percent).map((c) => {
        const values = BACKTEST_MODELS.map((k) => r.models[k][c.key] as number).filter(Number.isFinite);
        return [c.key, values.length ? Math.min(...values) : Number.NaN];
      }),
    );
    for (const key of BACKTEST_MODELS) {
      const score = r.models[key];
      const tr = el('tr', key === r.best ? 'best-row' : undefined);
      tr.dataset.model = key;
      const name = this.name(key, r.cell);
      // The best is said in words too, not by colour alone.
      const failed = score.perFold.filter((f) => f.error !== undefined).length;
      const notes = [
        ...(key === r.best ? [this.s.backtestBest] : []),
        ...(failed ? [format(this.s.backtestFailedFolds, failed, r.folds)] : []),
      ];
      const th = el('th', undefined, notes.length ? `${name} (${notes.join('; ')})` : name);
      if (failed) th.title = score.perFold.find((f) => f.error !== undefined)?.error ?? '';
      th.scope = 'row';
      tr.append(th);
      for (const c of COLUMNS) {
        const v = score[c.key] as number | null;
        const shown = v === null ? undefined : c.percent ? v * 100 : v;
        tr.append(el('td', v !== null && v === lowest.get(c.key) ? 'best' : undefined, formatNumber(shown)));
      }
      body.append(tr);
    }
  }

  private drawSteps(r: BacktestReport): void {
    if (!this.chart) {
      const box = el('div', 'per-step');
      box.append(el('h3', undefined, this.s.perStep));
      this.results.append(box);
      this.chart = new LineChart(box, {
        title: this.s.perStep,
        xLabel: this.s.stepsAhead,
        yLabel: 'MAE',
        series: BACKTEST_MODELS.map((k) => ({
          label: this.name(k, r.cell),
          color: LINES[k].color,
          dash: LINES[k].dash,
          width: k === 'rnn' ? 2.5 : 1.5,
          points: true,
        })),
      });
      this.steps = new TableAlternative(box, this.s.value, this.s.perStep);
    }
    const x = Array.from({ length: r.horizon }, (_, i) => i + 1);
    const ys = BACKTEST_MODELS.map((k) => x.map((_, i) => finiteOrNull(r.models[k].perStep[i])));
    this.chart.setData([x, ...ys]);
    this.chart.element.dataset.steps = String(r.horizon);
    this.steps?.set({
      head: [this.s.stepsAhead, ...BACKTEST_MODELS.map((k) => this.name(k, r.cell))],
      rows: x.map((step, i) => [String(step), ...ys.map((y) => formatNumber(y[i] ?? undefined))]),
    });
  }

  private name(key: BacktestModelKey, cell: string): string {
    switch (key) {
      case 'rnn':
        return cellName(cell);
      case 'naive':
        return this.s.naive;
      case 'seasonalNaive':
        return this.s.seasonalNaive;
      case 'theta':
        return this.s.theta;
      case 'arima':
        return this.s.arima;
    }
  }

  private sync(): void {
    this.runButton.toggleAttribute('disabled', !this.allowed || this.running);
    this.runButton.hidden = this.running;
    this.stopButton.hidden = !this.running;
  }
}

function finiteOrNull(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}
