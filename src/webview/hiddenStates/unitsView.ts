/** What each unit follows: its label ("≈ seasonal phase, r = 0.93"), memory length and gate saturation, as a table. */
import type { ExplainStrings, Explained } from '../../shared/protocol';
import { byMeaning, meaningOrder } from '../../shared/meaningOrder';
import { formatValue } from '../common/heatmap';
import { el, table } from './dom';

type Unit = Explained['report']['units'][number];

export function unitLabel(s: ExplainStrings, u: Pick<Unit, 'signal' | 'r'>): string {
  return `≈ ${s[u.signal]} (r = ${u.r.toFixed(2)})`;
}

export class UnitsView {
  readonly element = el('div', 'units-view');
  private readonly sort = el('input');
  private last: { s: ExplainStrings; e: Explained } | undefined;
  private readonly holder = el('div');

  /** `onSort` receives each layer's unit order while "sort by meaning" is on, undefined when it is off. */
  constructor(private readonly onSort: (orders: number[][] | undefined) => void) {
    this.sort.type = 'checkbox';
    this.sort.className = 'sort-by-meaning';
    this.sort.addEventListener('change', () => this.last && this.show(this.last.s, this.last.e));
    this.element.hidden = true;
  }

  show(s: ExplainStrings, e: Explained): void {
    this.last = { s, e };
    this.element.hidden = false;
    const label = el('label', 'sort-meaning');
    label.append(this.sort, document.createTextNode(` ${s.sortByMeaning}`));
    const units = [...e.report.units];
    if (this.sort.checked) units.sort(byMeaning);
    this.onSort(this.sort.checked ? meaningOrder(e.report.units) : undefined);
    const rows = units.map((u) => [
      e.report.units.length > units.filter((x) => x.layer === 0).length
        ? `${u.layer + 1}.${u.unit + 1}`
        : String(u.unit + 1),
      unitLabel(s, u) + (u.cell ? ` · c ${unitLabel(s, u.cell)}` : ''),
      `~${Math.round(u.timeConstant)}`,
      `${Math.round(u.gateLeft * 100)}% / ${Math.round(u.gateRight * 100)}%`,
      formatValue(u.retention),
    ]);
    this.holder.replaceChildren(table([s.unit, s.meaning, s.remembers, s.gates, s.retention], rows));
    this.element.replaceChildren(el('h3', undefined, s.meanings), label, this.holder);
  }
}
