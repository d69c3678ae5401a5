import * as vscode from 'vscode';
import type { EpochReport } from '../../model/types';
import type { RunInfo, TrainingEvent, TrainingEvents } from './trainingEvents';

/** Status bar item: epoch and loss of the active run (and how many wait); a click reveals its panel. */
export class TrainingStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'seqlab.training',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly subscription: { dispose(): void };
  private active: RunInfo | undefined;
  private last: EpochReport | undefined;
  private waiting = 0;
  private commandRun: string | undefined;

  constructor(training: TrainingEvents) {
    this.item.name = vscode.l10n.t('SeqLab Training');
    this.subscription = training.onEvent((e) => this.on(e));
  }

  private on(e: TrainingEvent): void {
    if (e.kind === 'queueChanged') {
      if (e.active?.id !== this.active?.id) this.last = undefined;
      this.active = e.active;
      this.waiting = e.queued.length;
    } else if (e.kind === 'epoch' && e.run.id === this.active?.id) {
      this.last = e.report;
    } else {
      return;
    }
    this.render();
  }

  private render(): void {
    const run = this.active;
    if (!run) {
      this.item.hide();
      return;
    }
    const last = this.last;
    const progress = last
      ? vscode.l10n.t('epoch {0}/{1} · loss {2}', last.epoch, last.epochs, formatLoss(last.loss))
      : vscode.l10n.t('starting…');
    const queued = this.waiting > 0 ? ' ' + vscode.l10n.t('(+{0} queued)', this.waiting) : '';
    this.item.text = `$(pulse) SeqLab ${progress}${queued}`;
    this.item.tooltip = vscode.l10n.t(
      'Training {0} · {1}. Click to show the panel.',
      run.label,
      run.key.column,
    );
    // A command with arguments lives in a cache entry that is dropped whenever the command is replaced, so replacing
    // it at every epoch made a click land on a dropped entry ("Actual command not found"). Set it once per run.
    if (this.commandRun !== run.id) {
      this.commandRun = run.id;
      this.item.command = {
        title: vscode.l10n.t('Show Training Panel'),
        command: 'seqlab.showPanel',
        arguments: [run.key],
      };
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 0.01 ? v.toFixed(4) : v.toExponential(2);
}
