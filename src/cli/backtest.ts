/** `seqlab backtest FILE`: the network and four statistical forecasts scored on the same rolling-origin folds. */
import { relative } from 'node:path';
import { DataError, readSeries, showText } from '../model/data';
import {
  BacktestSetupError,
  checkBacktestPlace,
  modelPlace,
  placeOfFolder,
  runBacktest,
  saveBacktest,
  type BacktestReport,
} from '../model';
import { BACKTEST_MODELS } from '../shared/schema/backtest';
import { BACKTEST_MODEL_NAMES, verdictText } from '../shared/backtestVerdict';
import { parseFileCommand } from './fileCommand';
import { EXIT_OK, formatTable, printJson, tableNumber } from './output';
import { asCliError, configFrom, FLAGS as TRAIN_FLAGS } from './train';

// A backtest scores one series at a time: no --columns or --features here.
const { out: _out, json: _json, column, columns: _columns, features: _features, ...trainFlags } = TRAIN_FLAGS;

const FLAGS = {
  column,
  folds: { type: 'int', min: 1, max: 100, help: 'folds, the last folds×horizon values (default 5)' },
  horizon: { type: 'int', min: 1, max: 10000, help: 'steps ahead per fold (default: one season, else 1)' },
  ...trainFlags,
  out: {
    type: 'string',
    help: 'folder for backtest.json (default: the model folder, when the column has a model)',
  },
  json: { type: 'boolean', help: 'print one JSON object on stdout; progress goes to stderr' },
} as const;

/** Models × metrics, the best marked. */
export function backtestTable(r: BacktestReport): string {
  const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${Math.round(100 * x)}`);
  return formatTable(
    ['model', 'MAE', 'RMSE', 'sMAPE %', 'MASE', `in ${Math.round(r.level * 100)}% int. %`, ''],
    BACKTEST_MODELS.map((k) => {
      const m = r.models[k];
      const failed = m.perFold.filter((f) => f.error !== undefined).length;
      return [
        k === 'rnn' ? `${r.cell.toUpperCase()} network` : BACKTEST_MODEL_NAMES[k],
        ...[m.mae, m.rmse, m.smape, m.mase].map(tableNumber),
        pct(m.coverage),
        k === r.best ? '← best' : failed ? `failed on ${failed} fold${failed > 1 ? 's' : ''}` : '',
      ];
    }),
  );
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseFileCommand('backtest', argv, FLAGS);
  if (!parsed) return EXIT_OK;
  const { file, flags } = parsed;
  // --out is checked before any work: a folder that is not a model's or a backtest's, or a backtest.json SeqLab did
  // not write, fails at once and nothing is written.
  const out = flags.out === undefined ? undefined : placeOfFolder(flags.out);
  if (out) await checkBacktestPlace(out).catch((e: unknown) => Promise.reject(asCliError(e, file)));
  const series = await readSeries(
    { path: file },
    {
      ...(flags.column !== undefined && { column: flags.column }),
      ...(flags.series !== undefined && { series: flags.series }),
      ...(flags['series-column'] !== undefined && { seriesColumn: flags['series-column'] }),
    },
  );
  let lastFold = 0;
  try {
    const report = await runBacktest(series, {
      folds: flags.folds,
      horizon: flags.horizon,
      config: configFrom(flags),
      onProgress: (p) => {
        if (p.fold !== lastFold) process.stderr.write(`backtest: fold ${p.fold}/${p.folds}\n`);
        lastFold = p.fold;
      },
    });
    const place = out ?? modelPlace(process.cwd(), file, { column: series.name, series: flags.series });
    // Beside a trained model by default (Predict and the Models tree report it); anywhere the user names with --out.
    const saved = await saveBacktest(place, report, flags.out !== undefined).catch((e: unknown) => {
      if (flags.out !== undefined) throw e;
      return undefined;
    });
    if (flags.json) printJson({ ...report, ...(saved && { file: saved }) });
    else {
      const lines = [
        `${showText(series.name)}: ${report.folds} folds of ${report.horizon} step${report.horizon > 1 ? 's' : ''}` +
          `, season ${report.season}, ${tableNumber(report.seconds)} s`,
        backtestTable(report),
        verdictText(report),
      ];
      if (saved) lines.push(`saved ${relative(process.cwd(), saved) || saved}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return EXIT_OK;
  } catch (err) {
    if (err instanceof BacktestSetupError) throw new DataError(file, err.message, { column: series.name });
    throw asCliError(err, file);
  }
}
