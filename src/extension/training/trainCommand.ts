/**
 * "SeqLab: Train RNN on This File": the prompts (which file, which column, restart a run already going) and the
 * run's notification. The run itself belongs to the TrainingService; the panel to the PanelRegistry.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveConfig } from '../../model/config';
import { modelSegment, type ModelPlace } from '../../model/store/paths';
import type { TrainConfig } from '../../model/types';
import { errorText } from '../../shared/errorText';
import type { RunState, SummaryMessage, ToWebviewMessage } from '../../shared/protocol';
import { isRecord } from '../../shared/validate';
import { sourceFor } from '../trust';
import type { PanelRegistry } from './panelRegistry';
import { pickTarget } from './seriesPick';
import type { RunReports } from './runReports';
import { showProgress } from './trainingProgress';
import type { RunKey, TrainingRun } from './trainingRun';
import { infoOf, type TrainingService } from './trainingService';
import { configFromSettings, dataFileOf, displayPath, modelPlaceFor } from './trainingSettings';
import type { WorkerClient } from './workerClient';

/** Arguments the train command accepts (from menus it gets only the Uri; tests and the panel pass the rest). */
export interface TrainArgs {
  uri?: vscode.Uri;
  column?: string;
  /** A keyed file: this series only, or null for one global model over all (absent: ask, unless `column` is given). */
  series?: string | null;
  /** Covariate columns (absent: ask, unless `column` is given). */
  features?: string[];
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

/** What the command resolves with once the run has ended (its delivery details: `seqlab._runReport`, runReports.ts). */
export interface TrainOutcome {
  runId: string;
  state: RunState;
  modelDir: string;
  error?: string;
  summary?: SummaryMessage;
}

export interface TrainCommandDeps {
  service: TrainingService;
  panels: PanelRegistry;
  /** Held while the command prompts, so the worker starts while the user picks a column; inspects the file too. */
  worker: WorkerClient;
  reports: RunReports;
  /** The extension's global storage: models of files outside a local workspace folder go below it. */
  storage: vscode.Uri;
  log: vscode.LogOutputChannel;
}

const DATA_GLOB = '**/*.{csv,tsv,json,jsonl}';

export class TrainCommand {
  constructor(private readonly deps: TrainCommandDeps) {}

  /** Menus pass the Uri; the palette passes nothing (ask for a file); tests and the panel pass TrainArgs. */
  async fromCommand(arg: unknown): Promise<TrainOutcome | undefined> {
    if (arg instanceof vscode.Uri) return this.train({ uri: arg });
    if (isRecord(arg) && arg.uri instanceof vscode.Uri) return this.train(arg as TrainArgs);
    const uri = await pickDataFile();
    return uri && this.train({ uri });
  }

  async train(args: TrainArgs): Promise<TrainOutcome | undefined> {
    const calledAt = Date.now();
    const { service, panels, worker, log } = this.deps;
    const uri = args.uri;
    if (!uri) return undefined;
    const label = displayPath(uri);
    const release = worker.hold();
    try {
      const source = await sourceFor(uri);
      const target = await pickTarget(worker, source, label, args);
      if (target === undefined) return undefined;
      const { column, series } = target;
      const config = resolveConfig({ ...configFromSettings(uri), ...args.config });
      const place = args.modelRoot
        ? { base: args.modelRoot.base, dir: path.join(args.modelRoot.dir, modelSegment(column, series)) }
        : modelPlaceFor(uri, { column, series }, this.deps.storage);
      const key: RunKey = { file: uri.toString(), ...target };
      if (!(await this.makeWay(key, label, args.restart === true))) return undefined;
      let listening: { dispose(): void } | undefined;
      const run = service.submit({ key, label, config, place, source, dataFile: dataFileOf(uri) }, (r) => {
        panels.open(r);
        listening = args.onEvent && r.onMessage(args.onEvent);
      });
      // The run (or the one ahead of it) now keeps the worker alive; the command's own hold can go.
      release();
      if (args.cancel?.isCancellationRequested) service.cancel(run);
      args.cancel?.onCancellationRequested(() => service.cancel(run));
      showProgress(
        service,
        infoOf(run),
        () => ({
          finished: run.finished,
          queued: run.state === 'queued',
          ahead: service.active && infoOf(service.active),
        }),
        () => service.cancel(run),
      );
      await service.whenFinished(run);
      listening?.dispose();
      if (run.state === 'error')
        void vscode.window.showErrorMessage(
          vscode.l10n.t('SeqLab: {0}', run.error ?? vscode.l10n.t('training failed')),
        );
      return await this.outcome(run, calledAt);
    } catch (e) {
      const message = errorText(e);
      log.error(`train ${label}: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('SeqLab: {0}', message));
      return { runId: '', state: 'error', modelDir: '', error: message };
    } finally {
      release();
    }
  }

  /** Retrain from the panel: the same model folder, the previous config with the form's changes. */
  retrain(key: RunKey, config: Partial<TrainConfig>): void {
    const previous = this.deps.service.runFor(key);
    const merged = { ...previous?.config, ...config };
    const modelRoot = previous && { base: previous.place.base, dir: path.dirname(previous.place.dir) };
    void this.train({
      uri: vscode.Uri.parse(key.file),
      column: key.column,
      series: key.series ?? null,
      features: key.features ?? [],
      config: merged,
      restart: true,
      modelRoot,
    });
  }

  /** True when nothing trains this model now, or the user (or `restart`) agreed to stop it; else reveals its panel. */
  private async makeWay(key: RunKey, label: string, restart: boolean): Promise<boolean> {
    const existing = this.deps.service.runFor(key);
    if (!existing || existing.finished) return true;
    const again = vscode.l10n.t('Restart');
    const answer = restart
      ? again
      : await vscode.window.showWarningMessage(
          vscode.l10n.t('{0} · {1} is already training. Restart it with these settings?', label, key.column),
          { modal: true },
          again,
        );
    if (answer !== again) {
      this.deps.panels.get(key)?.reveal();
      return false;
    }
    this.deps.service.cancel(existing);
    return true;
  }

  private async outcome(run: TrainingRun, calledAt: number): Promise<TrainOutcome> {
    const panel = this.deps.panels.get(run.key);
    await panel?.flush();
    await this.deps.worker.settled();
    const since = (t: number | undefined) => (t === undefined ? undefined : t - calledAt);
    const timings = { webviewReadyMs: since(panel?.readyAt), firstEpochMs: since(run.firstEpochAt) };
    const delivered = Object.fromEntries(panel?.delivered ?? []);
    this.deps.reports.add(run.id, {
      delivered,
      webviewErrors: panel?.webviewErrors.lines() ?? [],
      workerExits: this.deps.worker.exits,
      timings,
    });
    this.deps.log.info(
      `run ${run.id} timings: ${JSON.stringify(timings)}; panel messages: ${JSON.stringify(delivered)}`,
    );
    const summary = run.summary;
    return {
      runId: run.id,
      state: run.state,
      modelDir: summary?.saved ? summary.modelDir : '',
      error: run.error,
      summary,
    };
  }
}

/** The palette's question: which data file of the workspace (the active editor's first). */
async function pickDataFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const files = await vscode.workspace.findFiles(DATA_GLOB, '{**/node_modules/**,**/.seqlab/**}', 500);
  const isActive = (uri: vscode.Uri) => Number(uri.toString() === active?.toString());
  const items = files
    .map((uri) => ({ label: displayPath(uri), uri }))
    .sort((a, b) => isActive(b.uri) - isActive(a.uri) || a.label.localeCompare(b.label));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('SeqLab: no .csv, .tsv, .json or .jsonl file in this workspace.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('SeqLab: choose a data file to train on'),
  });
  return picked?.uri;
}
