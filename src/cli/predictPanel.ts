/** `seqlab predict` with a global model: one series (--series), or every series of the file ({"forecasts": […]}). */
import { showText, type Series } from '../model/data';
import { forecastSeries, readModelPanel, type LoadedModel } from '../model';
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
  const known = new Set((m.series ?? []).map((s) => s.name));
  const nameOf = (s: Series) => s.label ?? m.column;
  // With --series the one asked for must be known (forecastSeries says so); without, unknown series are listed.
  const usable = flags.series !== undefined ? panel.series : panel.series.filter((s) => known.has(nameOf(s)));
  const forecasts = usable.map((s) => ({ series: nameOf(s), ...forecastSeries(model, s, steps, level) }));
  const skipped = [
    ...panel.skipped,
    ...panel.series
      .filter((s) => !usable.includes(s))
      .map((s) => ({ name: nameOf(s), reason: 'the model was not trained on this series' })),
  ];
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
