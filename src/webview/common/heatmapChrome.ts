/** The heatmap's surroundings: hover tip, colour legend and the aria-live region (no state beyond their elements). */
import { colorAt, rgbCss, type DivergingScale } from './colors';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

export function hoverTip(): HTMLDivElement {
  const tip = el('div', 'hm-tip');
  tip.setAttribute('role', 'tooltip');
  Object.assign(tip.style, {
    position: 'absolute',
    pointerEvents: 'none',
    display: 'none',
    padding: '2px 6px',
    whiteSpace: 'nowrap',
    background: 'var(--vscode-editorHoverWidget-background)',
    color: 'var(--vscode-editorHoverWidget-foreground)',
    border: '1px solid var(--vscode-editorHoverWidget-border)',
    fontSize: '11px',
    zIndex: '2',
  });
  return tip;
}

/** Screen readers hear what the keyboard cursor or brush is on; the element itself stays invisible. */
export function liveRegion(): HTMLDivElement {
  const live = el('div', 'hm-live');
  live.setAttribute('aria-live', 'polite');
  Object.assign(live.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
  });
  return live;
}

export class Legend {
  readonly element = el('div', 'hm-legend');
  private readonly bar = el('canvas', 'hm-legend-bar');
  private readonly lo = el('span', 'hm-legend-lo');
  private readonly hi = el('span', 'hm-legend-hi');

  constructor() {
    Object.assign(this.element.style, {
      display: 'flex',
      alignItems: 'center',
      gap: '6px',
      fontSize: '11px',
      margin: '4px 0',
    });
    this.bar.width = 120;
    this.bar.height = 8;
    this.bar.setAttribute('aria-hidden', 'true');
    this.element.append(this.lo, this.bar, this.hi);
  }

  draw(scale: DivergingScale, max: number): void {
    const ctx = this.bar.getContext('2d');
    if (!ctx) return;
    for (let x = 0; x < this.bar.width; x++) {
      ctx.fillStyle = rgbCss(colorAt(scale, (x / (this.bar.width - 1)) * 2 * max - max, max));
      ctx.fillRect(x, 0, 1, this.bar.height);
    }
    this.lo.textContent = (-max).toFixed(2);
    this.hi.textContent = max.toFixed(2);
  }
}
