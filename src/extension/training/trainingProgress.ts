import * as vscode from 'vscode';
import type { RunQueue } from './runQueue';
import type { TrainingRun } from './trainingRun';
import { formatLoss } from './trainingStatus';

/** A cancellable notification for one run: "queued behind …" while it waits, then epoch and loss. */
export function showProgress(run: TrainingRun, queue: RunQueue, cancel: () => void): void {
  const title = vscode.l10n.t('SeqLab: training {0} · {1}', run.label, run.key.column);
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    token.onCancellationRequested(cancel);
    return new Promise<void>((resolve) => {
      if (run.finished) return resolve();
      const describe = () => {
        if (run.state !== 'queued') return vscode.l10n.t('Starting…');
        const ahead = queue.active;
        return ahead ? vscode.l10n.t('Queued behind {0} · {1}', ahead.label, ahead.key.column) : vscode.l10n.t('Queued');
      };
      progress.report({ message: describe() });
      const subs = [
        queue.onDidChange(() => run.state === 'queued' && progress.report({ message: describe() })),
        run.onMessage((m) => {
          if (m.type === 'epoch') {
            const r = m.report;
            progress.report({ increment: 100 / r.epochs, message: vscode.l10n.t('epoch {0}/{1} · loss {2}', r.epoch, r.epochs, formatLoss(r.loss)) });
          } else if (m.type === 'state' && m.state === 'training') {
            progress.report({ message: describe() });
          }
          if (run.finished) {
            subs.forEach((s) => s.dispose());
            resolve();
          }
        }),
      ];
    });
  });
}
