/**
 * The panel's series selector for a global run: the host checks the name is one of the run's series (it is webview
 * text), records the selection, and asks the worker for that series' views (live weights, or the saved model).
 */
import * as vscode from 'vscode';
import { errorText } from '../../shared/errorText';
import { sourceFor } from '../trust';
import type { TrainingRun } from './trainingRun';
import type { WorkerClient } from './workerClient';

export async function selectSeries(
  run: TrainingRun,
  series: string,
  worker: Pick<WorkerClient, 'viewSeries'>,
): Promise<void> {
  const names = run.seriesNames ?? run.summary?.perSeries?.map((p) => p.name) ?? [];
  if (!names.includes(series)) return;
  run.select(series);
  try {
    const reply = await worker.viewSeries({
      runId: run.id,
      series,
      source: await sourceFor(vscode.Uri.parse(run.key.file)),
      modelDir: run.place.dir,
      modelBase: run.place.base,
    });
    run.showSeries(reply);
  } catch (e) {
    run.showSeries({ type: 'seriesViewed', runId: run.id, series, message: errorText(e) });
  }
}
