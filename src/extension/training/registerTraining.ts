import type { ModelPlace } from '../../model/store/paths';
import { trustedSetting } from '../trust';
import * as vscode from 'vscode';
import { SEED_PRESET } from '../../model/config';
import { isToWebviewMessage } from '../../shared/protocolGuards';
import { isString, isRecord } from '../../shared/validate';
import { PANEL_VIEW_TYPE, TrainingPanel } from './trainingPanel';
import { TrainingController, type TrainArgs } from './trainingController';
import type { RunKey } from './trainingRun';
import { WorkerClient } from './workerClient';
import { displayPath } from './trainingSettings';
import { isTrusted } from '../trust';
import * as path from 'node:path';

export interface TrainingApi {
  /** The one worker thread; the prediction work sends predict/probe through it. */
  worker: WorkerClient;
  controller: TrainingController;
}

const DATA_GLOB = '**/*.{csv,tsv,json,jsonl}';

/** Training commands, the panel (with its serializer) and the worker. */
export function registerTraining(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): TrainingApi {
  const worker = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath, (level, line) => log[level](line), {
    memoryLimitMb: () => trustedSetting<number>(vscode.workspace.getConfiguration('seqlab'), 'worker.memoryLimitMB') ?? 4096,
    texts: {
      stopped: (code) => vscode.l10n.t('the training worker stopped (exit code {0})', code),
      outOfMemory: (mb) => vscode.l10n.t('the training worker ran out of memory (its limit is {0} MB, setting seqlab.worker.memoryLimitMB)', mb),
    },
  });
  const controller = new TrainingController(context, log, worker);
  context.subscriptions.push(
    { dispose: () => worker.dispose() },
    controller,
    vscode.commands.registerCommand('seqlab.train', async (arg?: unknown) => controller.train(await trainArgs(arg))),
    vscode.commands.registerCommand('seqlab.trainSeed', (arg?: unknown) => {
      const uri = vscode.Uri.joinPath(context.extensionUri, 'media', 'samples', 'sine.csv');
      const extra = isRecord(arg) ? (arg as TrainArgs) : {};
      return controller.train({ ...extra, uri, config: { ...SEED_PRESET, ...extra.config }, modelRoot: seedModelRoot(context) });
    }),
    vscode.commands.registerCommand('seqlab.showPanel', async (arg?: unknown) => {
      const key = isRunKey(arg) ? { file: arg.file, column: arg.column } : undefined;
      const forecast = isRecord(arg) && isToWebviewMessage(arg.forecast) && arg.forecast.type === 'forecast' ? arg.forecast : undefined;
      if (key && forecast) return controller.showForecast(key, forecast);
      if (!(await controller.showPanel(key))) void vscode.window.showInformationMessage(vscode.l10n.t('SeqLab: nothing has been trained in this window yet.'));
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        if (!isRunKey(state)) {
          panel.dispose();
          return;
        }
        const run = await controller.runOrSaved(state, { views: isTrusted() });
        TrainingPanel.revive(panel, context.extensionUri, state, controller, log).attach(run);
      },
    }),
  );
  log.info('training commands registered');
  return { worker, controller };
}

function isRunKey(v: unknown): v is RunKey {
  return isRecord(v) && isString(v.file) && isString(v.column);
}

/** Menus pass the Uri; the palette passes nothing (ask); tests and the panel pass {uri, column, config, ...}. */
async function trainArgs(arg: unknown): Promise<TrainArgs> {
  if (arg instanceof vscode.Uri) return { uri: arg };
  if (isRecord(arg) && arg.uri instanceof vscode.Uri) return arg as TrainArgs;
  const active = vscode.window.activeTextEditor?.document.uri;
  const files = await vscode.workspace.findFiles(DATA_GLOB, '{**/node_modules/**,**/.seqlab/**}', 500);
  const items = files
    .map((uri) => ({ label: displayPath(uri), uri }))
    .sort((a, b) => Number(b.uri.toString() === active?.toString()) - Number(a.uri.toString() === active?.toString()) || a.label.localeCompare(b.label));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('SeqLab: no .csv, .tsv, .json or .jsonl file in this workspace.'));
    return {};
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('SeqLab: choose a data file to train on') });
  return { uri: picked?.uri };
}

/** The seed example trains on the bundled sample; its model goes to the workspace's store when there is one. */
function seedModelRoot(context: vscode.ExtensionContext): ModelPlace {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const base = folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : path.join(context.globalStorageUri.fsPath, 'models');
  return { base, dir: path.join(base, folder && folder.uri.scheme === 'file' ? '.seqlab' : '', 'seed', 'sine.csv') };
}
