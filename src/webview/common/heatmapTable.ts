/** The heatmap's table alternative: one row per unit, one column per time step, with proper header cells. */
import type { HeatmapData, HeatmapStrings } from './heatmap';

export function fillTable(
  table: HTMLTableElement,
  data: HeatmapData,
  strings: HeatmapStrings,
  format: (v: number) => string,
  order?: readonly number[],
): void {
  const { steps, units, values } = data;
  table.replaceChildren();
  const caption = document.createElement('caption');
  caption.textContent = strings.table;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = `${strings.row} \\ ${strings.col}`;
  headRow.append(corner);
  for (let t = 0; t < steps; t++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = String(t + 1);
    headRow.append(th);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (let pos = 0; pos < units; pos++) {
    const u = order ? order[pos] : pos;
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = `${strings.row} ${u + 1}`;
    tr.append(th);
    for (let t = 0; t < steps; t++) {
      const td = document.createElement('td');
      td.textContent = format(values[t * units + u]);
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(caption, head, body);
}
