/**
 * Turns "train this file" into a queued run: picks the column, resolves the config, opens the panel, shows
 * cancellable progress and drives the worker. One run trains at a time; the host keeps every run's history.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveConfig } from '../../model/config';
import type { TrainConfig } from '../../model/types';
import type { ForecastMessage, RunState, SummaryMessage, ToWebviewMessage, WireSource } from '../../shared/protocol';
import { chooseColumn } from './columnPick';
import { RunQueue } from './runQueue';
import { TrainingPanel, type PanelActions } from './trainingPanel';
import { keyOf, TrainingRun, type RunKey } from './trainingRun';
import { configFromSettings, dataFileOf, displayPath, modelPlaceFor } from './trainingSettings';
import { encodeSegment, type ModelPlace } from '../../model/store/paths';
import { errorText } from '../../shared/errorText';
import { sourceFor } from '../trust';
import { restoreRun } from './restoredRun';
import { showProgress } from './trainingProgress';
import { TrainingStatus } from './trainingStatus';
import type { WorkerClient } from './workerClient';

/** Arguments the train command accepts (from menus it gets only the Uri; tests and the panel pass the rest). */
export interface TrainArgs {
  uri?: vscode.Uri;
  column?: string;
  config?: Partial<TrainConfig>;
  /** Restart a run on the same file and column without asking. */
  restart?: boolean;
  /** Cancels like the notification's Cancel button. */
  cancel?: vscode.CancellationToken;
  /** Sees every update the panel gets (for API callers and tests, e.g. to cancel after the first epoch). */
  onEvent?: (message: ToWebviewMessage) => void;
  /** Folder that gets the `<column>/` model folder, when not the default store (the seed example, retrain). */
  modelRoot?: ModelPlace;
}

export interface TrainOutcome {
  runId: string;
  state: RunState;
  modelDir: string;
  error?: string;
  summary?: SummaryMessage;
  /** Messages the panel's webview accepted, by type. */
  delivered: Record<string, number>;
  /** Script errors and CSP violations the webview reported. */
  webviewErrors: string[];
  /** Worker threads that have exited so far. */
  workerExits: number;
  /** Milliseconds from the command to: the panel's webview ready, and the first epoch's end (when they happened). */
  timings: { webviewReadyMs?: number; firstEpochMs?: number };
}

export class TrainingController implements vscode.Disposable, PanelActions {
  private readonly latest = new Map<string, TrainingRun>();
  private readonly queue = new RunQueue();
  private readonly status: TrainingStatus;
  private nextRun = 1;
  private readonly startListeners = new Set<(run: TrainingRun) => void>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly client: WorkerClient,
  ) {
    this.status = new TrainingStatus(this.queue);
    this.queue.onDidChange(() => this.status.update());
  }

  /** The most recent run for a file and column, if any (also after it finished). */
  runFor(key: RunKey): TrainingRun | undefined {
    return this.latest.get(keyOf(key));
  }

  remember(run: TrainingRun): void {
    this.latest.set(keyOf(run.key), run);
  }

  async train(args: TrainArgs): Promise<TrainOutcome | undefined> {
    const calledAt = Date.now();
    const uri = args.uri;
    if (!uri) return undefined;
    const label = displayPath(uri);
    const release = this.client.hold();
    try {
      const source = await sourceFor(uri);
      let column = args.column;
      if (column === undefined) {
        column = await chooseColumn(this.client, source, label);
        if (column === undefined) return undefined;
      }
      const config = resolveConfig({ ...configFromSettings(uri), ...args.config });
      const place = args.modelRoot
        ? { base: args.modelRoot.base, dir: path.join(args.modelRoot.dir, encodeSegment(column)) }
        : modelPlaceFor(uri, column, this.context.globalStorageUri);
      return await this.start(uri, label, source, column, config, place, args, calledAt, release);
    } catch (e) {
      const message = errorText(e);
      this.log.error(`train ${label}: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('SeqLab: {0}', message));
      return { runId: '', state: 'error', modelDir: '', error: message, delivered: {}, webviewErrors: [], workerExits: this.client.exits, timings: {} };
    } finally {
      release();
    }
  }

  private async start(
    uri: vscode.Uri,
    label: string,
    source: WireSource,
    column: string,
    config: TrainConfig,
    place: ModelPlace,
    args: TrainArgs,
    calledAt: number,
    release: () => void,
  ): Promise<TrainOutcome | undefined> {
    const key: RunKey = { file: uri.toString(), column };
    const existing = this.runFor(key);
    if (existing && !existing.finished) {
      const restart = vscode.l10n.t('Restart');
      const answer = args.restart
        ? restart
        : await vscode.window.showWarningMessage(
            vscode.l10n.t('{0} · {1} is already training. Restart it with these settings?', label, column),
            { modal: true },
            restart,
          );
      if (answer !== restart) {
        TrainingPanel.get(key)?.reveal();
        return undefined;
      }
      this.cancel(existing);
    }
    const run = new TrainingRun(`run-${Date.now().toString(36)}-${this.nextRun++}`, key, label, config, place);
    this.remember(run);
    for (const l of this.startListeners) l(run);
    TrainingPanel.show(this.context.extensionUri, key, label, this, this.log).attach(run);
    const listen = args.onEvent && run.onMessage(args.onEvent);
    const finished = new Promise<void>((resolve) => {
      const sub = run.onMessage(() => {
        if (run.finished) {
          sub.dispose();
          resolve();
        }
      });
    });
    this.queue.enqueue(run, () => this.execute(run, source, uri));
    // The run (or the one ahead of it) now keeps the worker alive; the command's own hold can go.
    release();
    if (args.cancel?.isCancellationRequested) this.cancel(run);
    args.cancel?.onCancellationRequested(() => this.cancel(run));
    showProgress(run, this.queue, () => this.cancel(run));
    await finished;
    listen?.dispose();
    this.report(run);
    const panel = TrainingPanel.get(key);
    await panel?.flush();
    await this.client.settled();
    const since = (t: number | undefined) => (t === undefined ? undefined : t - calledAt);
    const timings = { webviewReadyMs: since(panel?.readyAt), firstEpochMs: since(run.firstEpochAt) };
    this.log.info(`run ${run.id} timings: ${JSON.stringify(timings)}`);
    return {
      timings,
      runId: run.id,
      state: run.state,
      modelDir: run.summary?.saved ? run.summary.modelDir : '',
      error: run.error,
      summary: run.summary,
      delivered: Object.fromEntries(panel?.delivered ?? []),
      webviewErrors: [...(panel?.webviewErrors ?? [])],
      workerExits: this.client.exits,
    };
  }

  private execute(run: TrainingRun, source: WireSource, uri: vscode.Uri): Promise<void> {
    if (run.finished) return Promise.resolve();
    run.setState('training');
    this.log.info(`train ${run.label} · ${run.key.column}: ${JSON.stringify(run.config)} → ${run.modelDir}`);
    return new Promise<void>((resolve) => {
      try {
        this.client.train(
          { runId: run.id, source, column: run.key.column, config: run.config, modelDir: run.place.dir, modelBase: run.place.base, dataFile: dataFileOf(uri) },
          (m) => {
            run.apply(m);
            if (m.type === 'started') this.log.info(`run ${run.id}: ${m.rows} values, backend ${m.backend}, window ${m.config.window}`);
            this.status.update();
            if (run.finished) resolve();
          },
        );
      } catch (e) {
        run.setState('error', errorText(e));
        resolve();
      }
    });
  }

  /** Takes a queued run out, or asks a running one to stop without saving. */
  cancel(run: TrainingRun): void {
    if (this.queue.remove(run)) {
      run.setState('stopped', vscode.l10n.t('Cancelled before it started.'));
    } else if (!run.finished) {
      this.client.stop(run.id, false);
    }
  }

  private report(run: TrainingRun): void {
    const s = run.summary;
    if (run.state === 'error') {
      this.log.error(`run ${run.id} failed: ${run.error ?? ''}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('SeqLab: {0}', run.error ?? vscode.l10n.t('training failed')));
    } else if (s) {
      const m = s.metrics;
      this.log.info(`run ${run.id} ${run.state} in ${s.seconds.toFixed(1)} s; val MAE ${m.mae} RMSE ${m.rmse} MASE ${m.mase}; naive MAE ${s.baselines.naive.mae}; saved: ${s.saved ? s.modelDir : 'no'}`);
    } else {
      this.log.info(`run ${run.id} ${run.state}`);
    }
  }

  // ─── panel actions: every argument is host state, never text from the webview ───────────
  stop(key: RunKey, keep: boolean): void {
    const run = this.runFor(key);
    if (!run || run.finished) return;
    if (this.queue.remove(run)) run.setState('stopped', vscode.l10n.t('Cancelled before it started.'));
    else this.client.stop(run.id, keep);
  }

  retrain(key: RunKey, config: Partial<TrainConfig>): void {
    const previous = this.runFor(key);
    const merged = { ...previous?.config, ...config };
    void this.train({ uri: vscode.Uri.parse(key.file), column: key.column, config: merged, restart: true, modelRoot: previous && { base: previous.place.base, dir: path.dirname(previous.place.dir) } });
  }

  reveal(key: RunKey): void {
    const dir = this.runFor(key)?.summary?.modelDir;
    if (!dir) return;
    const uri = vscode.Uri.file(dir);
    if (vscode.workspace.getWorkspaceFolder(uri)) void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(path.join(dir, 'meta.json')));
    else void vscode.commands.executeCommand('revealFileInOS', uri);
  }

  closed(key: RunKey): void {
    const run = this.runFor(key);
    if (run && !run.finished) this.cancel(run);
  }

  /** The panel of `key`, or of the active/most recent run; created from the run's history when closed. */
  async showPanel(key?: RunKey): Promise<boolean> {
    const run = key ? await this.runOrSaved(key) : (this.queue.active ?? [...this.latest.values()].pop());
    if (!run) return false;
    const panel = TrainingPanel.get(run.key) ?? TrainingPanel.show(this.context.extensionUri, run.key, run.label, this, this.log);
    if (panel.currentRun !== run) panel.attach(run);
    panel.reveal();
    return true;
  }

  /** Draws a forecast (from Predict Next Value) in the model's panel, opening it if needed. */
  async showForecast(key: RunKey, message: ForecastMessage): Promise<void> {
    const run = await this.runOrSaved(key);
    run.showForecast(message);
    await this.showPanel(key);
  }

  /** Tells the Hidden States view (and anyone else) about each run as it is created. */
  onDidStartRun(listener: (run: TrainingRun) => void): { dispose(): void } {
    this.startListeners.add(listener);
    return { dispose: () => this.startListeners.delete(listener) };
  }

  /**
   * This window's run for `key`, else one rebuilt from the saved model (empty when there is none). A rebuilt run's
   * validation chart and heatmap are recomputed in the worker from the model and the file; `views: false` skips
   * that (a panel VS Code restores by itself in an untrusted workspace must not run anything unasked).
   */
  async runOrSaved(key: RunKey, { views = true } = {}): Promise<TrainingRun> {
    const known = this.runFor(key);
    if (known) return known;
    const uri = vscode.Uri.parse(key.file);
    const run = await restoreRun(key, displayPath(uri), modelPlaceFor(uri, key.column, this.context.globalStorageUri));
    this.remember(run);
    if (views && run.summary?.saved) void this.restoreViews(run, uri);
    return run;
  }

  private async restoreViews(run: TrainingRun, uri: vscode.Uri): Promise<void> {
    try {
      const probed = await this.client.probe(await sourceFor(uri), run.place, undefined, true);
      if (probed.trace) run.apply({ type: 'validation', runId: run.id, trace: probed.trace });
      run.apply({ type: 'hidden', runId: run.id, states: probed.states });
    } catch (e) {
      // The file changed shape or went away since training: the panel keeps its loss curve and summary.
      this.log.warn(`${run.label}: cannot redraw the validation chart of the saved model: ${errorText(e)}`);
    }
  }

  dispose(): void {
    this.status.dispose();
  }
}
