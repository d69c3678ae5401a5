/**
 * How a model's last backtest is said outside the panel (Predict Next Value, the Models tree): the shared verdict
 * rule with host-localised templates, so a simpler method that won is always named.
 */
import * as vscode from 'vscode';
import { cellName } from '../../shared/cellName';
import { formatNumber } from '../../shared/formatNumber';
import type { BacktestReport } from '../../shared/types';
import { rankOf, sayVerdict } from '../../shared/verdictWords';

export function methodName(key: string, cell: string): string {
  switch (key) {
    case 'rnn':
      return cellName(cell);
    case 'naive':
      return vscode.l10n.t('Naive');
    case 'seasonalNaive':
      return vscode.l10n.t('Seasonal naive');
    case 'theta':
      return vscode.l10n.t('Theta');
    case 'arima':
      return vscode.l10n.t('AutoARIMA');
    default:
      return key;
  }
}

/** One sentence: where the network ranked among the methods, and which one won when it did not. */
export function backtestSentence(b: BacktestReport): string {
  const said = sayVerdict(b, cellName(b.cell), (k) => methodName(k, b.cell), {
    best: vscode.l10n.t('{0} beat every other method, the runner-up {1} by {2}% MASE.'),
    mixed: vscode.l10n.t('{0} beat {1} by {2}% MASE but lost to {3} by {4}%.'),
    worst: vscode.l10n.t(
      '{0} lost to every other method: its MASE was {2}% higher than that of the best, {1}.',
    ),
    none: vscode.l10n.t('It has no comparable MASE.'),
    byMae: vscode.l10n.t(
      '(Ranked by MAE: every MASE is undefined because seasonal naive is exact on the training data.)',
    ),
  });
  const rank = rankOf(b);
  if (!rank || rank.of < 2) return vscode.l10n.t('Last backtest: {0}', said);
  return vscode.l10n.t(
    'Last backtest ({0} folds of {1} steps): rank {2} of {3}, MASE {4}. {5}',
    b.folds,
    b.horizon,
    rank.rank,
    rank.of,
    formatNumber(b.models.rnn.mase),
    said,
  );
}
