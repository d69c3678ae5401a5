/** How a model of many series, or with covariates, is named in the tree, pickers and titles: "close · 3 series + temp". */
import * as vscode from 'vscode';
import type { ModelEntry } from './modelCatalog';

/** Series names in a tooltip: enough to recognise the model, without a tooltip taller than the screen. */
export const TOOLTIP_SERIES = 12;

type SeriesFields = Pick<ModelEntry, 'series' | 'seriesColumn' | 'columns' | 'features'>;

/** Trained on the series of a keyed or wide file (one or several), rather than on one column. */
export function isKeyed(m: SeriesFields): boolean {
  return (m.seriesColumn !== undefined || m.columns !== undefined) && (m.series?.length ?? 0) > 0;
}

/** Predict asks which series (or all) only when the model knows more than one. */
export function hasManySeries(m: SeriesFields): boolean {
  return isKeyed(m) && (m.series?.length ?? 0) > 1;
}

/** What follows the column in a model's label: " · AAA", " · 3 series", " + temp, wind". */
export function seriesSuffix(m: SeriesFields): string {
  let out = '';
  const names = m.series ?? [];
  if (isKeyed(m)) out += ` · ${names.length === 1 ? names[0] : vscode.l10n.t('{0} series', names.length)}`;
  if (m.features) out += ` + ${m.features.join(', ')}`;
  return out;
}

/** Tooltip lines naming the series (capped) and the covariates. */
export function seriesTooltip(m: SeriesFields): string[] {
  const lines: string[] = [];
  const names = m.series ?? [];
  if (isKeyed(m)) {
    const shown = names.slice(0, TOOLTIP_SERIES).join(', ');
    const more = names.length - TOOLTIP_SERIES;
    lines.push(
      more > 0
        ? vscode.l10n.t('Series ({0}): {1} and {2} more', names.length, shown, more)
        : vscode.l10n.t('Series ({0}): {1}', names.length, shown),
    );
  }
  if (m.features) lines.push(vscode.l10n.t('Covariates: {0}', m.features.join(', ')));
  return lines;
}
