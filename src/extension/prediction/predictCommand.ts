/**
 * "SeqLab: Predict Next Value": resolves the model, forecasts from the file as it is now (through the worker), and
 * offers Forecast N Steps…, Show in Panel and Insert as New Row.
 */
import * as vscode from 'vscode';
import { formatNumber, MESSAGE } from '../../shared/formatNumber';
import type { ForecastMessage, Predicted } from '../../shared/protocol';
import { isRecord } from '../../shared/validate';
import type { ModelEntry } from '../models/modelCatalog';
import { methodName, modelLabel } from '../models/modelsTree';
import type { Forecast } from '../../shared/types';
import { backtestSentence } from '../models/backtestText';
import { basename, sourceFor } from '../trust';
import { insertRow, insertSeriesRows } from './insertRow';
import { ALL_SERIES, chooseSeries, predictAll } from './seriesPredict';
import type { ForecastTables, TableRow } from './forecastTable';
import { defaultUi, type PredictAction, type PredictUi } from './predictUi';
import { resolveModel } from './modelPicker';
import type { RunKey } from '../training/trainingRun';
import type { WorkerClient } from '../training/workerClient';
import { errorText } from '../../shared/errorText';

/** What prediction needs, passed in from activate(): the shared worker, the panel that draws forecasts, the log. */
export type { PredictAction, PredictUi };

export interface PredictDeps {
  worker: Pick<WorkerClient, 'predict' | 'newRow' | 'newSeriesRows'>;
  /** Opens the model's training panel and draws the forecast there. */
  showForecast(key: RunKey, message: ForecastMessage): Promise<void>;
  log: vscode.LogOutputChannel;
  /** Where "All series" shows its table (registerPrediction makes it). */
  tables?: ForecastTables;
}

export interface PredictOptions {
  /** Return the result without any notification (errors are thrown instead of shown). */
  silent?: boolean;
  column?: string;
  ui?: PredictUi;
  /** A model of many series: forecast this one without asking. */
  series?: string;
  /** A model of many series: forecast all of them (a table) without asking. */
  allSeries?: boolean;
}

export interface PredictResult {
  file: string;
  column: string;
  modelDir: string;
  next: number;
  interval: [number, number];
  level: number;
  forecast: number[];
  /** The share of held-out values the interval covered when it was calibrated, if measured. */
  coverage?: number;
  /** The share of actuals the model's 80% intervals covered in its last backtest, when it has one (level 0.8). */
  backtestCoverage?: number;
  /** The plain method that forecast better than the model on validation, with both errors, if one did. */
  better?: Forecast['better'];
  /** After "Forecast with …": that method's next value. */
  methodNext?: number;
  /** How the model ranked in its last backtest, as the notification says it (or that it has none). */
  ranking: string;
  /** The method with the lowest MASE in that backtest. */
  backtestBest?: string;
  /** What the follow-up did, when the caller's ui awaited it. */
  action?: PredictAction;
  inserted?: boolean;
  /** Why the follow-up failed, if it did (also shown to the user). */
  followUpError?: string;
  /** A model of many series: the one forecast; with all series, `next`… are the first one's. */
  series?: string;
  /** All series: each one's row of the table, in the model's order. */
  forecasts?: TableRow[];
  /** All series: the file's series that got no forecast, and why. */
  skipped?: Array<{ name: string; reason: string }>;
}

/** Points of history shown before a forecast in the panel. */
const HISTORY = 200;

export async function predictNext(
  arg: unknown,
  rawOptions: unknown,
  deps: PredictDeps,
): Promise<PredictResult | undefined> {
  const options = parseOptions(rawOptions);
  const { log } = deps;
  try {
    const resolved = await resolveModel(arg, options.column);
    if (resolved.kind === 'cancelled') return undefined;
    if (resolved.kind === 'untrained') {
      if (options.silent)
        throw new Error(
          vscode.l10n.t(
            'No trained model for {0}.',
            resolved.data ? basename(resolved.data) : vscode.l10n.t('this workspace'),
          ),
        );
      void offerTraining(resolved.data);
      return undefined;
    }
    const model = resolved.model;
    const choice = await chooseSeries(model, options);
    if (choice === undefined) return undefined;
    if (choice === ALL_SERIES) return await predictAll(deps, model, options);
    // Starting the worker and reading the file take a moment the first time: say so in the status bar.
    const title = vscode.l10n.t('SeqLab: predicting {0}…', modelLabel(model));
    const { forecast } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title },
      () => forecastWith(deps, model, 1, undefined, choice.series),
    );
    const result: PredictResult = {
      file: model.data.toString(),
      column: model.column,
      modelDir: model.dir.toString(),
      next: forecast.next,
      interval: forecast.interval,
      level: forecast.level,
      forecast: forecast.forecast,
      coverage: forecast.coverage,
      ...backtestCoverageOf(model, forecast.level),
      ...(forecast.better && { better: forecast.better }),
      ranking: model.backtest
        ? backtestSentence(model.backtest)
        : vscode.l10n.t('It has not been backtested yet (SeqLab: Backtest Model).'),
      backtestBest: model.backtest?.best,
      ...(choice.series !== undefined && { series: choice.series }),
    };
    log.info(`predicted ${modelLabel(model)}: ${forecast.next} [${forecast.interval.join(', ')}]`);
    if (options.silent) return result;
    const followUp = afterPrediction(deps, model, result, options.ui ?? defaultUi);
    if (options.ui) await followUp;
    else void followUp;
    return result;
  } catch (e) {
    const message = errorText(e);
    log.error(`predict: ${message}`);
    if (options.silent) throw e instanceof Error ? e : new Error(message);
    void vscode.window.showErrorMessage(vscode.l10n.t('SeqLab could not predict: {0}', message));
    return undefined;
  }
}

/**
 * Asks the worker (with `history`, also for the series' last values), and refuses anything that is not a finite
 * forecast of the model's own column.
 */
export async function forecastWith(
  deps: Pick<PredictDeps, 'worker'>,
  model: ModelEntry,
  steps: number,
  history?: number,
  series?: string,
): Promise<Predicted> {
  const source = await sourceFor(model.data);
  const predicted = await deps.worker.predict(source, model.place, steps, history, series, model.column);
  const f = predicted.forecast;
  if (predicted.column !== model.column) {
    throw new Error(
      vscode.l10n.t(
        '{0}: the model predicts column "{1}", not "{2}".',
        basename(model.data),
        predicted.column,
        model.column,
      ),
    );
  }
  if (!Number.isFinite(f.next) || !f.interval.every(Number.isFinite)) {
    throw new Error(vscode.l10n.t('{0}: the model produced no finite forecast.', basename(model.data)));
  }
  return predicted;
}

/** The backtest's coverage of the network's intervals, when the model has a backtest at the level asked for. */
function backtestCoverageOf(model: ModelEntry, level: number): Pick<PredictResult, 'backtestCoverage'> {
  const b = model.backtest;
  const c = b?.models.rnn.coverage;
  return b && b.level === level && typeof c === 'number' && Number.isFinite(c) ? { backtestCoverage: c } : {};
}

export function formatResult(
  model: ModelEntry,
  r: Pick<
    PredictResult,
    'next' | 'interval' | 'level' | 'coverage' | 'backtestCoverage' | 'ranking' | 'series' | 'better'
  >,
): string {
  const [lo, hi] = r.interval;
  const args = [
    // One series of a global model is named, not the model's count of series.
    modelLabel(r.series === undefined ? model : { ...model, series: [r.series] }),
    formatNumber(r.next, MESSAGE),
    Math.round(r.level * 100),
    formatNumber(lo, MESSAGE),
    formatNumber(hi, MESSAGE),
  ] as const;
  // An out-of-sample figure: the backtest's where there is one, else the calibration's held-out half.
  const value =
    r.backtestCoverage !== undefined
      ? vscode.l10n.t(
          '{0}: next {1} ({2}% interval {3}–{4}, which covered {5}% of actuals in its backtest)',
          ...args,
          Math.round(r.backtestCoverage * 100),
        )
      : r.coverage === undefined || !Number.isFinite(r.coverage)
        ? vscode.l10n.t('{0}: next {1} ({2}% interval {3}–{4})', ...args)
        : vscode.l10n.t(
            '{0}: next {1} ({2}% interval {3}–{4}, which covered {5}% when calibrated)',
            ...args,
            Math.round(r.coverage * 100),
          );
  const loser = r.better
    ? ' ' +
      vscode.l10n.t(
        'Warning: {0} forecast better than this model on validation (error {1} against {2}).',
        methodName(r.better.method),
        formatNumber(r.better.error, MESSAGE),
        formatNumber(r.better.modelError, MESSAGE),
      )
    : '';
  return `${value}.${loser} ${r.ranking}`;
}

async function afterPrediction(
  deps: PredictDeps,
  model: ModelEntry,
  result: PredictResult,
  ui: PredictUi,
): Promise<void> {
  const better = result.series === undefined ? result.better?.method : undefined;
  const action = await ui.show(
    formatResult(model, result),
    [
      ...(better
        ? [{ title: vscode.l10n.t('Forecast with {0}', methodName(better)), action: 'useBetter' as const }]
        : []),
      { title: vscode.l10n.t('Forecast N Steps…'), action: 'forecastSteps' },
      { title: vscode.l10n.t('Show in Panel'), action: 'showInPanel' },
      { title: vscode.l10n.t('Insert as New Row'), action: 'insertRow' },
    ],
    result.better !== undefined,
  );
  result.action = action;
  try {
    if (action === 'insertRow') {
      if (result.series !== undefined)
        await insertSeriesRows(deps.worker, model, [{ series: result.series, value: result.next }]);
      else await insertRow(deps.worker, model, result.next);
      result.inserted = true;
    } else if (action === 'showInPanel') {
      await showForecast(deps, model, 1, result.series);
    } else if (action === 'useBetter' && better) {
      const { forecast: f } = await deps.worker.predict(
        await sourceFor(model.data),
        model.place,
        1,
        undefined,
        undefined,
        model.column,
        better,
      );
      result.methodNext = f.next;
      await ui.show(
        vscode.l10n.t(
          '{0} by {1}: next {2} (80% interval {3}–{4}).',
          modelLabel(model),
          methodName(better),
          formatNumber(f.next, MESSAGE),
          formatNumber(f.interval[0], MESSAGE),
          formatNumber(f.interval[1], MESSAGE),
        ),
        [],
      );
    } else if (action === 'forecastSteps') {
      const steps = await ui.askSteps();
      if (steps) await showForecast(deps, model, steps, result.series);
    }
  } catch (e) {
    const message = errorText(e);
    result.followUpError = message;
    deps.log.error(`predict follow-up: ${message}`);
    void vscode.window.showErrorMessage(message);
  }
}

/** The training panel draws the forecast; it owns the panel, we hand it the message. */
async function showForecast(
  deps: PredictDeps,
  model: ModelEntry,
  steps: number,
  series: string | undefined,
): Promise<void> {
  const { forecast, history } = await forecastWith(deps, model, steps, HISTORY, series);
  const message: ForecastMessage = { type: 'forecast', history: history ?? [], forecast };
  await deps.showForecast({ file: model.data.toString(), column: model.column }, message);
}

async function offerTraining(data: vscode.Uri | undefined): Promise<void> {
  const train = vscode.l10n.t('Train a Model');
  const text = data
    ? vscode.l10n.t('{0} has no trained model yet. Train one?', basename(data))
    : vscode.l10n.t('There is no trained model in this workspace yet. Train one?');
  if ((await vscode.window.showInformationMessage(text, train)) === train) {
    await vscode.commands.executeCommand('seqlab.train', data);
  }
}

/** Options may arrive from a command link as JSON: keep only well-typed fields; `ui` must be real functions. */
function parseOptions(raw: unknown): PredictOptions {
  if (!isRecord(raw)) return {};
  const ui =
    isRecord(raw.ui) &&
    typeof raw.ui.show === 'function' &&
    typeof raw.ui.askSteps === 'function' &&
    (raw.ui.pickSeries === undefined || typeof raw.ui.pickSeries === 'function')
      ? (raw.ui as unknown as PredictUi)
      : undefined;
  return {
    silent: raw.silent === true,
    column: typeof raw.column === 'string' ? raw.column : undefined,
    ui,
    series: typeof raw.series === 'string' ? raw.series : undefined,
    allSeries: raw.allSeries === true,
  };
}
