/** Data problems in the Problems panel: re-checks on save, and "SeqLab: Check Data File". */
import * as vscode from 'vscode';
import { checkData } from './checkDataCommand';
import { DataDiagnostics } from './dataDiagnostics';
import type { WorkerClient } from '../training/workerClient';

export function registerDiagnostics(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  worker: Pick<WorkerClient, 'check'>,
): void {
  const diagnostics = new DataDiagnostics(worker, log);
  context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand('seqlab.checkData', (arg: unknown, options: unknown) =>
      checkData(arg, options, diagnostics, log),
    ),
  );
}
