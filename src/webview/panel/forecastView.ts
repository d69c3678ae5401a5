/**
 * The forecast card: the end of the series, the forecast past it and its interval as a band, with the interval's
 * nominal level and the coverage it achieved when calibrated, and a table alternative holding the same numbers.
 */
import { formatNumber } from '../../shared/formatNumber';
import type { ForecastMessage, PanelStrings } from '../../shared/protocol';
import { forecastData } from './chartData';
import { el, format, section } from './dom';
import { LineChart } from './lineChart';
import { TableAlternative } from './tableAlternative';

export class ForecastView {
  private readonly chart: LineChart;
  private readonly caption = el('p', 'caption');
  private readonly table: TableAlternative;

  constructor(
    parent: HTMLElement,
    private readonly s: PanelStrings,
    column: string,
  ) {
    const card = section(parent, 'forecast', s.forecast);
    card.append(this.caption);
    this.caption.setAttribute('aria-live', 'polite');
    // Series 3 and 4 are the interval's low and high edges; the band fills between them.
    this.chart = new LineChart(card, {
      title: s.forecast,
      xLabel: s.step,
      yLabel: column,
      series: [
        { label: s.history, color: (c) => c.actual, width: 1.5 },
        { label: s.forecast, color: (c) => c.predicted, width: 2 },
        { label: s.intervalLow, color: (c) => c.predicted, width: 1, dash: [4, 3] },
        { label: s.intervalHigh, color: (c) => c.predicted, width: 1, dash: [4, 3] },
      ],
      bands: [{ upper: 4, lower: 3, fill: (c) => c.band }],
    });
    this.table = new TableAlternative(card, s.value, s.forecast);
  }

  show(m: ForecastMessage): void {
    const f = m.forecast;
    const data = forecastData(m.history, f);
    this.chart.setData(data);
    const level = Math.round(f.level * 100);
    this.caption.textContent =
      f.coverage === undefined || !Number.isFinite(f.coverage)
        ? format(this.s.forecastNominal, level)
        : format(this.s.forecastCoverage, level, Math.round(f.coverage * 100));
    this.chart.element.dataset.steps = String(f.forecast.length);
    // The chart joins the forecast to the last known value at step 0; the table keeps the two apart.
    const [x, hist, ...ahead] = data;
    this.table.set({
      head: [this.s.step, this.s.history, this.s.forecast, this.s.intervalLow, this.s.intervalHigh],
      rows: x.map((step, i) => [
        String(step),
        step <= 0 ? formatNumber(hist[i] ?? undefined) : '',
        ...ahead.map((col) => (step > 0 ? formatNumber(col[i] ?? undefined) : '')),
      ]),
    });
  }

  retheme(): void {
    this.chart.retheme();
  }
}
