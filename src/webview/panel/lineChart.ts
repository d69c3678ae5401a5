/**
 * A thin uPlot wrapper: fixed series, data replaced as a whole (uPlot redraws fast enough at our ~10 updates/s),
 * width follows the container, and `retheme()` rebuilds it with the current theme colours.
 */
import uPlot from 'uplot';
import { chartColors, type ChartColors } from './chartTheme';

export interface SeriesSpec {
  label: string;
  color: (c: ChartColors) => string;
  width?: number;
  dash?: number[];
  /** Draws each point as a dot too (for charts of a few points, where a line alone could be invisible). */
  points?: boolean;
}

/** A filled band between two series (uPlot indices: 1 is the first series after x), e.g. an interval. */
export interface BandSpec {
  upper: number;
  lower: number;
  fill: (c: ChartColors) => string;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: SeriesSpec[];
  logY?: boolean;
  height?: number;
  bands?: BandSpec[];
}

export type ChartData = [number[], ...Array<Array<number | null>>];

/** A labelled vertical line at x: where a part of a run starts (the loss chart). */
export interface ChartMarker {
  x: number;
  label: string;
}

export class LineChart {
  readonly element: HTMLDivElement;
  private plot: uPlot | undefined;
  private data: ChartData;
  private markers: readonly ChartMarker[] = [];
  private readonly resize: ResizeObserver;

  constructor(
    parent: HTMLElement,
    private readonly options: LineChartOptions,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'chart';
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', options.title);
    parent.appendChild(this.element);
    this.data = [[], ...options.series.map(() => [])];
    // Only a width change resizes, and on the next frame: uPlot's own height change must not feed back into it.
    let lastWidth = 0;
    this.resize = new ResizeObserver(() => {
      const width = this.width();
      if (width === lastWidth) return;
      lastWidth = width;
      requestAnimationFrame(() => this.plot?.setSize({ width, height: this.height() }));
    });
    this.resize.observe(this.element);
  }

  /** Draws `data` (x first, then one array per series; null leaves a gap). */
  setData(data: ChartData, markers: readonly ChartMarker[] = []): void {
    this.data = data;
    this.markers = markers;
    this.element.dataset.markers = markers.map((m) => m.label).join('\n');
    if (data[0].length === 0) return;
    if (!this.plot) this.create();
    else {
      this.plot.setData(data as uPlot.AlignedData);
      this.showLatest(this.plot);
    }
  }

  get drawn(): boolean {
    return this.plot !== undefined;
  }

  retheme(): void {
    if (!this.plot) return;
    this.plot.destroy();
    this.plot = undefined;
    this.create();
  }

  private width(): number {
    return Math.max(240, this.element.clientWidth || 480);
  }

  private height(): number {
    return this.options.height ?? 220;
  }

  private create(): void {
    const c = chartColors();
    const axis = (label: string): uPlot.Axis => ({
      label,
      stroke: c.fg,
      grid: { stroke: c.grid, width: 1 },
      ticks: { stroke: c.grid, width: 1 },
    });
    // No uPlot title: the chart's card already has the heading (it was printed twice).
    const opts: uPlot.Options = {
      width: this.width(),
      height: this.height(),
      scales: { x: { time: false }, y: this.options.logY ? { distr: 3 } : {} },
      axes: [axis(this.options.xLabel), axis(this.options.yLabel)],
      legend: { show: true },
      // Off the chart, the legend shows the latest values instead of uPlot's "--".
      hooks: {
        setCursor: [(u) => (u.cursor.idx == null ? this.showLatest(u) : undefined)],
        draw: [(u) => this.drawMarkers(u, c)],
      },
      cursor: { drag: { x: true, y: false } },
      bands: this.options.bands?.map((b) => ({ series: [b.upper, b.lower], fill: b.fill(c) })),
      series: [
        { label: this.options.xLabel },
        ...this.options.series.map((s) => ({
          label: s.label,
          stroke: s.color(c),
          width: s.width ?? 1.5,
          dash: s.dash,
          spanGaps: true,
          points: { show: s.points ?? false },
        })),
      ],
    };
    this.plot = new uPlot(opts, this.data as uPlot.AlignedData, this.element);
    this.showLatest(this.plot);
  }

  /** Dashed vertical lines with their labels, so the parts of a run read as sections rather than one curve's jumps. */
  private drawMarkers(u: uPlot, c: ChartColors): void {
    if (this.markers.length === 0) return;
    const ctx = u.ctx;
    const dpr = window.devicePixelRatio || 1;
    ctx.save();
    ctx.strokeStyle = c.fg;
    ctx.fillStyle = c.fg;
    ctx.globalAlpha = 0.7;
    ctx.setLineDash([4 * dpr, 4 * dpr]);
    ctx.font = `${11 * dpr}px sans-serif`;
    this.markers.forEach((m, i) => {
      const x = u.valToPos(m.x, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      // Labels step down so neighbouring sections' labels do not overlap.
      ctx.fillText(m.label, x + 4 * dpr, u.bbox.top + (12 + 13 * (i % 3)) * dpr);
    });
    ctx.restore();
  }

  /** Each series' own last point: series have gaps (the loss chart's batch and epoch points interleave). */
  private showLatest(u: uPlot): void {
    const last = this.data[0].length - 1;
    if (last < 0 || u.cursor.idx != null) return;
    const idxs = this.data.map((ys, i) => {
      if (i === 0) return last;
      for (let j = last; j >= 0; j--) if (ys[j] != null) return j;
      return null;
    });
    u.setLegend({ idxs }, false);
  }

  dispose(): void {
    this.resize.disconnect();
    this.plot?.destroy();
  }
}
