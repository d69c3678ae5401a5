import * as vscode from 'vscode';
import { registerDiagnostics } from './diagnostics/registerDiagnostics';
import { createWorkerClient } from './extensionWorker';
import { registerHiddenStates } from './hiddenStates/registerHiddenStates';
import { registerModels } from './models/registerModels';
import { registerPrediction } from './prediction/registerPrediction';
import { registerTraining } from './training/registerTraining';
import { registerTrustSimulation } from './trust';

/**
 * The composition root: every shared object (log, worker, training service) is made here and passed to what needs
 * it; no module holds one. Activation only registers; nothing trains or reads data until the user asks (also true in
 * Restricted Mode).
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('SeqLab', { log: true });
  context.subscriptions.push(log);
  registerTrustSimulation(context);
  // One worker thread serves training, predict, probe and data checks alike.
  const worker = createWorkerClient(context, log);
  const training = registerTraining(context, log, worker);
  const hiddenStates = registerHiddenStates(context, log, worker, training.service);
  registerModels(context, (model) => void hiddenStates.showModel(model));
  registerDiagnostics(context, log, worker);
  registerPrediction(context, { worker, showForecast: training.showForecast, log });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
