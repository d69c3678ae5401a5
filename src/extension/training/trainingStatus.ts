import * as vscode from 'vscode';
import type { RunQueue } from './runQueue';
import type { TrainingRun } from './trainingRun';

/** Status bar item: epoch and loss of the active run (and how many wait); a click reveals its panel. */
export class TrainingStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('seqlab.training', vscode.StatusBarAlignment.Left, 50);
  private commandRun: TrainingRun | undefined;

  constructor(private readonly queue: RunQueue) {
    this.item.name = vscode.l10n.t('SeqLab Training');
  }

  update(): void {
    const run = this.queue.active;
    if (!run) {
      this.item.hide();
      return;
    }
    const last = run.epochs[run.epochs.length - 1];
    const waiting = this.queue.queued.length;
    const progress = last
      ? vscode.l10n.t('epoch {0}/{1} · loss {2}', last.epoch, last.epochs, formatLoss(last.loss))
      : vscode.l10n.t('starting…');
    const queued = waiting > 0 ? ' ' + vscode.l10n.t('(+{0} queued)', waiting) : '';
    this.item.text = `$(pulse) SeqLab ${progress}${queued}`;
    this.item.tooltip = vscode.l10n.t('Training {0} · {1}. Click to show the panel.', run.label, run.key.column);
    // A command with arguments lives in a cache entry that is dropped whenever the command is replaced, so replacing
    // it at every epoch made a click land on a dropped entry ("Actual command not found"). Set it once per run.
    if (this.commandRun !== run) {
      this.commandRun = run;
      this.item.command = { title: vscode.l10n.t('Show Training Panel'), command: 'seqlab.showPanel', arguments: [run.key] };
    }
    this.item.show();
  }

  /** Current text, for tests and logs. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}

export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 0.01 ? v.toFixed(4) : v.toExponential(2);
}

