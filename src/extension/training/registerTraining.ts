/**
 * Wires training together: the service (runs and queue), the train command, the panel registry, restoring runs and
 * the status bar, all sharing the worker activate() created. Registration only: nothing runs until asked.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SEED_PRESET } from '../../model/config';
import type { ModelPlace } from '../../model/store/paths';
import type { ForecastMessage } from '../../shared/protocol';
import { isToWebviewMessage } from '../../shared/protocolGuards';
import { isRecord, isString } from '../../shared/validate';
import { isTrusted } from '../trust';
import { PanelRegistry } from './panelRegistry';
import { RunReports } from './runReports';
import { RunRestorer } from './runRestorer';
import { Evaluation } from './evaluation';
import { TrainCommand, type TrainArgs } from './trainCommand';
import { PANEL_VIEW_TYPE } from './trainingPanel';
import type { RunKey } from './trainingRun';
import { TrainingService } from './trainingService';
import { TrainingStatus } from './trainingStatus';
import { selectSeries } from './seriesSelection';
import type { WorkerClient } from './workerClient';

/** What training shares with the rest of the extension. */
export interface Training {
  service: TrainingService;
  /** Opens the model's panel (rebuilt from the saved model when this window has no run) and draws the forecast. */
  showForecast(key: RunKey, message: ForecastMessage): Promise<void>;
}

export function registerTraining(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  worker: WorkerClient,
): Training {
  const storage = context.globalStorageUri;
  const service = new TrainingService(worker, {
    log: (level, line) => log[level](line),
    cancelledText: () => vscode.l10n.t('Cancelled before it started.'),
  });
  const restorer = new RunRestorer(service, worker, storage, log);
  const reports = new RunReports();
  const evaluation = new Evaluation({ service, worker, log, runFor: (key) => restorer.runOrSaved(key) });
  // Every argument of these actions is host state (the panel's own key), never text from the webview.
  const panels = new PanelRegistry(
    context.extensionUri,
    {
      stop: (key, keep) => service.stop(key, keep),
      retrain: (key, config) => command.retrain(key, config),
      reveal: (key) => revealModel(service.runFor(key)?.summary?.modelDir),
      closed: (key) => {
        service.stop(key, false);
        evaluation.backtests.stop(key);
      },
      backtest: (key) => evaluation.fromPanel(key),
      stopBacktest: (key) => evaluation.backtests.stop(key),
      selectSeries: (key, series) => {
        const run = service.runFor(key);
        if (run) void selectSeries(run, series, worker);
      },
    },
    log,
  );
  const command = new TrainCommand({ service, panels, worker, reports, storage, log });

  /** The panel of `key`, or of the active/most recent run; created from the run's history when closed. */
  const showPanel = async (key?: RunKey): Promise<boolean> => {
    const run = key ? await restorer.runOrSaved(key) : (service.active ?? service.mostRecent());
    if (!run) return false;
    panels.show(run);
    return true;
  };
  const showForecast = async (key: RunKey, message: ForecastMessage): Promise<void> => {
    (await restorer.runOrSaved(key)).showForecast(message);
    await showPanel(key);
  };

  context.subscriptions.push(
    new TrainingStatus(service),
    evaluation,
    vscode.commands.registerCommand('seqlab.backtest', (arg?: unknown, options?: unknown) =>
      evaluation.command(arg, options),
    ),
    reports.register(),
    vscode.commands.registerCommand('seqlab.train', (arg?: unknown) => command.fromCommand(arg)),
    vscode.commands.registerCommand('seqlab.trainSeed', (arg?: unknown) => {
      const uri = vscode.Uri.joinPath(context.extensionUri, 'media', 'samples', 'sine.csv');
      const extra = isRecord(arg) ? (arg as TrainArgs) : {};
      return command.train({
        ...extra,
        uri,
        config: { ...SEED_PRESET, ...extra.config },
        modelRoot: seedModelRoot(storage),
      });
    }),
    vscode.commands.registerCommand('seqlab.showPanel', async (arg?: unknown) => {
      const key = isRunKey(arg) ? { file: arg.file, column: arg.column } : undefined;
      const forecast =
        isRecord(arg) && isToWebviewMessage(arg.forecast) && arg.forecast.type === 'forecast'
          ? arg.forecast
          : undefined;
      if (key && forecast) return showForecast(key, forecast);
      if (!(await showPanel(key)))
        void vscode.window.showInformationMessage(
          vscode.l10n.t('SeqLab: nothing has been trained in this window yet.'),
        );
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        if (!isRunKey(state)) {
          panel.dispose();
          return;
        }
        panels.revive(panel, await restorer.runOrSaved(state, { views: isTrusted() }));
      },
    }),
  );
  log.info('training commands registered');
  return { service, showForecast };
}

function isRunKey(v: unknown): v is RunKey {
  return isRecord(v) && isString(v.file) && isString(v.column);
}

/** Shows a saved model's folder: in the Explorer when it is in the workspace, else in the OS's file manager. */
function revealModel(dir: string | undefined): void {
  if (!dir) return;
  const uri = vscode.Uri.file(dir);
  if (vscode.workspace.getWorkspaceFolder(uri))
    void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(path.join(dir, 'meta.json')));
  else void vscode.commands.executeCommand('revealFileInOS', uri);
}

/** The seed example trains on the bundled sample; its model goes to the workspace's store when there is one. */
function seedModelRoot(storage: vscode.Uri): ModelPlace {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const local = folder && folder.uri.scheme === 'file';
  const base = local ? folder.uri.fsPath : path.join(storage.fsPath, 'models');
  return { base, dir: path.join(base, local ? '.seqlab' : '', 'seed', 'sine.csv') };
}
