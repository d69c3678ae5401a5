import * as vscode from 'vscode';

/** Training commands, the panel and the worker. Owned by the training-panel work. */
export function registerTraining(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const notYet = () => void vscode.window.showWarningMessage(vscode.l10n.t('SeqLab: training is not available yet.'));
  context.subscriptions.push(
    vscode.commands.registerCommand('seqlab.train', notYet),
    vscode.commands.registerCommand('seqlab.trainSeed', notYet),
    vscode.commands.registerCommand('seqlab.showPanel', notYet),
  );
  log.info('training commands registered');
}
