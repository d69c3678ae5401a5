import * as vscode from 'vscode';
import { WorkerClient } from './training/workerClient';
import { trustedSetting } from './trust';

/**
 * The one worker thread of this window (training, predict, probe and every parse of a data file), created lazily by
 * the client. activate() makes it and passes it to whoever needs it.
 */
export function createWorkerClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): WorkerClient {
  const worker = new WorkerClient(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath,
    (level, line) => log[level](line),
    {
      memoryLimitMb: () =>
        trustedSetting<number>(vscode.workspace.getConfiguration('seqlab'), 'worker.memoryLimitMB') ?? 4096,
      texts: {
        stopped: (code) => vscode.l10n.t('the training worker stopped (exit code {0})', code),
        outOfMemory: (mb) =>
          vscode.l10n.t(
            'the training worker ran out of memory (its limit is {0} MB, setting seqlab.worker.memoryLimitMB)',
            mb,
          ),
      },
    },
  );
  context.subscriptions.push({ dispose: () => worker.dispose() });
  return worker;
}
