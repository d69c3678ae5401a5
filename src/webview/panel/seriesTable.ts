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
  private selected: string | undefined;

  /** `onPick` hears a row chosen (by click, or Enter/Space on its name): the charts then show that series. */
  constructor(
    private readonly s: PanelStrings,
    private readonly onPick: (series: string) => void = () => undefined,
  ) {
    this.root.hidden = true;
  }

  /** Marks the row of the series the charts show. */
  mark(series: string | undefined): void {
    this.selected = series;
    for (const tr of this.root.querySelectorAll<HTMLTableRowElement>('tbody tr'))
      tr.classList.toggle('selected', tr.dataset.series === series);
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
    this.root.append(
      el('h3', undefined, s.perSeries),
      el('p', 'hint', `${s.sortHint} ${s.seriesSelectHint}`),
    );
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
      tr.dataset.series = r.name;
      tr.classList.toggle('selected', r.name === this.selected);
      // The whole row is a pointer target; its name is a button so the keyboard can pick it too.
      tr.addEventListener('click', () => this.onPick(r.name));
      const th = el('th');
      th.scope = 'row';
      const pick = el('button', 'pick', r.name);
      pick.type = 'button';
      th.append(pick);
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
