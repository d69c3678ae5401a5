/** Small canvas charts of the Hidden States view, drawn on the heatmap's time axis so steps line up vertically. */
import { sizedContext } from '../common/canvasSize';
import { cssVar } from '../common/colors';
import type { HeatmapGeometry } from '../common/heatmap';

function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = sizedContext(canvas, width, height);
  if (!ctx) return null;
  ctx.font = `10px ${cssVar('--vscode-font-family', 'sans-serif')}`;
  ctx.textBaseline = 'middle';
  return ctx;
}

/** A line through one value per time step, each at the centre of its heatmap column, with min/max printed at left. */
export function drawStepLine(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  g: HeatmapGeometry,
  height: number,
  color: string,
): void {
  const ctx = prepare(canvas, g.width, height);
  if (!ctx || values.length === 0) return;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
  }
  if (!Number.isFinite(lo)) return;
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = 4;
  const y = (v: number) => pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad);
  ctx.fillStyle = cssVar('--vscode-descriptionForeground', '#999999');
  ctx.fillText(compact(hi), 1, pad + 2);
  ctx.fillText(compact(lo), 1, height - pad - 2);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let t = 0; t < values.length; t++) {
    const x = g.left + (t + 0.5) * g.cellWidth;
    if (t === 0) ctx.moveTo(x, y(values[t]));
    else ctx.lineTo(x, y(values[t]));
  }
  ctx.stroke();
  if (g.cellWidth >= 6) {
    for (let t = 0; t < values.length; t++)
      ctx.fillRect(g.left + (t + 0.5) * g.cellWidth - 1.5, y(values[t]) - 1.5, 3, 3);
  }
}

/** One bar per unit around a zero line: the final state h_T, or (with lo = 0) each unit's saturation share. */
export function drawUnitBars(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  width: number,
  height: number,
  lo: number,
  hi: number,
  selected: number,
): void {
  const ctx = prepare(canvas, width, height);
  if (!ctx || values.length === 0) return;
  const left = 34;
  const w = (width - left) / values.length;
  const y = (v: number) => (1 - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * (height - 4) + 2;
  const zero = y(Math.max(lo, Math.min(hi, 0)));
  ctx.fillStyle = cssVar('--vscode-descriptionForeground', '#999999');
  ctx.fillText(compact(hi), 1, 6);
  ctx.fillText(compact(lo), 1, height - 6);
  const pos = cssVar('--vscode-charts-red', '#f14c4c');
  const neg = cssVar('--vscode-charts-blue', '#3794ff');
  for (let u = 0; u < values.length; u++) {
    const v = values[u];
    if (!Number.isFinite(v)) continue;
    const top = Math.min(zero, y(v));
    ctx.fillStyle = v >= 0 ? pos : neg;
    ctx.fillRect(
      left + u * w + (w > 4 ? 1 : 0),
      top,
      Math.max(1, w - (w > 4 ? 2 : 0)),
      Math.max(1, Math.abs(y(v) - zero)),
    );
  }
  ctx.strokeStyle = cssVar('--vscode-foreground', '#cccccc');
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, zero);
  ctx.lineTo(width, zero);
  ctx.stroke();
  if (selected >= 0 && selected < values.length) {
    ctx.strokeStyle = cssVar('--vscode-focusBorder', '#007fd4');
    ctx.strokeRect(left + selected * w, 1, w, height - 2);
  }
}

function compact(v: number): string {
  return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(1) : v.toFixed(2);
}
