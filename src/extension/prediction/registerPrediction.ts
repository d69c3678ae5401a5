import * as vscode from 'vscode';

/** Predict Next Value, the Models tree, the Hidden States view and diagnostics. Owned by the prediction work. */
export function registerPrediction(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const notYet = () => void vscode.window.showWarningMessage(vscode.l10n.t('SeqLab: prediction is not available yet.'));
  for (const id of [
    'seqlab.predictNext',
    'seqlab.checkData',
    'seqlab.models.refresh',
    'seqlab.models.open',
    'seqlab.models.predict',
    'seqlab.models.reveal',
    'seqlab.models.delete',
  ]) {
    context.subscriptions.push(vscode.commands.registerCommand(id, notYet));
  }
  log.info('prediction commands registered');
}
