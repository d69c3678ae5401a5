/**
 * Predict Next Value on a model of many series (a long file's key, or a wide file's columns): which series, and
 * "All series", which forecasts each one into a table and offers to insert a row per series as one edit.
 */
import * as vscode from 'vscode';
import { errorText } from '../../shared/errorText';
import type { ModelEntry } from '../models/modelCatalog';
import { modelLabel } from '../models/modelsTree';
import { backtestSentence } from '../models/backtestText';
import { hasManySeries, isKeyed } from '../models/seriesLabel';
import { basename, sourceFor } from '../trust';
import { tableRows } from './forecastTable';
import { insertSeriesRows } from './insertRow';
import { defaultUi } from './predictUi';
import type { PredictDeps, PredictOptions, PredictResult } from './predictCommand';

export const ALL_SERIES = 'all';

/**
 * The series to forecast: the caller's, the model's only one, or the user's pick ("All series" first). A silent
 * call on a model of many series forecasts all. Undefined when the pick was cancelled.
 */
export async function chooseSeries(
  model: ModelEntry,
  options: PredictOptions,
): Promise<{ series?: string } | typeof ALL_SERIES | undefined> {
  if (!isKeyed(model)) return {};
  const names = model.series ?? [];
  if (options.series !== undefined) return { series: options.series };
  if (options.allSeries) return ALL_SERIES;
  if (!hasManySeries(model)) return { series: names[0] };
  if (options.silent) return ALL_SERIES;
  const pick = options.ui?.pickSeries ?? defaultUi.pickSeries;
  const picked = pick ? await pick(names) : null;
  if (picked === undefined) return undefined;
  return picked === null ? ALL_SERIES : { series: picked };
}

/** Every series the file and the model share: the table, then "Insert as New Row" for all of them. */
export async function predictAll(
  deps: PredictDeps,
  model: ModelEntry,
  options: PredictOptions,
): Promise<PredictResult> {
  const title = vscode.l10n.t('SeqLab: predicting {0}…', modelLabel(model));
  const predicted = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title },
    async () =>
      deps.worker.predict(await sourceFor(model.data), model.place, 1, undefined, undefined, model.column),
  );
  const forecasts = predicted.forecasts ?? [];
  if (forecasts.length === 0 || predicted.column !== model.column)
    throw new Error(vscode.l10n.t('{0}: the model gave no forecast per series.', basename(model.data)));
  const bad = forecasts.find((f) => !Number.isFinite(f.next) || !f.interval.every(Number.isFinite));
  if (bad)
    throw new Error(
      vscode.l10n.t(
        '{0}: the model produced no finite forecast for series "{1}".',
        basename(model.data),
        bad.series,
      ),
    );
  const first = forecasts[0];
  const rows = tableRows(forecasts);
  const result: PredictResult = {
    file: model.data.toString(),
    column: model.column,
    modelDir: model.dir.toString(),
    next: first.next,
    interval: first.interval,
    level: first.level,
    forecast: first.forecast,
    coverage: first.coverage,
    ranking: model.backtest
      ? backtestSentence(model.backtest)
      : vscode.l10n.t('It has not been backtested yet (SeqLab: Backtest Model).'),
    backtestBest: model.backtest?.best,
    forecasts: rows,
    skipped: predicted.skipped ?? [],
  };
  deps.log.info(`predicted ${modelLabel(model)}: ${forecasts.length} series`);
  if (options.silent) return result;
  deps.tables?.show(model.dir.toString(), {
    title: vscode.l10n.t('Forecasts: {0}', modelLabel(model)),
    caption: vscode.l10n.t(
      '{0}: the next value of each series, with its {1}% interval',
      modelLabel(model),
      Math.round(first.level * 100),
    ),
    level: first.level,
    rows,
    skipped: result.skipped ?? [],
  });
  const ui = options.ui ?? defaultUi;
  const followUp = (async () => {
    const action = await ui.show(
      vscode.l10n.t('{0}: forecast {1} series (table opened).', modelLabel(model), rows.length),
      [{ title: vscode.l10n.t('Insert as New Row'), action: 'insertRow' }],
    );
    result.action = action;
    if (action !== 'insertRow') return;
    try {
      const values = forecasts.map((f) => ({ series: f.series, value: f.next }));
      await insertSeriesRows(deps.worker, model, values);
      result.inserted = true;
    } catch (e) {
      const message = errorText(e);
      result.followUpError = message;
      deps.log.error(`predict follow-up: ${message}`);
      void vscode.window.showErrorMessage(message);
    }
  })();
  if (options.ui) await followUp;
  else void followUp;
  return result;
}
