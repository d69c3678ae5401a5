/** Paints a heatmap canvas: cells, axis labels, the selected row and the keyboard cursor. No state of its own. */
import { sizedContext } from './canvasSize';
import { colorAt, cssVar, rgbCss, type DivergingScale } from './colors';
import type { HeatmapData, HeatmapGeometry } from './heatmap';

export interface PaintInput {
  data: HeatmapData;
  geometry: HeatmapGeometry;
  rowHeight: number;
  /** Height of the time-axis labels under the cells. */
  axis: number;
  scale: DivergingScale;
  max: number;
  selected: number;
  /** Drawn only while the canvas has focus. */
  cursor?: { row: number; col: number };
  /** Display position → data row (rows sorted by meaning); rows are labelled with their data number. */
  order?: readonly number[];
  /** Columns brushed with the keyboard, inclusive. */
  brush?: { from: number; to: number };
}

export function paintHeatmap(canvas: HTMLCanvasElement, p: PaintInput): void {
  const { steps, units, values } = p.data;
  const g = p.geometry;
  const rh = p.rowHeight;
  const height = units * rh + p.axis;
  const ctx = sizedContext(canvas, g.width, height, null);
  if (!ctx) return;
  const rowAt = (pos: number) => (p.order ? p.order[pos] : pos);
  for (let t = 0; t < steps; t++) {
    for (let u = 0; u < units; u++) {
      ctx.fillStyle = rgbCss(colorAt(p.scale, values[t * units + rowAt(u)], p.max));
      // Overlap by a pixel fraction so cells have no hairline gaps.
      ctx.fillRect(g.left + t * g.cellWidth, u * rh, g.cellWidth + 0.5, rh + 0.5);
    }
  }
  const fg = cssVar('--vscode-foreground', '#cccccc');
  ctx.fillStyle = fg;
  ctx.font = `10px ${cssVar('--vscode-font-family', 'sans-serif')}`;
  ctx.textBaseline = 'middle';
  const rowEvery = Math.ceil(12 / rh);
  for (let u = 0; u < units; u += rowEvery) ctx.fillText(String(rowAt(u) + 1), 2, u * rh + rh / 2);
  const colEvery = Math.max(1, Math.ceil(24 / Math.max(1, g.cellWidth)));
  for (let t = 0; t < steps; t += colEvery)
    ctx.fillText(String(t + 1), g.left + t * g.cellWidth + 1, units * rh + p.axis / 2);
  ctx.strokeStyle = cssVar('--vscode-focusBorder', fg);
  ctx.lineWidth = 1.5;
  if (p.selected >= 0 && p.selected < units) ctx.strokeRect(g.left, p.selected * rh, steps * g.cellWidth, rh);
  if (p.brush && units > 0) {
    ctx.setLineDash([4, 2]);
    ctx.strokeRect(
      g.left + p.brush.from * g.cellWidth,
      0,
      (p.brush.to - p.brush.from + 1) * g.cellWidth,
      units * rh,
    );
    ctx.setLineDash([]);
  }
  if (p.cursor && units > 0) {
    ctx.setLineDash([2, 2]);
    ctx.strokeRect(g.left + p.cursor.col * g.cellWidth, p.cursor.row * rh, g.cellWidth, rh);
    ctx.setLineDash([]);
  }
}
