/** One way to make an element with a class and text (text always through textContent, never HTML). */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** A table with a header row and one row per entry; the first cell of each row is its row header. */
export function table(header: string[], rows: string[][]): HTMLTableElement {
  const t = el('table');
  const head = el('tr');
  for (const h of header) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  for (const r of rows) {
    const tr = el('tr');
    r.forEach((c, i) => {
      const cell = i === 0 ? el('th', undefined, c) : el('td', undefined, c);
      if (cell instanceof HTMLTableCellElement && i === 0) cell.scope = 'row';
      tr.append(cell);
    });
    body.append(tr);
  }
  t.append(thead, body);
  return t;
}

/** A <details> holding `content`, keeping whether it was open across redraws. */
export function fillDetails(details: HTMLDetailsElement, summary: string, content: HTMLElement): void {
  const open = details.open;
  details.replaceChildren(el('summary', undefined, summary), content);
  details.open = open;
}
