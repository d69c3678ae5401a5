/**
 * A reusable units × time heatmap: canvas, colour legend, hover values, keyboard cursor and a table alternative.
 * Used by the Hidden States view and the training panel. All text reaches the DOM through textContent.
 *
 * Usage:
 *   const hm = new Heatmap(parent, { strings, ariaLabel: 'h_t', onSelectRow: (u) => plotUnit(u) });
 *   hm.setData({ values: states.layers[0].h, steps: states.steps, units: states.units });
 */
import { themeScale, type DivergingScale } from './colors';
import { el, hoverTip, Legend, liveRegion } from './heatmapChrome';
import { applyKey, brushed, type KeyState } from './heatmapKeys';
import { paintHeatmap } from './heatmapPaint';
import { fillTable } from './heatmapTable';

/** Localized labels; the host passes them in, the webview never hard-codes user-visible text. */
export interface HeatmapStrings {
  /** Row noun, e.g. "Unit". */
  row: string;
  /** Column noun, e.g. "Step". */
  col: string;
  /** Summary of the table alternative, e.g. "Values as a table". */
  table: string;
  /** Announces a keyboard-brushed range of columns {0}–{1} (1-based); needed only with onBrush. */
  brushed?: string;
}

export interface HeatmapOptions {
  strings: HeatmapStrings;
  /** Accessible name of the canvas. */
  ariaLabel: string;
  /** Fixed colour domain [-max, max]; default: the data's largest |value| (tanh states: pass 1). */
  maxAbs?: number;
  /** Called when a row is clicked or chosen with Enter/Space. */
  onSelectRow?: (row: number) => void;
  /** Largest canvas height in CSS pixels; rows shrink to fit. Default 320. */
  maxHeight?: number;
  /** Called when Enter is pressed on a range brushed with Shift+arrows: first and last column, inclusive. */
  onBrush?: (from: number, to: number) => void;
}

/** [steps, units] row-major, exactly as HiddenStates stores h and c. */
export interface HeatmapData {
  values: ArrayLike<number>;
  steps: number;
  units: number;
  /** Overrides the options' colour domain for this data (e.g. 1 for tanh-bounded h_t, none for unbounded c_t). */
  maxAbs?: number;
}

/** Where time step t is drawn, so other canvases (inputs, lines) can line up with the heatmap's time axis. */
export interface HeatmapGeometry {
  left: number;
  cellWidth: number;
  width: number;
}

const GUTTER = 34;
const AXIS = 14;

export class Heatmap {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tip = hoverTip();
  private readonly legend = new Legend();
  private readonly live = liveRegion();
  private readonly details: HTMLDetailsElement;
  private readonly table: HTMLTableElement;
  private data: HeatmapData = { values: [], steps: 0, units: 0 };
  private scale: DivergingScale = themeScale();
  private max = 1;
  private keys: KeyState = { cursor: { row: 0, col: 0 } };
  private selected = -1;
  /** Display position → data row; undefined keeps the data's order. */
  private order: number[] | undefined;
  private readonly resize: ResizeObserver;
  private readonly themeWatch: MutationObserver;

  constructor(
    parent: HTMLElement,
    private readonly options: HeatmapOptions,
  ) {
    this.element = el('div', 'seqlab-heatmap');
    const plot = el('div', 'hm-plot');
    plot.style.position = 'relative';
    this.canvas = el('canvas', 'hm-canvas');
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', options.ariaLabel);
    this.canvas.style.display = 'block';
    this.canvas.style.width = '100%';
    plot.append(this.canvas, this.tip);

    this.details = el('details', 'hm-table');
    const summary = el('summary');
    summary.textContent = options.strings.table;
    this.table = el('table');
    this.details.append(summary, this.table);
    this.details.addEventListener('toggle', () => this.renderTable());

    this.element.append(plot, this.legend.element, this.live, this.details);
    parent.append(this.element);

    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => (this.tip.style.display = 'none'));
    this.canvas.addEventListener('click', (e) => {
      const cell = this.cellAt(e);
      if (cell) this.choose(this.rowAt(cell.row));
    });
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('focus', () => this.draw());
    this.canvas.addEventListener('blur', () => this.draw());
    this.resize = new ResizeObserver(() => this.draw());
    this.resize.observe(plot);
    // VS Code swaps body classes when the theme changes; re-read the colours then.
    this.themeWatch = new MutationObserver(() => {
      this.scale = themeScale();
      this.draw();
    });
    this.themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  setData(data: HeatmapData): void {
    this.data = data;
    const fixed = data.maxAbs ?? this.options.maxAbs;
    let max = fixed ?? 0;
    if (fixed === undefined)
      for (let i = 0; i < data.values.length; i++) max = Math.max(max, Math.abs(data.values[i]));
    this.max = max || 1;
    const c = this.keys.cursor;
    c.row = Math.min(c.row, Math.max(0, data.units - 1));
    c.col = Math.min(c.col, Math.max(0, data.steps - 1));
    if (this.keys.anchor !== undefined && this.keys.anchor >= data.steps) this.keys.anchor = undefined;
    if (this.selected >= data.units) this.selected = -1;
    if (this.order && this.order.length !== data.units) this.order = undefined;
    this.scale = themeScale();
    this.draw();
    this.renderTable();
  }

  /** Highlights a row without calling onSelectRow (e.g. restoring a selection). */
  selectRow(row: number): void {
    this.selected = row;
    this.draw();
  }

  /** Draws the rows in `order` (display position → data row), e.g. grouped by unit meaning; undefined restores. */
  setRowOrder(order: readonly number[] | undefined): void {
    const ok = order && order.length === this.data.units && new Set(order).size === order.length;
    this.order = ok ? [...order] : undefined;
    this.canvas.dataset.rowOrder = this.order ? this.order.join(',') : '';
    this.draw();
    this.renderTable();
  }

  get selectedRow(): number {
    return this.selected;
  }

  value(row: number, col: number): number {
    return this.data.values[col * this.data.units + row];
  }

  geometry(): HeatmapGeometry {
    const width = this.canvas.clientWidth || 300;
    const steps = Math.max(1, this.data.steps);
    return { left: GUTTER, cellWidth: (width - GUTTER) / steps, width };
  }

  dispose(): void {
    this.resize.disconnect();
    this.themeWatch.disconnect();
    this.element.remove();
  }

  private rowHeight(): number {
    const maxH = this.options.maxHeight ?? 320;
    return Math.max(2, Math.min(14, Math.floor(maxH / Math.max(1, this.data.units))));
  }

  private draw(): void {
    paintHeatmap(this.canvas, {
      data: this.data,
      geometry: this.geometry(),
      rowHeight: this.rowHeight(),
      axis: AXIS,
      scale: this.scale,
      max: this.max,
      selected: this.order ? this.order.indexOf(this.selected) : this.selected,
      order: this.order,
      cursor: document.activeElement === this.canvas ? this.keys.cursor : undefined,
      brush: brushed(this.keys),
    });
    this.legend.draw(this.scale, this.max);
  }

  /** The data row drawn at display position `pos`. */
  private rowAt(pos: number): number {
    return this.order ? this.order[pos] : pos;
  }

  private cellAt(e: MouseEvent): { row: number; col: number } | undefined {
    const rect = this.canvas.getBoundingClientRect();
    const g = this.geometry();
    const col = Math.floor((e.clientX - rect.left - g.left) / g.cellWidth);
    const row = Math.floor((e.clientY - rect.top) / this.rowHeight());
    if (col < 0 || row < 0 || col >= this.data.steps || row >= this.data.units) return undefined;
    return { row, col };
  }

  private describe(row: number, col: number): string {
    const { strings } = this.options;
    return `${strings.row} ${row + 1}, ${strings.col} ${col + 1}: ${formatValue(this.value(row, col))}`;
  }

  private hover(e: MouseEvent): void {
    const cell = this.cellAt(e);
    if (!cell) {
      this.tip.style.display = 'none';
      return;
    }
    this.tip.textContent = this.describe(this.rowAt(cell.row), cell.col);
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    this.tip.style.display = 'block';
    this.tip.style.top = `${e.clientY - rect.top + 12}px`;
    this.tip.style.left = x > rect.width / 2 ? '' : `${x + 10}px`;
    this.tip.style.right = x > rect.width / 2 ? `${rect.width - x + 10}px` : '';
  }

  private key(e: KeyboardEvent): void {
    const { steps, units } = this.data;
    if (!steps || !units) return;
    const action = applyKey(this.keys, e, units, steps);
    if (!action) return;
    e.preventDefault();
    const c = this.keys.cursor;
    const range = brushed(this.keys);
    if (action === 'brush' && range && this.options.onBrush) this.options.onBrush(range.from, range.to);
    else if (action === 'brush' || action === 'choose') this.choose(this.rowAt(c.row));
    this.canvas.dataset.brush = range ? `${range.from}:${range.to}` : '';
    this.live.textContent =
      range && this.options.strings.brushed
        ? this.options.strings.brushed
            .replace('{0}', String(range.from + 1))
            .replace('{1}', String(range.to + 1))
        : this.describe(this.rowAt(c.row), c.col);
    this.draw();
  }

  private choose(row: number): void {
    this.selected = row;
    this.draw();
    this.options.onSelectRow?.(row);
  }

  private renderTable(): void {
    if (this.details.open) fillTable(this.table, this.data, this.options.strings, formatValue, this.order);
  }
}

export function formatValue(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : '–';
}
