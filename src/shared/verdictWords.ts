/**
 * A backtest verdict (the rule is verdictOf, in backtestVerdict.ts) said with localised templates: the panel gets
 * them from the host, Predict Next Value and the Models tree from vscode.l10n. Percentages are rounded to whole ones.
 */
import { metricOf, rivalsOf, verdictOf } from './backtestVerdict';
import type { BacktestModelKey, BacktestReport } from './types';
import { fillTemplate } from './template';

/** The templates a verdict is said with ({0}… placeholders, as vscode.l10n uses). */
export interface VerdictTemplates {
  /** The network is best. {0} network, {1} runner-up, {2} percent lower MASE. */
  best: string;
  /** {0} network, {1} strongest model it beats, {2} percent, {3} the best model, {4} percent higher MASE. */
  mixed: string;
  /** The network is last. {0} network, {1} the best model, {2} percent higher MASE. */
  worst: string;
  /** No model has a finite MASE to compare. */
  none: string;
  /** Appended when the report ranks by MAE (every MASE undefined); the templates' "MASE" then reads "MAE". */
  byMae?: string;
}

export function sayVerdict(
  r: BacktestReport,
  network: string,
  name: (key: BacktestModelKey) => string,
  t: VerdictTemplates,
): string {
  const said = templateVerdict(r, network, name, t);
  // "MASE" is the metric's name in every language's templates, so it is swapped as written.
  return metricOf(r) === 'mae' ? `${said.replace(/MASE/g, 'MAE')} ${t.byMae ?? ''}`.trim() : said;
}

function templateVerdict(
  r: BacktestReport,
  network: string,
  name: (key: BacktestModelKey) => string,
  t: VerdictTemplates,
): string {
  const { beats, losesTo } = verdictOf(r);
  const p = (x: number) => String(Math.round(x));
  if (beats && losesTo)
    return fillTemplate(
      t.mixed,
      network,
      name(beats.model),
      p(beats.percent),
      name(losesTo.model),
      p(losesTo.percent),
    );
  if (beats) return fillTemplate(t.best, network, name(beats.model), p(beats.percent));
  if (losesTo) return fillTemplate(t.worst, network, name(losesTo.model), p(losesTo.percent));
  return t.none;
}

/** The network's place among the models verdictOf compares it with (1 = best), or undefined when it has no MASE. */
export function rankOf(r: BacktestReport): { rank: number; of: number } | undefined {
  const m = metricOf(r);
  const own = r.models.rnn[m];
  if (!Number.isFinite(own)) return undefined;
  const rivals = rivalsOf(r);
  return { rank: 1 + rivals.filter((k) => r.models[k][m] < own).length, of: rivals.length + 1 };
}
