/** Predict Next Value (palette, editor title, Models view). Registration only: nothing runs until the user asks. */
import * as vscode from 'vscode';
import { predictNext, type PredictDeps } from './predictCommand';
import { ForecastTables } from './forecastTable';

export function registerPrediction(context: vscode.ExtensionContext, shared: PredictDeps): void {
  const tables = new ForecastTables();
  const deps: PredictDeps = { ...shared, tables };
  context.subscriptions.push(
    tables,
    vscode.commands.registerCommand('seqlab.predictNext', (arg: unknown, options: unknown) =>
      predictNext(arg, options, deps),
    ),
    vscode.commands.registerCommand('seqlab.models.predict', (arg: unknown, options: unknown) =>
      predictNext(arg, options, deps),
    ),
    // For tests: the "All series" table as the user sees it (title and page).
    vscode.commands.registerCommand('seqlab._forecastTable', () => tables.lastShown()),
  );
  deps.log.info('prediction commands registered');
}
