/**
 * A model's run when this window has none: rebuilt from the saved model (restoredRun.ts) for a panel opened from the
 * Models view, a forecast, or a panel VS Code restores after a reload.
 */
import * as vscode from 'vscode';
import { errorText } from '../../shared/errorText';
import { sourceFor } from '../trust';
import { restoreRun } from './restoredRun';
import { selectSeries } from './seriesSelection';
import type { RunKey, TrainingRun } from './trainingRun';
import type { TrainingService } from './trainingService';
import { displayPath, modelPlaceFor } from './trainingSettings';
import type { WorkerClient } from './workerClient';

export class RunRestorer {
  constructor(
    private readonly service: TrainingService,
    private readonly worker: Pick<WorkerClient, 'probe' | 'viewSeries'>,
    /** The extension's global storage, where models of files outside a workspace folder live. */
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * This window's run for `key`, else one rebuilt from the saved model (empty when there is none). A rebuilt run's
   * validation chart and heatmap are recomputed in the worker from the model and the file; `views: false` skips
   * that (a panel VS Code restores by itself in an untrusted workspace must not run anything unasked).
   */
  async runOrSaved(key: RunKey, { views = true } = {}): Promise<TrainingRun> {
    const known = this.service.runFor(key);
    if (known) return known;
    const uri = vscode.Uri.parse(key.file);
    const run = await restoreRun(
      key,
      displayPath(uri),
      modelPlaceFor(uri, { column: key.column, series: key.series }, this.storage),
    );
    // A run may have started while meta.json was read: that one wins.
    const started = this.service.runFor(key);
    if (started) return started;
    this.service.remember(run);
    if (views && run.summary?.saved) void this.restoreViews(run, uri);
    return run;
  }

  private async restoreViews(run: TrainingRun, uri: vscode.Uri): Promise<void> {
    // A global model's views are of one series, read the way it was trained: its first, as after training.
    const first = run.seriesNames?.[0];
    if (first !== undefined) return selectSeries(run, first, this.worker);
    try {
      const probed = await this.worker.probe(await sourceFor(uri), run.place, undefined, true);
      if (probed.trace) run.apply({ type: 'validation', runId: run.id, trace: probed.trace });
      run.apply({ type: 'hidden', runId: run.id, states: probed.states });
    } catch (e) {
      // The file changed shape or went away since training: the panel keeps its loss curve and summary.
      this.log.warn(`${run.label}: cannot redraw the validation chart of the saved model: ${errorText(e)}`);
    }
  }
}
