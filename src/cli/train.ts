/** `seqlab train FILE`: trains on one column, saves the model under .seqlab/, prints model vs baselines. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { relative } from 'node:path';
import { DataError, escapeControls, readPanel } from '../model/data';
import {
  ConfigError,
  ModelMismatchError,
  PRESETS,
  StoreError,
  TrainingError,
  deseasonReport,
  forecast,
  modelPlace,
  placeOfFolder,
  saveModel,
  trainModel,
  type EpochReport,
  type ModelMeta,
  type TrainConfig,
  type TrainHooks,
} from '../model';
import { UsageError, type Flags } from './args';
import {
  BACKENDS,
  CELLS,
  CONFIG_LIMITS,
  COMBINE,
  TRANSFORMS,
  DESEASONALIZE,
  DIFFERENCES,
  THREAD_CHOICES,
  parseThreads,
  type NumberLimit,
} from '../shared/schema/config';
import { parseFileCommand } from './fileCommand';
import { checkJson, checkLines } from './checkReport';
import { EXIT_OK, tableNumber, formatTable, printJson, ProgressBar } from './output';
import { PANEL_FLAGS, panelOptions, reportFilled, trainPanel } from './trainPanel';

/** A numeric flag's type and range, from the config schema (an exclusive minimum is left to resolveConfig). */
function range(key: keyof typeof CONFIG_LIMITS): { type: 'int' | 'number'; min?: number; max: number } {
  const l: NumberLimit = CONFIG_LIMITS[key];
  return { type: l.integer ? 'int' : 'number', ...(l.exclusiveMin ? {} : { min: l.min }), max: l.max };
}

export const FLAGS = {
  column: { type: 'string', help: 'numeric column to model (default: the only one)' },
  cell: { type: 'string', choices: CELLS, help: 'recurrent cell (default gru)' },
  units: { ...range('units'), help: 'units per layer (default 16)' },
  layers: { ...range('layers'), help: 'recurrent layers (default 1)' },
  window: { ...range('window'), help: 'time steps per window; 0 chooses from the data (default)' },
  epochs: { ...range('epochs'), help: 'most epochs (default 100; early stopping may end sooner)' },
  batch: { ...range('batchSize'), help: 'batch size (default 128)' },
  lr: { ...range('learningRate'), help: 'Adam learning rate (default 0.01)' },
  'val-split': { ...range('validationSplit'), help: 'share of the end used for validation (default 0.2)' },
  seed: { ...range('seed'), help: 'random seed (default 42)' },
  patience: { ...range('patience'), help: 'epochs without improvement before stopping; 0 never stops early' },
  threads: {
    type: 'string',
    choices: THREAD_CHOICES,
    help: 'training threads (default auto: one per core, up to 2, when a batch has the work)',
  },
  'time-budget': {
    ...range('timeBudgetSeconds'),
    help: 'seconds training may take; long series get shorter epochs (default 60, 0: no limit)',
  },
  difference: { type: 'string', choices: DIFFERENCES, help: 'model first differences (default auto)' },
  deseasonalize: {
    type: 'string',
    choices: DESEASONALIZE,
    help: 'remove the season before the network (default auto: keeps the better of both on validation)',
  },
  transform: {
    type: 'string',
    choices: TRANSFORMS,
    help: "log: model the logarithm of a positive series; auto (default): also tried where Guerrero's rule favours it",
  },
  ensemble: {
    ...range('ensemble'),
    help: 'networks trained with other seeds; the forecast is their median (default 5)',
  },
  combine: {
    type: 'string',
    choices: COMBINE,
    help: "best (default): weigh the network's forecast with the best plain method's on validation; theta: with Theta's; off: the network alone",
  },
  preset: { type: 'string', choices: Object.keys(PRESETS), help: "the seed tutorial's set-up, done right" },
  backend: {
    type: 'string',
    choices: BACKENDS,
    help: 'kept for older scripts: training runs on the WebAssembly kernel whatever this says',
  },
  out: { type: 'string', help: 'model folder (default .seqlab/FILE/COLUMN/)' },
  json: { type: 'boolean', help: 'print one JSON object on stdout; progress goes to stderr' },
  ...PANEL_FLAGS,
} as const;

/** The core's errors as the CLI reports them: a bad setting is a usage error, the rest name the file. */
export function asCliError(err: unknown, file: string): unknown {
  if (err instanceof ConfigError) return new UsageError(err.message);
  if (err instanceof StoreError) return new DataError(err.file, err.what);
  if (err instanceof TrainingError || err instanceof ModelMismatchError)
    return new DataError(file, err.message);
  return err;
}

/** sha256 of the file's bytes, streamed so a large file is never held in memory twice. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The preset (if any), then every flag given; flags not given leave the preset's value alone. */
export function configFrom(flags: Flags<typeof FLAGS>): Partial<TrainConfig> {
  const given: Partial<TrainConfig> = {
    ...(flags.cell && { cell: flags.cell as TrainConfig['cell'] }),
    units: flags.units,
    layers: flags.layers,
    window: flags.window,
    epochs: flags.epochs,
    batchSize: flags.batch,
    learningRate: flags.lr,
    validationSplit: flags['val-split'],
    seed: flags.seed,
    patience: flags.patience,
    timeBudgetSeconds: flags['time-budget'],
    threads: flags.threads === undefined ? undefined : parseThreads(flags.threads),
    ...(flags.difference && { difference: flags.difference as TrainConfig['difference'] }),
    ...(flags.deseasonalize && {
      deseasonalize: flags.deseasonalize as TrainConfig['deseasonalize'],
    }),
    ensemble: flags.ensemble,
    ...(flags.transform && { transform: flags.transform as TrainConfig['transform'] }),
    ...(flags.combine && { combine: flags.combine as TrainConfig['combine'] }),
    ...(flags.backend && { backend: flags.backend as TrainConfig['backend'] }),
  };
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { ...(flags.preset ? PRESETS[flags.preset] : {}), ...defined };
}

/** Model vs naive vs seasonal naive, in the series' units. */
export function summaryTable(meta: ModelMeta): string {
  const row = (name: string, m: ModelMeta['metrics']['val']) => [
    name,
    ...[m.mae, m.rmse, m.mse, m.mape, m.smape, m.mase].map(tableNumber),
  ];
  const b = meta.baselines;
  return formatTable(
    ['validation', 'MAE', 'RMSE', 'MSE', 'MAPE %', 'sMAPE %', 'MASE'],
    [
      row(`${meta.config.cell.toUpperCase()} model`, meta.metrics.val),
      row('naive', b.naive),
      row(`seasonal naive (${b.season})`, b.seasonalNaive),
    ],
  );
}

/** "; 180000 of 799976 windows per epoch, time budget 60 s reached", saying only what differs from plain epochs. */
function budgetNote(meta: ModelMeta): string {
  const parts: string[] = [];
  const { trainWindows, windowsPerEpoch } = meta;
  if (trainWindows !== undefined && windowsPerEpoch !== undefined && windowsPerEpoch < trainWindows)
    parts.push(`${windowsPerEpoch} of ${trainWindows} windows per epoch`);
  if (meta.budgetCut) parts.push(`time budget ${meta.config.timeBudgetSeconds ?? 0} s reached`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

/** train --json's "deseasonalized": null when no season was considered; errors null unless 'auto' measured them. */
function deseasonJson(meta: ModelMeta) {
  const d = deseasonReport(meta);
  return d && { ...d, errors: d.errors ?? null };
}

/** One line on the season removal, or nothing when none was considered. */
function deseasonLine(meta: ModelMeta): string {
  const d = deseasonReport(meta);
  if (!d) return '';
  const what = `season ${d.season} (${d.method === 'mul' ? 'multiplicative' : 'additive'})`;
  const errors = d.errors
    ? `: multi-step validation MAE ${tableNumber(d.errors.on)} removed, ${tableNumber(d.errors.off)} kept`
    : '';
  return `${what} ${d.applied ? 'removed before the network' : 'kept in the input'}${errors}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseFileCommand('train', argv, FLAGS);
  if (!parsed) return EXIT_OK;
  const { file, flags } = parsed;
  const panel = await readPanel({ path: file }, panelOptions(flags));
  reportFilled(panel);
  let stop = false;
  const onSigint = () => {
    stop = true;
  };
  process.once('SIGINT', onSigint);
  let bar: ProgressBar | undefined;
  const hooks: TrainHooks = {
    shouldStop: () => stop,
    onBatch: (r) => {
      if (r.batch === 1) bar = new ProgressBar(r.batches, `epoch ${r.epoch}`);
      bar?.update(r.batch, `loss ${tableNumber(r.loss)}`);
    },
    onEpoch: (r) => {
      bar?.finish();
      if (flags.json || !process.stderr.isTTY) return;
      if (r.epoch === r.epochs || r.best || r.epoch % 10 === 0) {
        process.stderr.write(
          `epoch ${r.epoch}/${r.epochs}${candidate(r)}  loss ${tableNumber(r.loss)}  val ${tableNumber(r.valLoss)}${r.best ? '  *' : ''}\n`,
        );
      }
    },
  };
  try {
    if (panel.key !== undefined || panel.columns || panel.features.length > 0)
      return await trainPanel(file, panel, configFrom(flags), hooks, flags);
    const series = panel.series[0];
    const place = flags.out ? placeOfFolder(flags.out) : modelPlace(process.cwd(), file, series.name);
    const out = place.dir;
    const model = await trainModel(series, configFrom(flags), hooks);
    try {
      const meta = await saveModel(place, model, {
        dataFile: relative(process.cwd(), file),
        column: series.name,
        dataHash: await hashFile(file),
      });
      const next = forecast(model, series, 1);
      const m = meta.metrics.val;
      if (flags.json) {
        printJson({
          column: meta.column,
          cell: meta.config.cell,
          epochs: meta.epochsRun,
          bestEpoch: meta.bestEpoch,
          stopped: meta.stopped,
          trainSeconds: meta.trainSeconds,
          trainWindows: meta.trainWindows,
          windowsPerEpoch: meta.windowsPerEpoch,
          budgetSeconds: meta.config.timeBudgetSeconds ?? 0,
          budgetCut: meta.budgetCut ?? false,
          threads: meta.threads ?? 1,
          window: meta.window,
          differenced: meta.differenced,
          log: meta.log ?? false,
          deseasonalized: deseasonJson(meta),
          backend: meta.backend,
          metrics: { val: m },
          baselines: meta.baselines,
          rows: meta.rows,
          features: [],
          ...checkJson(meta),
          next: next.next,
          interval: next.interval,
          modelDir: out,
        });
      } else {
        const how = `${meta.epochsRun} epochs${meta.stopped ? ' (stopped)' : ''}, best ${meta.bestEpoch}, ${meta.trainSeconds.toFixed(1)} s on ${meta.backend}${(meta.threads ?? 1) > 1 ? `, ${meta.threads} threads` : ''}${budgetNote(meta)}`;
        process.stdout.write(
          `${summaryTable(meta)}\n\n${meta.config.cell.toUpperCase()} ${meta.config.units} units, window ${meta.window}` +
            `${meta.log ? ', log' : ''}${meta.differenced ? ', first differences' : ''}; ${how}\n` +
            deseasonLine(meta) +
            checkLines(meta) +
            `next value: ${tableNumber(next.next)}  (80% interval ${tableNumber(next.interval[0])} … ${tableNumber(next.interval[1])})\n` +
            `model saved to ${escapeControls(relative(process.cwd(), out) || out)}\n`,
        );
      }
      return EXIT_OK;
    } finally {
      model.dispose();
    }
  } catch (err) {
    bar?.finish();
    throw asCliError(err, file);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** Which of 'auto''s two candidates an epoch trains (it counts twice the epochs asked for). */
function candidate(r: EpochReport): string {
  const tags = [
    ...(r.seasonRemoved === undefined ? [] : [r.seasonRemoved ? 'season removed' : 'season kept']),
    ...(r.log === undefined ? [] : [r.log ? 'log' : 'no log']),
    ...(r.differenced === undefined ? [] : [r.differenced ? 'differences' : 'levels']),
    ...(r.part?.member ? [`ensemble member, part ${r.part.index} of ${r.part.count}`] : []),
  ];
  return tags.length ? `  (${tags.join(', ')})` : '';
}
