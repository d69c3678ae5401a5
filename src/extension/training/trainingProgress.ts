import * as vscode from 'vscode';
import type { RunInfo, TrainingEvents } from './trainingEvents';
import { formatLoss } from './trainingStatus';

/** Where a run stands now (read once, when the notification opens); events bring every later change. */
export interface RunStanding {
  finished: boolean;
  queued: boolean;
  /** The run training ahead of it, while it waits. */
  ahead?: RunInfo;
}

/** A cancellable notification for one run: "queued behind …" while it waits, then epoch and loss. */
export function showProgress(
  training: TrainingEvents,
  run: RunInfo,
  standing: () => RunStanding,
  cancel: () => void,
): void {
  const title = vscode.l10n.t('SeqLab: training {0} · {1}', run.label, run.key.column);
  void vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => {
      token.onCancellationRequested(cancel);
      return new Promise<void>((resolve) => {
        // The notification opens a moment after the call: the run may have moved on, or ended, meanwhile.
        const start = standing();
        if (start.finished) return resolve();
        let queued = start.queued;
        let ahead = start.ahead;
        const describe = () => {
          if (!queued) return vscode.l10n.t('Starting…');
          return ahead
            ? vscode.l10n.t('Queued behind {0} · {1}', ahead.label, ahead.key.column)
            : vscode.l10n.t('Queued');
        };
        progress.report({ message: describe() });
        const sub = training.onEvent((e) => {
          if (e.kind === 'queueChanged') {
            // When this run becomes the active one, 'started' follows at once and says so.
            if (!queued || e.active?.id === run.id) return;
            ahead = e.active;
            progress.report({ message: describe() });
          } else if (e.run.id !== run.id) {
            return;
          } else if (e.kind === 'started') {
            queued = false;
            progress.report({ message: describe() });
          } else if (e.kind === 'epoch') {
            const r = e.report;
            progress.report({
              increment: 100 / r.epochs,
              message: vscode.l10n.t('epoch {0}/{1} · loss {2}', r.epoch, r.epochs, formatLoss(r.loss)),
            });
          } else if (e.kind === 'finished') {
            sub.dispose();
            resolve();
          }
        });
      });
    },
  );
}
