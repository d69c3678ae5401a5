/**
 * The state trajectory: h_T of every row projected on two principal components, drawn as a path coloured by time or
 * by seasonal phase; matched rows are ringed, hovering a point names its row, and a table is the alternative.
 */
import type { ExplainStrings, Explained } from '../../shared/protocol';
import { cssVar, parseColor, type Rgb } from '../common/colors';
import { formatValue } from '../common/heatmap';
import { el, fillDetails, table } from './dom';

export class TrajectoryView {
  readonly element = el('div', 'trajectory-view');
  private readonly canvas = el('canvas', 'trajectory');
  private readonly tip = el('div', 'trajectory-tip');
  private readonly colorBy = el('select');
  private readonly details = el('details', 'trajectory-table');
  private last: { s: ExplainStrings; e: Explained } | undefined;
  private points: Array<{ x: number; y: number; row: number }> = [];

  constructor() {
    this.element.hidden = true;
    this.canvas.setAttribute('role', 'img');
    this.canvas.addEventListener('mousemove', (ev) => this.hover(ev));
    this.canvas.addEventListener('mouseleave', () => (this.tip.hidden = true));
    this.colorBy.addEventListener('change', () => this.draw());
    this.details.addEventListener('toggle', () => this.fillTable());
    this.tip.hidden = true;
  }

  show(s: ExplainStrings, e: Explained): void {
    const first = !this.last;
    this.last = { s, e };
    this.element.hidden = false;
    if (first) {
      for (const [value, text] of [
        ['time', s.time],
        ['phase', s.phase],
      ]) {
        const o = el('option', undefined, text);
        o.value = value;
        this.colorBy.append(o);
      }
      const label = el('label', undefined, `${s.colorBy} `);
      label.append(this.colorBy);
      const wrap = el('div', 'trajectory-wrap');
      wrap.append(this.canvas, this.tip);
      this.element.append(el('h3', undefined, s.trajectory), label, wrap, this.details);
    }
    this.colorBy.disabled = e.report.season < 2;
    if (this.colorBy.disabled) this.colorBy.value = 'time';
    this.canvas.setAttribute('aria-label', s.trajectory);
    fillDetails(this.details, s.trajectoryTable, el('div'));
    this.fillTable();
    this.draw();
  }

  private fillTable(): void {
    if (!this.last || !this.details.open) return;
    const { s, e } = this.last;
    const t = e.report.trajectory;
    fillDetails(
      this.details,
      s.trajectoryTable,
      table(
        [s.row, 'PC1', 'PC2'],
        t.rows.map((r, i) => [String(r), formatValue(t.x[i]), formatValue(t.y[i])]),
      ),
    );
  }

  draw(): void {
    const e = this.last?.e;
    if (!e || this.element.hidden) return;
    const t = e.report.trajectory;
    const width = Math.max(120, this.element.clientWidth || 240);
    const height = Math.min(260, width);
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    const ctx = this.canvas.getContext('2d');
    if (!ctx || t.rows.length === 0) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const span = (v: number[]) => [Math.min(...v), Math.max(...v)];
    const [x0, x1] = span(t.x);
    const [y0, y1] = span(t.y);
    const pad = 8;
    const sx = (v: number) => pad + ((v - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
    const sy = (v: number) => height - pad - ((v - y0) / (y1 - y0 || 1)) * (height - 2 * pad);
    this.points = t.rows.map((row, i) => ({ x: sx(t.x[i]), y: sy(t.y[i]), row }));
    const a = parseColor(cssVar('--vscode-charts-blue', '#3794ff'), [55, 148, 255]);
    const b = parseColor(cssVar('--vscode-charts-red', '#f14c4c'), [241, 76, 76]);
    const byPhase = this.colorBy.value === 'phase' && e.report.season > 1;
    const mix = (f: number): string => {
      const c = a.map((v, k) => Math.round(v + (b[k] - v) * f)) as Rgb;
      return `rgb(${c[0]},${c[1]},${c[2]})`;
    };
    const n = this.points.length;
    ctx.lineWidth = 1;
    for (let i = 1; i < n; i++) {
      const f = byPhase ? (this.points[i].row % e.report.season) / (e.report.season - 1) : i / (n - 1);
      ctx.strokeStyle = mix(f);
      ctx.beginPath();
      ctx.moveTo(this.points[i - 1].x, this.points[i - 1].y);
      ctx.lineTo(this.points[i].x, this.points[i].y);
      ctx.stroke();
    }
    ctx.strokeStyle = cssVar('--vscode-focusBorder', '#007fd4');
    ctx.lineWidth = 2;
    for (const m of e.report.matches) {
      const p = this.points.find((q) => q.row === m.end - 1);
      if (!p) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, 5, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  private hover(ev: MouseEvent): void {
    const box = this.canvas.getBoundingClientRect();
    const x = ev.clientX - box.left;
    const y = ev.clientY - box.top;
    let best: { x: number; y: number; row: number } | undefined;
    let d = 100;
    for (const p of this.points) {
      const dd = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (dd < d) {
        d = dd;
        best = p;
      }
    }
    if (!best || !this.last) {
      this.tip.hidden = true;
      return;
    }
    this.tip.hidden = false;
    this.tip.textContent = `${this.last.s.row} ${best.row}`;
    this.tip.style.left = `${best.x + 8}px`;
    this.tip.style.top = `${best.y - 8}px`;
  }
}
