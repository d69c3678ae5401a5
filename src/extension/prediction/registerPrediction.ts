/** Predict Next Value (palette, editor title, Models view). Registration only: nothing runs until the user asks. */
import * as vscode from 'vscode';
import { predictNext, type PredictDeps } from './predictCommand';

export function registerPrediction(context: vscode.ExtensionContext, deps: PredictDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('seqlab.predictNext', (arg: unknown, options: unknown) =>
      predictNext(arg, options, deps),
    ),
    vscode.commands.registerCommand('seqlab.models.predict', (arg: unknown, options: unknown) =>
      predictNext(arg, options, deps),
    ),
  );
  deps.log.info('prediction commands registered');
}
