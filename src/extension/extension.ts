import * as vscode from 'vscode';
import { registerTraining } from './training/registerTraining';
import { registerPrediction } from './prediction/registerPrediction';

let log: vscode.LogOutputChannel | undefined;

/** Activation only registers; nothing trains or reads data until the user asks (also true in Restricted Mode). */
export function activate(context: vscode.ExtensionContext): void {
  log = vscode.window.createOutputChannel('SeqLab', { log: true });
  context.subscriptions.push(log);
  // Prediction shares training's worker thread, and the Hidden States view follows its runs live.
  const training = registerTraining(context, log);
  registerPrediction(context, log, training);
}

export function deactivate(): void {
  log = undefined;
}
