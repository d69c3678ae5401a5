/**
 * A global model's scores per series, sortable by any column: the headings are buttons, so the keyboard sorts too.
 * The table is its own text alternative.
 */
import type { PanelStrings, SeriesScore } from '../../shared/protocol';
import { formatNumber } from '../../shared/formatNumber';
import { el } from './dom';

type Key = keyof SeriesScore;
const NUMERIC: Key[] = ['rows', 'mae', 'rmse', 'mase', 'naiveMase'];

export class SeriesTable {
  readonly root = el('section', 'per-series');
  private rows: SeriesScore[] = [];
  private sortKey: Key = 'mase';
  private ascending = true;

  constructor(private readonly s: PanelStrings) {
    this.root.hidden = true;
  }

  show(rows: SeriesScore[] | undefined): void {
    this.rows = rows ?? [];
    this.root.hidden = this.rows.length === 0;
    this.render();
  }

  private render(): void {
    this.root.replaceChildren();
    if (this.rows.length === 0) return;
    const s = this.s;
    this.root.append(el('h3', undefined, s.perSeries), el('p', 'hint', s.sortHint));
    const cols: Array<[Key, string]> = [
      ['name', s.seriesName],
      ['rows', s.seriesRows],
      ['mae', 'MAE'],
      ['rmse', 'RMSE'],
      ['mase', 'MASE'],
      ['naiveMase', s.naiveMase],
    ];
    const table = el('table');
    const head = el('tr');
    for (const [key, label] of cols) {
      const th = el('th');
      th.scope = 'col';
      if (key === this.sortKey) th.setAttribute('aria-sort', this.ascending ? 'ascending' : 'descending');
      const button = el('button', 'sort', label);
      button.type = 'button';
      button.addEventListener('click', () => this.sortBy(key));
      th.append(button);
      head.append(th);
    }
    table.appendChild(el('thead')).append(head);
    const body = table.appendChild(el('tbody'));
    for (const r of this.sorted()) {
      const tr = el('tr');
      const th = el('th', undefined, r.name);
      th.scope = 'row';
      tr.append(th);
      for (const [key] of cols.slice(1)) tr.append(el('td', undefined, formatNumber(r[key] as number)));
      body.append(tr);
    }
    this.root.append(table);
  }

  private sortBy(key: Key): void {
    this.ascending = key === this.sortKey ? !this.ascending : true;
    this.sortKey = key;
    this.render();
    this.root.querySelector<HTMLButtonElement>('th[aria-sort] button')?.focus();
  }

  private sorted(): SeriesScore[] {
    const k = this.sortKey;
    const sign = this.ascending ? 1 : -1;
    const cmp = NUMERIC.includes(k)
      ? (a: SeriesScore, b: SeriesScore) => ((a[k] as number) - (b[k] as number)) * sign
      : (a: SeriesScore, b: SeriesScore) => String(a[k]).localeCompare(String(b[k])) * sign;
    return [...this.rows].sort(cmp);
  }
}
