/** The table alternative for the final state h_T and the saturation bars: one row per unit. */
import type { HiddenStatesStrings } from '../../shared/protocol';

export function summaryTable(
  details: HTMLDetailsElement,
  s: HiddenStatesStrings,
  final: Float32Array,
  saturation: Float32Array,
  format: (v: number) => string,
): void {
  const summary = document.createElement('summary');
  summary.textContent = s.summaryTable;
  const table = document.createElement('table');
  const head = document.createElement('tr');
  for (const text of [s.unit, s.final, s.share]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  for (let u = 0; u < final.length; u++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(u + 1);
    const v = document.createElement('td');
    v.textContent = format(final[u]);
    const share = document.createElement('td');
    share.textContent = `${Math.round(saturation[u] * 100)}%`;
    tr.append(th, v, share);
    body.append(tr);
  }
  table.append(thead, body);
  const open = details.open;
  details.replaceChildren(summary, table);
  details.open = open;
}
