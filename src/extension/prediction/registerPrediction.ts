/**
 * Predict Next Value, the Models tree, the Hidden States view and data diagnostics. Registration only: nothing reads
 * data or starts a worker until the user asks (true in Restricted Mode too).
 */
import * as vscode from 'vscode';
import { checkData } from '../diagnostics/checkDataCommand';
import { DataDiagnostics } from '../diagnostics/dataDiagnostics';
import type { LiveRun, LiveRunLookup } from '../hiddenStates/hiddenStatesView';
import { registerHiddenStatesView } from '../hiddenStates/registerHiddenStates';
import type { ModelEntry } from '../models/modelCatalog';
import { deleteModel, openPanel, pickModel, revealFiles } from '../models/modelCommands';
import { ModelsTreeProvider } from '../models/modelsTree';
import { registerTrustSimulation } from '../trust';
import { predictNext } from './predictCommand';
import type { WorkerClient } from '../training/workerClient';
import { connectWorkerBridge, type ForecastSink } from './workerBridge';

/** What the training code shares: its worker thread, and its runs so the Hidden States view can follow one live. */
export interface TrainingHooks {
  worker: WorkerClient;
  controller: {
    runFor: LiveRunLookup;
    /** Lets the view pick up a run as it starts, even a model's very first one. */
    onDidStartRun(
      listener: (run: LiveRun & { key: { file: string; column: string }; label: string }) => void,
    ): { dispose(): void };
    /** Opens the model's panel and draws the forecast there. */
    showForecast: ForecastSink;
  };
}

export function registerPrediction(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  training: TrainingHooks,
): void {
  const { controller } = training;
  connectWorkerBridge(training.worker, (key, message) => controller.showForecast(key, message));
  registerTrustSimulation(context);
  const diagnostics = new DataDiagnostics(log);
  const tree = new ModelsTreeProvider();
  const treeView = vscode.window.createTreeView<ModelEntry>('seqlab.models', {
    treeDataProvider: tree,
    showCollapseAll: false,
  });
  const hiddenStates = registerHiddenStatesView(context, log);
  hiddenStates.followRunsFrom((key) => controller.runFor(key));
  context.subscriptions.push(controller.onDidStartRun((run) => hiddenStates.followNewRun(run)));
  const register = (id: string, fn: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  context.subscriptions.push(
    diagnostics,
    tree,
    treeView,
    // Selecting a model shows its hidden states; the view probes only when the user picks something.
    treeView.onDidChangeSelection((e) => {
      const model = e.selection[0];
      if (model) void hiddenStates.showModel(model);
    }),
  );

  register('seqlab.predictNext', (arg, options) => predictNext(arg, options, log));
  register('seqlab.models.predict', (arg, options) => predictNext(arg, options, log));
  register('seqlab.checkData', (arg, options) => checkData(arg, options, diagnostics, log));
  register('seqlab.models.refresh', () => tree.refresh());
  register('seqlab.models.open', (arg) => openPanel(arg));
  register('seqlab.models.reveal', (arg) => revealFiles(arg));
  register('seqlab.models.delete', (arg, options) => deleteModel(arg, options, tree));
  // Not in the palette: shows a model in the Hidden States view and resolves when the webview has drawn it.
  register('seqlab.hiddenStates.showModel', async (arg) => {
    const model = await pickModel(arg);
    if (!model) return undefined;
    await vscode.commands.executeCommand('seqlab.hiddenStates.focus');
    const drawn = hiddenStates.nextRender();
    await hiddenStates.showModel(model);
    // 'training' when the view follows a live run of this model, 'done' for a saved model's states.
    const state = hiddenStates.current?.state;
    if (state === 'error') throw new Error(hiddenStates.current?.message);
    return { ...(await drawn), state };
  });
  log.info('prediction commands registered');
}
