/** DOM helpers that only ever set text through textContent: workspace text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A vscode-elements button that calls `onClick`. */
export function button(id: string, text: string, onClick: () => void): HTMLElement {
  const b = document.createElement('vscode-button');
  b.id = id;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

export function section(parent: HTMLElement, id: string, heading: string): HTMLElement {
  const s = el('section', 'card');
  s.id = id;
  s.appendChild(el('h2', undefined, heading));
  parent.appendChild(s);
  return s;
}

/** {0}, {1}… placeholders, as vscode.l10n uses, filled on the webview side. */
export { fillTemplate as format } from '../../shared/template';
