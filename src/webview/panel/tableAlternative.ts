/**
 * A chart's table alternative for screen readers and keyboard users: a <details> whose table holds the chart's
 * numbers, with the first column as row headers. It is rebuilt only while open, so a long history costs nothing.
 */
import { el } from './dom';

export interface TableData {
  head: string[];
  rows: string[][];
}

export class TableAlternative {
  readonly element: HTMLDetailsElement;
  private readonly table: HTMLTableElement;
  private data: TableData = { head: [], rows: [] };

  constructor(parent: HTMLElement, summary: string, caption: string) {
    this.element = el('details', 'chart-table');
    this.table = el('table', 'metrics');
    this.table.append(el('caption', undefined, caption));
    this.element.append(el('summary', undefined, summary), this.table);
    this.element.addEventListener('toggle', () => this.render());
    parent.append(this.element);
  }

  set(data: TableData): void {
    this.data = data;
    this.render();
  }

  private render(): void {
    if (!this.element.open) return;
    const caption = this.table.caption;
    this.table.replaceChildren();
    if (caption) this.table.append(caption);
    const head = el('tr');
    for (const h of this.data.head) {
      const th = el('th', undefined, h);
      th.scope = 'col';
      head.append(th);
    }
    this.table.appendChild(el('thead')).append(head);
    const body = this.table.appendChild(el('tbody'));
    for (const [first, ...rest] of this.data.rows) {
      const tr = el('tr');
      const th = el('th', undefined, first);
      th.scope = 'row';
      tr.append(th, ...rest.map((c) => el('td', undefined, c)));
      body.append(tr);
    }
  }
}
