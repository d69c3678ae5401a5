/**
 * Forecasts of every series a global model knows in a file read the way it was trained (readModelPanel), shared by
 * `seqlab predict` and the extension's worker so both list the same series and skip the same ones for the same reasons.
 */
import type { Series } from '../data/types';
import type { Panel } from '../data/panel';
import type { Forecast } from '../types';
import type { ModelHandle } from '../network/handle';
import { forecastSeries } from './forecastGlobal';

export interface SeriesForecast extends Forecast {
  series: string;
}

export interface PanelForecast {
  forecasts: SeriesForecast[];
  skipped: { name: string; reason: string }[];
}

/** A series' name as the model stores it: its key or wide column, else the model's column. */
export function seriesName(model: ModelHandle, s: Series): string {
  return s.label ?? model.meta.column;
}

/**
 * With `asked` the panel holds only that series, which must be known (forecastSeries says so); without it, series
 * the model was not trained on are skipped with that reason rather than forecast with another series' scaling.
 */
export function forecastPanel(
  model: ModelHandle,
  panel: Pick<Panel, 'series' | 'skipped'>,
  opts: { asked?: string; steps?: number; level?: number } = {},
): PanelForecast {
  const known = new Set((model.meta.series ?? []).map((s) => s.name));
  const usable =
    opts.asked !== undefined ? panel.series : panel.series.filter((s) => known.has(seriesName(model, s)));
  const forecasts = usable.map((s) => ({
    series: seriesName(model, s),
    ...forecastSeries(model, s, opts.steps ?? 1, opts.level ?? 0.8),
  }));
  const skipped = [
    ...panel.skipped,
    ...panel.series
      .filter((s) => !usable.includes(s))
      .map((s) => ({ name: seriesName(model, s), reason: 'the model was not trained on this series' })),
  ];
  return { forecasts, skipped };
}
