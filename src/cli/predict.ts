/** `seqlab predict FILE`: the next value (and n steps) from the model trained on FILE's column. */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readPanel, readSeries, showText } from '../model/data';
import {
  checkModelTarget,
  forecast,
  loadBacktest,
  modelPlace,
  placeOfFolder,
  plainMethodForecast,
  twoSidedZ,
  type CheckMethod,
  type Forecast,
  type ModelPlace,
} from '../model';
import { loserLine, METHOD_FLAG, METHOD_NAME } from './checkReport';
import { PANEL_FLAGS, panelOptions } from './trainPanel';
import { predictPanel } from './predictPanel';
import { BACKENDS } from '../shared/schema/config';
import { parseFileCommand } from './fileCommand';
import { loadTrained } from './loadTrained';
import { EXIT_OK, tableNumber, printJson } from './output';
import { asCliError } from './train';

const FLAGS = {
  column: { type: 'string', help: 'column the model was trained on (default: the only numeric one)' },
  steps: { type: 'int', min: 1, max: 10000, help: 'values to forecast, each fed back as input (default 1)' },
  level: { type: 'number', min: 0.01, max: 0.99, help: 'interval level (default 0.8)' },
  model: { type: 'string', help: 'model folder (default .seqlab/FILE/COLUMN/)' },
  backend: {
    type: 'string',
    choices: BACKENDS,
    help: 'TensorFlow.js backend, for a model only tfjs-layers runs (default auto)',
  },
  method: {
    type: 'string',
    choices: ['model', ...Object.values(METHOD_FLAG)],
    help: 'model (default), or a plain method to forecast with instead: naive, seasonal-naive, theta',
  },
  json: { type: 'boolean', help: 'print one JSON object on stdout' },
  series: PANEL_FLAGS.series,
  'series-column': PANEL_FLAGS['series-column'],
  columns: PANEL_FLAGS.columns,
} as const;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseFileCommand('predict', argv, FLAGS);
  if (!parsed) return EXIT_OK;
  const { file, flags } = parsed;
  // A model folder named on the command line says how to read the file; otherwise the file says which model.
  const panel = flags.model ? undefined : await readPanel({ path: file }, panelOptions(flags));
  const column = panel?.column ?? '';
  const place = flags.model ? placeOfFolder(flags.model) : await modelFor(file, column, flags.series);
  const dir = place.dir;
  try {
    const model = await loadTrained(file, place, column, flags.backend);
    try {
      // The folder must hold what was asked for: the file's column (or --column with --model) and --series.
      checkModelTarget(dir, model.meta, {
        ...((panel || flags.column !== undefined) && { column: panel ? column : flags.column }),
        ...(flags.series !== undefined && { series: flags.series }),
      });
      if (model.meta.series) return await predictPanel(file, model, flags, flags['series-column'], dir);
      const series =
        panel && !panel.key && !panel.columns
          ? panel.series[0]
          : await readSeries(
              { path: file },
              { ...(flags.column !== undefined && { column: flags.column }), seriesColumn: 'none' },
            );
      const steps = flags.steps ?? 1;
      const method = (Object.keys(METHOD_FLAG) as CheckMethod[]).find((k) => METHOD_FLAG[k] === flags.method);
      const f = method
        ? plainForecastOf(method, series.values, steps, model.meta.season, flags.level ?? 0.8)
        : forecast(model, series, steps, flags.level ?? 0.8);
      const better = !method && model.meta.check?.better;
      const backtest = method ? undefined : await backtestCoverage(place, f.level);
      if (flags.json) {
        printJson({
          column: series.name,
          method: method ? METHOD_FLAG[method] : 'model',
          better: (better && METHOD_FLAG[better]) || null,
          next: f.next,
          interval: f.interval,
          level: f.level,
          forecast: f.forecast,
          intervals: f.intervals,
          intervalMethod: f.intervalMethod,
          coverage: f.coverage ?? null,
          backtestCoverage: backtest ?? null,
          modelDir: dir,
        });
      } else {
        const pct = Math.round(f.level * 100);
        // An out-of-sample figure: the backtest's where the model has one, else the calibration's held-out half.
        const achieved =
          backtest !== undefined
            ? `, ${Math.round(backtest * 100)}% of actuals covered in its backtest`
            : f.coverage === undefined
              ? ', coverage not measured'
              : `, ${Math.round(f.coverage * 100)}% achieved on held-out validation forecasts`;
        const lines = [
          `${showText(series.name)}: next value ${tableNumber(f.next)}  (${pct}% interval ${tableNumber(f.interval[0])} … ${tableNumber(f.interval[1])}${achieved})`,
        ];
        if (steps > 1) lines.push(`forecast: ${f.forecast.map(tableNumber).join(', ')}`);
        if (method) lines.push(`forecast by ${METHOD_NAME[method]}, not by the network`);
        if (better) lines.push(loserLine(model.meta));
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      return EXIT_OK;
    } finally {
      model.dispose();
    }
  } catch (err) {
    throw asCliError(err, file);
  }
}

/** The coverage of the network's intervals in the model's last backtest (backtest.json), at the level asked for. */
async function backtestCoverage(place: ModelPlace, level: number): Promise<number | undefined> {
  const report = await loadBacktest(place).catch(() => undefined);
  const c = report?.models.rnn.coverage;
  return report && report.level === level && typeof c === 'number' && Number.isFinite(c) ? c : undefined;
}

/** A plain method's forecast in predict's shape; its interval is the method's own (normal), coverage unmeasured. */
function plainForecastOf(
  method: CheckMethod,
  values: Float64Array,
  steps: number,
  season: number,
  level: number,
): Forecast {
  const f = plainMethodForecast(method, values, values.length, steps, season, twoSidedZ(level));
  const intervals = f.point.map((_, i): [number, number] => [
    (f.lower ?? f.point)[i],
    (f.upper ?? f.point)[i],
  ]);
  return {
    next: f.point[0],
    level,
    interval: intervals[0],
    forecast: f.point,
    intervals,
    intervalMethod: 'residual',
  };
}

/** One series' own model if it was trained alone (train --series), else the model of the whole column. */
export async function modelFor(
  file: string,
  column: string,
  series: string | undefined,
): Promise<ModelPlace> {
  const whole = modelPlace(process.cwd(), file, column);
  if (series === undefined) return whole;
  const own = modelPlace(process.cwd(), file, { column, series });
  return existsSync(join(own.dir, 'meta.json')) ? own : whole;
}
