/**
 * Saliency under the window's inputs: one bar per input on the heatmap's time axis (step t is lag T - t), a row of
 * bars per covariate under its name, the sentence naming the input and lag the forecast leans on, and the table
 * alternative (gradient and occlusion by lag, for the series and each covariate).
 */
import { sizedContext } from '../common/canvasSize';
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
  private readonly covariateRows = el('div', 'saliency-covariates');
  private data: { rows: { canvas: HTMLCanvasElement; value: number[] }[]; steps: number } | undefined;

  constructor() {
    this.canvas.setAttribute('role', 'img');
    this.element.append(this.title, this.canvas, this.covariateRows, this.sentence, this.details);
    this.element.hidden = true;
  }

  show(s: ExplainStrings, e: Explained): void {
    const sal = e.report.saliency;
    this.element.hidden = false;
    this.title.textContent =
      sal.mode === 'window' ? s.saliencyWindow : s.saliencyMean.replace('{0}', String(sal.windows));
    const { feature, lag } = sal.leans;
    this.sentence.textContent =
      feature === undefined
        ? lag === 1
          ? s.leansLatest
          : s.leansLag.replace('{0}', String(lag))
        : lag === 1
          ? s.leansOnLatest.replace('{0}', feature)
          : s.leansOnLag.replace('{0}', feature).replace('{1}', String(lag));
    this.element.dataset.target = String(sal.target);
    this.element.dataset.peakLag = String(sal.peakLag);
    this.element.dataset.leansOn = feature ?? '';
    this.element.dataset.leansLag = String(lag);
    const label = (name: string, value: number[]) =>
      `${name}: ${value.map((v, i) => `${i + 1}: ${formatValue(v)}`).join(', ')}`;
    this.canvas.setAttribute('aria-label', label(s.saliency, sal.value));
    const covariates = sal.covariates ?? [];
    const rows = [{ canvas: this.canvas, value: sal.value }];
    this.covariateRows.replaceChildren(
      ...covariates.map((c) => {
        const row = el('div', 'saliency-row');
        const canvas = el('canvas', 'saliency-bars covariate');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', label(c.feature, c.value));
        canvas.dataset.feature = c.feature;
        canvas.dataset.peakLag = String(c.peakLag);
        row.append(el('span', 'feature-name', c.feature), canvas);
        rows.push({ canvas, value: c.value });
        return row;
      }),
    );
    const header = [s.lag, s.gradient, s.occlusion];
    for (const c of covariates) header.push(`${s.gradient} (${c.feature})`, `${s.occlusion} (${c.feature})`);
    fillDetails(
      this.details,
      s.saliencyTable,
      table(
        header,
        sal.value.map((v, i) => [
          String(i + 1),
          formatValue(v),
          formatValue(sal.occlusion[i]),
          ...covariates.flatMap((c) => [formatValue(c.value[i]), formatValue(c.occlusion[i])]),
        ]),
      ),
    );
    this.data = { rows, steps: e.window };
  }

  /** Bars on the heatmap's time axis; a differenced model's extra lag (before the window) is in the table only. */
  draw(g: HeatmapGeometry): void {
    const d = this.data;
    if (!d || this.element.hidden) return;
    // Each row to its own largest bar: a covariate's gradient is per unit of that covariate, so heights across rows
    // would compare units, not influence (the sentence compares them per scaled unit).
    for (const r of d.rows) drawBars(r.canvas, r.value, d.steps, g);
  }
}

function drawBars(canvas: HTMLCanvasElement, value: number[], steps: number, g: HeatmapGeometry): void {
  const d = { value, steps };
  const big = Math.max(1e-12, ...value.map(Math.abs));
  const height = 48;
  const ctx = sizedContext(canvas, g.width, height);
  if (!ctx) return;
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
