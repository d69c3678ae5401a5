/** Model vs naive vs seasonal naive on the validation range; the lowest error in each row is marked. */
import type { Baselines, Metrics } from '../../shared/types';
import type { PanelStrings } from '../../shared/protocol';
import { el } from './dom';
import { formatNumber } from '../../shared/formatNumber';

const ROWS: Array<[keyof Metrics, string]> = [
  ['mae', 'MAE'],
  ['rmse', 'RMSE'],
  ['mape', 'MAPE %'],
  ['smape', 'sMAPE %'],
  ['mase', 'MASE'],
];

export function renderMetrics(
  table: HTMLTableElement,
  strings: PanelStrings,
  metrics: Metrics,
  baselines: Baselines,
): void {
  table.replaceChildren();
  const head = el('tr');
  for (const h of [
    strings.metric,
    strings.model,
    strings.naive,
    `${strings.seasonalNaive} (${baselines.season})`,
  ]) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.appendChild(th);
  }
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  for (const [key, name] of ROWS) {
    const values = [metrics[key], baselines.naive[key], baselines.seasonalNaive[key]];
    const finite = values.filter(Number.isFinite);
    const best = finite.length ? Math.min(...finite) : Number.NaN;
    const tr = el('tr');
    const th = el('th', undefined, name);
    th.scope = 'row';
    tr.appendChild(th);
    for (const v of values) tr.appendChild(el('td', v === best ? 'best' : undefined, formatNumber(v)));
    body.appendChild(tr);
  }
}
