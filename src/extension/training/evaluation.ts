/**
 * How a model is judged in VS Code: the "SeqLab: Backtest Model" command and the panel's Run Backtest button, and,
 * after a run saved a model, a forecast one season ahead and (when it should take under ~30 s) a backtest, so the
 * user sees at once whether the network beats what a forecaster would have used anyway.
 */
import * as vscode from 'vscode';
import { errorText } from '../../shared/errorText';
import { isRecord, isString } from '../../shared/validate';
import { sourceFor } from '../trust';
import { Backtests, type BacktestOptions, type BacktestOutcome } from './backtests';
import type { RunKey, TrainingRun } from './trainingRun';
import type { TrainingService } from './trainingService';
import type { WorkerClient } from './workerClient';

/** The default K of a backtest; the estimate of its time multiplies the training's by it. */
export const FOLDS = 5;
/** A backtest expected to take longer than this does not start by itself. */
const AUTO_SECONDS = 30;
/**
 * The statistical models' share of a fold, per row of the series (AutoARIMA dominates): a 3,000-row hourly series
 * took 0.74 s to train and 11.8 s to backtest on a 2-core machine, about 1.6 s per fold beyond the network.
 */
const STATS_SECONDS_PER_ROW = 6e-4;
/** History shown before the forecast, in forecast lengths. */
const HISTORY_SPANS = 4;

export interface EvaluationDeps {
  service: TrainingService;
  worker: Pick<WorkerClient, 'backtest' | 'stop' | 'predict'>;
  /** This window's run for a model, or one rebuilt from its saved folder. */
  runFor(key: RunKey): Promise<TrainingRun>;
  log: vscode.LogOutputChannel;
}

export class Evaluation implements vscode.Disposable {
  readonly backtests: Backtests;
  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: EvaluationDeps) {
    this.backtests = new Backtests(deps.worker, deps.log);
    this.subscription = deps.service.onEvent((e) => {
      // A new run of the model makes a backtest of the old settings moot, and would share the worker with it.
      if (e.kind === 'started') this.backtests.stop(e.run.key);
      if (e.kind === 'finished' && e.state === 'done' && e.modelDir) {
        const run = deps.service.runFor(e.run.key);
        if (run?.id === e.run.id && enabled()) void this.afterTraining(run);
      }
    });
  }

  /** The command: `arg` names the model ({file, column}), else the active or most recent run's. */
  async command(arg: unknown, rawOptions: unknown): Promise<BacktestOutcome | undefined> {
    const options = parseOptions(rawOptions);
    try {
      const key =
        isRecord(arg) && isString(arg.file) && isString(arg.column)
          ? { file: arg.file, column: arg.column }
          : undefined;
      const run = key
        ? await this.deps.runFor(key)
        : (this.deps.service.active ?? this.deps.service.mostRecent());
      if (!run) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('SeqLab: train a model first; a backtest retrains it with the same settings.'),
        );
        return undefined;
      }
      return await this.backtests.run(run, options);
    } catch (e) {
      if (options.silent) throw e;
      void vscode.window.showErrorMessage(vscode.l10n.t('SeqLab could not backtest: {0}', errorText(e)));
      return undefined;
    }
  }

  /** The panel's Run Backtest: its error is shown in the panel and the log. */
  fromPanel(key: RunKey): void {
    const run = this.deps.service.runFor(key);
    if (!run || !run.finished) return;
    this.backtests.run(run).catch(() => undefined);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async afterTraining(run: TrainingRun): Promise<void> {
    const season = run.summary?.baselines.season ?? 1;
    await this.drawForecast(run, season > 1 ? season : 12);
    // The finished run may still be the queue's active one here; any other run means the worker is busy.
    const busy = this.deps.service.active;
    if (estimateSeconds(run) > AUTO_SECONDS || (busy && busy !== run) || this.deps.service.queued.length)
      return;
    this.backtests.run(run).catch(() => undefined);
  }

  private async drawForecast(run: TrainingRun, steps: number): Promise<void> {
    try {
      const source = await sourceFor(vscode.Uri.parse(run.key.file));
      const { forecast, history } = await this.deps.worker.predict(
        source,
        run.place,
        steps,
        steps * HISTORY_SPANS,
        run.key.series,
        run.key.column,
      );
      run.showForecast({ type: 'forecast', history: history ?? [], forecast });
    } catch (e) {
      this.deps.log.warn(`${run.label}: no forecast after training: ${errorText(e)}`);
    }
  }
}

/** K trainings on at most the whole series, plus the statistical models on each fold. */
export function estimateSeconds(run: Pick<TrainingRun, 'summary' | 'rows'>): number {
  const train = run.summary?.seconds;
  if (train === undefined || run.rows === undefined) return Number.POSITIVE_INFINITY;
  return FOLDS * (train + run.rows * STATS_SECONDS_PER_ROW);
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('seqlab').get<boolean>('evaluateAfterTraining', true);
}

/** Options may arrive from a command link as JSON: keep only well-typed fields; onProgress must be a function. */
function parseOptions(raw: unknown): BacktestOptions {
  if (!isRecord(raw)) return {};
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined);
  return {
    silent: raw.silent === true,
    folds: count(raw.folds),
    horizon: count(raw.horizon),
    onProgress:
      typeof raw.onProgress === 'function' ? (raw.onProgress as BacktestOptions['onProgress']) : undefined,
  };
}
