/**
 * Saliency under the window's inputs: one bar per input on the heatmap's time axis (step t is lag T - t), the sentence
 * naming the lag the forecast leans on, and the table alternative (gradient and occlusion by lag).
 */
import type { ExplainStrings, Explained } from '../../shared/protocol';
import { cssVar } from '../common/colors';
import { formatValue, type HeatmapGeometry } from '../common/heatmap';
import { el, fillDetails, table } from './dom';

export class SaliencyView {
  readonly element = el('div', 'saliency-view');
  // h4: it belongs to the inputs' h3 above it (and keeps the view's h3 sequence as it was).
  private readonly title = el('h4');
  private readonly canvas = el('canvas', 'saliency-bars');
  private readonly sentence = el('p', 'saliency-sentence');
  private readonly details = el('details', 'saliency-table');
  private data: { value: number[]; steps: number } | undefined;

  constructor() {
    this.canvas.setAttribute('role', 'img');
    this.element.append(this.title, this.canvas, this.sentence, this.details);
    this.element.hidden = true;
  }

  show(s: ExplainStrings, e: Explained): void {
    const sal = e.report.saliency;
    this.element.hidden = false;
    this.title.textContent =
      sal.mode === 'window' ? s.saliencyWindow : s.saliencyMean.replace('{0}', String(sal.windows));
    this.sentence.textContent =
      sal.peakLag === 1 ? s.leansLatest : s.leansLag.replace('{0}', String(sal.peakLag));
    this.element.dataset.peakLag = String(sal.peakLag);
    this.canvas.setAttribute(
      'aria-label',
      `${s.saliency}: ${sal.value.map((v, i) => `${i + 1}: ${formatValue(v)}`).join(', ')}`,
    );
    fillDetails(
      this.details,
      s.saliencyTable,
      table(
        [s.lag, s.gradient, s.occlusion],
        sal.value.map((v, i) => [String(i + 1), formatValue(v), formatValue(sal.occlusion[i])]),
      ),
    );
    this.data = { value: sal.value, steps: e.window };
  }

  /** Bars on the heatmap's time axis; a differenced model's extra lag (before the window) is in the table only. */
  draw(g: HeatmapGeometry): void {
    const d = this.data;
    if (!d || this.element.hidden) return;
    const height = 48;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = '100%';
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(g.width * dpr);
    this.canvas.height = Math.round(height * dpr);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, g.width, height);
    const big = Math.max(1e-12, ...d.value.map(Math.abs));
    const zero = height / 2;
    const pos = cssVar('--vscode-charts-purple', '#b180d7');
    const neg = cssVar('--vscode-charts-yellow', '#cca700');
    for (let t = 0; t < d.steps; t++) {
      const v = d.value[d.steps - 1 - t];
      if (!Number.isFinite(v)) continue;
      const h = (Math.abs(v) / big) * (height / 2 - 2);
      ctx.fillStyle = v >= 0 ? pos : neg;
      const w = Math.max(1, g.cellWidth - (g.cellWidth > 4 ? 2 : 0));
      ctx.fillRect(
        g.left + t * g.cellWidth + (g.cellWidth > 4 ? 1 : 0),
        v >= 0 ? zero - h : zero,
        w,
        Math.max(1, h),
      );
    }
    ctx.strokeStyle = cssVar('--vscode-foreground', '#cccccc');
    ctx.beginPath();
    ctx.moveTo(g.left, zero);
    ctx.lineTo(g.width, zero);
    ctx.stroke();
  }
}
