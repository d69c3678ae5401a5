/** `seqlab predict` with a global model: one series (--series), or every series of the file ({"forecasts": […]}). */
import { showText } from '../model/data';
import { forecastPanel, readModelPanel, type LoadedModel } from '../model';
import { EXIT_OK, printJson, tableNumber } from './output';

export interface PanelPredictFlags {
  series?: string;
  steps?: number;
  level?: number;
  json?: boolean;
}

/** Reads the file as the model was trained (key, columns, features) and forecasts its series. */
export async function predictPanel(
  file: string,
  model: LoadedModel,
  flags: PanelPredictFlags,
  seriesColumn: string | undefined,
  dir: string,
): Promise<number> {
  const m = model.meta;
  const panel = await readModelPanel({ path: file }, m, {
    ...(flags.series !== undefined && { series: flags.series }),
    ...(seriesColumn !== undefined && { seriesColumn }),
  });
  const steps = flags.steps ?? 1;
  const level = flags.level ?? 0.8;
  const { forecasts, skipped } = forecastPanel(model, panel, {
    ...(flags.series !== undefined && { asked: flags.series }),
    steps,
    level,
  });
  const many = flags.series === undefined && (m.seriesColumn !== undefined || m.columns !== undefined);
  if (flags.json) {
    const [{ series, ...f }] = forecasts;
    printJson(
      many
        ? { column: m.column, forecasts, skipped, modelDir: dir }
        : { column: m.column, ...(flags.series !== undefined && { series }), ...f, modelDir: dir },
    );
    return EXIT_OK;
  }
  const pct = Math.round(level * 100);
  const lines = forecasts.map(
    (f) =>
      `${showText(f.series)}: next value ${tableNumber(f.next)}  (${pct}% interval ${tableNumber(f.interval[0])} … ${tableNumber(f.interval[1])})` +
      (steps > 1 ? `\n  forecast: ${f.forecast.map(tableNumber).join(', ')}` : ''),
  );
  for (const s of skipped) lines.push(`${showText(s.name)}: no forecast (${s.reason})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
