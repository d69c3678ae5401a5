/**
 * Backtests of this window's runs: one at a time per model, in the worker, shown in the run's panel (progress per
 * fold, then the report) and in a cancellable progress notification. The report is the worker's; this only routes it.
 */
import * as vscode from 'vscode';
import { cellName } from '../../shared/cellName';
import { errorText } from '../../shared/errorText';
import type { BacktestProgress, BacktestReport } from '../../shared/types';
import { sourceFor } from '../trust';
import { keyOf, type RunKey, type TrainingRun } from './trainingRun';
import type { WorkerClient } from './workerClient';

export interface BacktestOptions {
  /** No notification: the panel alone shows progress (tests; errors are thrown either way). */
  silent?: boolean;
  /** Hears every progress report; `stop` ends the backtest as the notification's Cancel would. */
  onProgress?(p: BacktestProgress, stop: () => void): void;
  folds?: number;
  horizon?: number;
}

export interface BacktestOutcome {
  stopped: boolean;
  report?: BacktestReport;
  /** Why backtest.json could not be written beside the saved model (the report is still shown). */
  saveError?: string;
}

export class Backtests {
  private readonly running = new Map<string, { id: string; done: Promise<BacktestOutcome> }>();
  private next = 1;

  constructor(
    private readonly worker: Pick<WorkerClient, 'backtest' | 'stop'>,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  isRunning(key: RunKey): boolean {
    return this.running.has(keyOf(key));
  }

  stop(key: RunKey): void {
    const r = this.running.get(keyOf(key));
    if (r) this.worker.stop(r.id, false);
  }

  /** Starts a backtest of `run`'s model with its settings; while one runs for the model, that one is returned. */
  run(run: TrainingRun, options: BacktestOptions = {}): Promise<BacktestOutcome> {
    const k = keyOf(run.key);
    const existing = this.running.get(k);
    if (existing) return existing.done;
    const id = `backtest-${Date.now().toString(36)}-${this.next++}`;
    const done = this.execute(run, id, options).finally(() => this.running.delete(k));
    this.running.set(k, { id, done });
    return done;
  }

  private async execute(run: TrainingRun, id: string, options: BacktestOptions): Promise<BacktestOutcome> {
    const stop = () => this.worker.stop(id, false);
    const previous = run.backtest?.report;
    run.showBacktest({ type: 'backtest', state: 'running', report: previous });
    const notice = options.silent ? undefined : notify(run, stop);
    this.log.info(`backtest ${run.label} · ${run.key.column}: ${JSON.stringify(run.config)}`);
    try {
      const saved = run.summary?.saved === true;
      const result = await this.worker.backtest(
        {
          runId: id,
          source: await sourceFor(vscode.Uri.parse(run.key.file)),
          column: run.key.column,
          config: run.config,
          folds: options.folds,
          horizon: options.horizon,
          modelDir: saved ? run.place.dir : undefined,
          modelBase: saved ? run.place.base : undefined,
        },
        (p) => {
          run.showBacktest({ type: 'backtest', state: 'running', progress: p, report: previous });
          notice?.report(p);
          options.onProgress?.(p, stop);
        },
      );
      if (result.saveError) this.log.warn(`backtest of ${run.label}: ${result.saveError}`);
      const report = result.report;
      if (result.stopped || !report) {
        run.showBacktest({ type: 'backtest', state: 'stopped', report: previous });
        this.log.info(`backtest ${run.label} · ${run.key.column} stopped`);
      } else {
        run.showBacktest({ type: 'backtest', state: 'done', report });
        const m = report.models;
        this.log.info(
          `backtest ${run.label} · ${run.key.column} in ${report.seconds.toFixed(1)} s: MASE rnn ${m.rnn.mase} naive ${m.naive.mase} seasonal ${m.seasonalNaive.mase} theta ${m.theta.mase} arima ${m.arima.mase}; best ${report.best}`,
        );
      }
      return { stopped: result.stopped, report, saveError: result.saveError };
    } catch (e) {
      run.showBacktest({ type: 'backtest', state: 'error', message: errorText(e), report: previous });
      this.log.error(`backtest of ${run.label} failed: ${errorText(e)}`);
      throw e;
    } finally {
      notice?.end();
    }
  }
}

/** A cancellable notification: fold k of K and the model being fitted, advancing once per fold. */
function notify(run: TrainingRun, stop: () => void): { report(p: BacktestProgress): void; end(): void } {
  let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  let end = () => undefined as void;
  let fold = 0;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const title = vscode.l10n.t('SeqLab: backtesting {0} · {1}', run.label, run.key.column);
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (p, token) => {
      progress = p;
      token.onCancellationRequested(stop);
      return ended;
    },
  );
  return {
    report(p) {
      const model = p.model === 'rnn' ? cellName(run.config.cell) : p.model;
      const increment = p.fold !== fold ? 100 / Math.max(1, p.folds) : undefined;
      fold = p.fold;
      progress?.report({
        increment,
        message: vscode.l10n.t('fold {0}/{1} · {2}', p.fold, p.folds, model),
      });
    },
    end: () => end(),
  };
}
