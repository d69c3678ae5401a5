/**
 * The model's series as a line, with the brushed query range and the top matches highlighted on it. A drag across
 * it brushes rows (mouse); focused, the arrows move a row cursor, Shift+arrows stretch a selection and Enter matches
 * it; Up/Down jump between matches, and a click on a match (or Enter with the cursor in one) reveals its row. The
 * matches list is its table alternative.
 */
import { sizedContext } from '../common/canvasSize';
import type { ExplainStrings, Explained } from '../../shared/protocol';
import { cssVar } from '../common/colors';
import { el } from './dom';

export interface SeriesChartHost {
  /** Match rows [start, end). */
  brush(start: number, end: number): void;
  reveal(row: number): void;
}

interface Range {
  start: number;
  end: number;
}

const HEIGHT = 110;
const PAD = 6;

export class SeriesChart {
  readonly element = el('div', 'series-chart-view');
  private readonly title = el('h3');
  private readonly hint = el('p', 'hint');
  private readonly canvas = el('canvas', 'series-chart');
  private points: { index: number[]; value: number[] } | undefined;
  private length = 0;
  private matches: Range[] = [];
  private query: Range | undefined;
  private cursor = 0;
  private anchor: number | undefined;
  private dragFrom: number | undefined;

  constructor(private readonly host: SeriesChartHost) {
    this.element.hidden = true;
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'img');
    this.element.append(this.title, this.hint, this.canvas);
    this.canvas.addEventListener('pointerdown', (e) => {
      this.dragFrom = this.rowAt(e.clientX);
      this.canvas.setPointerCapture?.(e.pointerId);
    });
    this.canvas.addEventListener('pointerup', (e) => {
      const a = this.dragFrom;
      this.dragFrom = undefined;
      const b = this.rowAt(e.clientX);
      if (a === undefined || b === undefined) return;
      this.cursor = b;
      this.canvas.dataset.cursor = String(b);
      if (a !== b) this.brushRows(Math.min(a, b), Math.max(a, b) + 1);
      else this.revealAt(b);
    });
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('focus', () => this.draw());
    this.canvas.addEventListener('blur', () => this.draw());
  }

  /** The report's series and matches; `query` is the range they were matched for (none after a failed query). */
  show(s: ExplainStrings, e: Explained, query: Range | undefined): void {
    this.title.textContent = s.seriesChart;
    this.hint.textContent = s.seriesChartHint;
    this.points = e.points;
    this.length = e.seriesLength;
    this.matches = !query ? [] : e.report.matches.map((m) => ({ start: m.start, end: m.end }));
    this.query = query;
    this.anchor = undefined;
    this.cursor = Math.min(Math.max(0, this.cursor), Math.max(0, this.length - 1));
    this.element.hidden = !e.points;
    const ranges = (r: Range[]) => r.map((m) => `${m.start}:${m.end}`).join(',');
    this.canvas.dataset.matches = ranges(this.matches);
    this.canvas.dataset.query = query ? ranges([query]) : '';
    this.canvas.dataset.length = String(this.length);
    this.canvas.setAttribute(
      'aria-label',
      `${s.seriesChart}. ${s.query}: ${query ? `${query.start}–${query.end - 1}` : '—'}. ${s.matches}: ${
        this.matches.map((m) => `${m.start}–${m.end - 1}`).join(', ') || s.noMatches
      }`,
    );
    this.draw();
  }

  private brushRows(start: number, end: number): void {
    this.query = { start, end };
    this.canvas.dataset.query = `${start}:${end}`;
    this.anchor = undefined;
    this.host.brush(start, end);
    this.draw();
  }

  private revealAt(row: number): boolean {
    const m = this.matches.find((r) => row >= r.start && row < r.end);
    if (m) this.host.reveal(m.start);
    return !!m;
  }

  private key(e: KeyboardEvent): void {
    const last = this.length - 1;
    if (last < 0) return;
    const step = e.ctrlKey || e.metaKey ? 10 : 1;
    let handled = true;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (e.shiftKey) this.anchor ??= this.cursor;
        else this.anchor = undefined;
        const d = e.key === 'ArrowLeft' ? -step : step;
        this.cursor = Math.min(last, Math.max(0, this.cursor + d));
        break;
      }
      case 'Home':
      case 'End':
        this.anchor = e.shiftKey ? (this.anchor ?? this.cursor) : undefined;
        this.cursor = e.key === 'Home' ? 0 : last;
        break;
      case 'ArrowDown':
      case 'ArrowUp': {
        // Next (or previous) match by position, so a keyboard user can reach each highlighted range.
        const sorted = [...this.matches].sort((a, b) => a.start - b.start);
        const next =
          e.key === 'ArrowDown'
            ? sorted.find((m) => m.start > this.cursor)
            : [...sorted].reverse().find((m) => m.start < this.cursor);
        if (next) this.cursor = next.start;
        this.anchor = undefined;
        break;
      }
      case 'Enter':
        if (this.anchor !== undefined && this.anchor !== this.cursor)
          this.brushRows(Math.min(this.anchor, this.cursor), Math.max(this.anchor, this.cursor) + 1);
        else handled = this.revealAt(this.cursor);
        break;
      case 'Escape':
        handled = this.anchor !== undefined;
        this.anchor = undefined;
        break;
      default:
        handled = false;
    }
    if (!handled) return;
    e.preventDefault();
    this.canvas.dataset.cursor = String(this.cursor);
    this.draw();
  }

  private rowAt(clientX: number): number | undefined {
    if (this.length < 1) return undefined;
    const box = this.canvas.getBoundingClientRect();
    const w = box.width - 2 * PAD;
    if (w <= 0) return undefined;
    const f = (clientX - box.left - PAD) / w;
    return Math.min(this.length - 1, Math.max(0, Math.round(f * Math.max(1, this.length - 1))));
  }

  draw(): void {
    const p = this.points;
    if (!p || this.element.hidden) return;
    const width = this.canvas.clientWidth || this.element.clientWidth || 300;
    const ctx = sizedContext(this.canvas, width, HEIGHT);
    if (!ctx) return;
    const span = Math.max(1, this.length - 1);
    const x = (row: number) => PAD + (row / span) * (width - 2 * PAD);
    const finite = p.value.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const y = (v: number) => HEIGHT - PAD - ((v - lo) / (hi - lo || 1)) * (HEIGHT - 2 * PAD);
    const band = (r: Range, color: string) => {
      ctx.fillStyle = color;
      const left = x(r.start);
      ctx.fillRect(left, 0, Math.max(2, x(r.end - 1) - left), HEIGHT);
    };
    ctx.globalAlpha = 0.45;
    for (const m of this.matches)
      band(m, cssVar('--vscode-editor-findMatchHighlightBackground', 'rgba(234, 92, 0, 0.33)'));
    if (this.query) band(this.query, cssVar('--vscode-editor-selectionBackground', '#264f78'));
    if (this.anchor !== undefined)
      band(
        { start: Math.min(this.anchor, this.cursor), end: Math.max(this.anchor, this.cursor) + 1 },
        cssVar('--vscode-editor-inactiveSelectionBackground', '#3a3d41'),
      );
    ctx.globalAlpha = 1;
    ctx.strokeStyle = cssVar('--vscode-charts-blue', '#3794ff');
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    p.index.forEach((row, i) => (i ? ctx.lineTo(x(row), y(p.value[i])) : ctx.moveTo(x(row), y(p.value[i]))));
    ctx.stroke();
    // Match edges in a solid colour, so they show where the translucent bands are faint (high contrast themes).
    ctx.strokeStyle = cssVar('--vscode-charts-orange', '#d18616');
    for (const m of this.matches)
      ctx.strokeRect(x(m.start), 0.5, Math.max(2, x(m.end - 1) - x(m.start)), HEIGHT - 1);
    if (document.activeElement === this.canvas) {
      ctx.strokeStyle = cssVar('--vscode-focusBorder', '#007fd4');
      ctx.beginPath();
      ctx.moveTo(x(this.cursor), 0);
      ctx.lineTo(x(this.cursor), HEIGHT);
      ctx.stroke();
    }
  }
}
