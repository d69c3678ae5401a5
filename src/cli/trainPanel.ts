/** `seqlab train` on many series (a keyed or wide file), one series of them, or with covariates: one global model. */
import { relative } from 'node:path';
import { escapeControls, showText, type Panel, type PanelOptions } from '../model/data';
import {
  forecastSeries,
  modelPlace,
  placeOfFolder,
  saveModel,
  trainGlobal,
  type ModelMeta,
  type TrainConfig,
  type TrainHooks,
} from '../model';
import { UsageError } from './args';
import { EXIT_OK, formatTable, printJson, tableNumber } from './output';
import { hashFile } from './train';

export const PANEL_FLAGS = {
  series: { type: 'string', help: 'in a file of many series: train on this one only' },
  'series-column': {
    type: 'string',
    help: "column naming each row's series; none: one series (default: found)",
  },
  columns: { type: 'string', help: 'a,b,c: one model over these columns of a wide file, each a series' },
  features: { type: 'string', help: 'x,z: other numeric columns fed as inputs beside the series' },
} as const;

interface PanelFlags {
  column?: string;
  series?: string;
  'series-column'?: string;
  columns?: string;
  features?: string;
  out?: string;
  json?: boolean;
}

/** `a,b,c` → names; an empty name is a usage error. */
export function listFlag(name: string, raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((s) => s.trim());
  if (names.some((n) => n === ''))
    throw new UsageError(`--${name} takes names separated by commas (got ${JSON.stringify(raw)})`);
  return names;
}

export function panelOptions(flags: PanelFlags): PanelOptions {
  const columns = listFlag('columns', flags.columns);
  if (columns && flags.column !== undefined) throw new UsageError('use either --column or --columns');
  if (columns && flags.series !== undefined)
    throw new UsageError('--series picks a series of a long file; --columns reads a wide one');
  const features = listFlag('features', flags.features);
  return {
    ...(flags.column !== undefined && { column: flags.column }),
    ...(columns && { columns }),
    ...(features && { features }),
    ...(flags.series !== undefined && { series: flags.series }),
    ...(flags['series-column'] !== undefined && { seriesColumn: flags['series-column'] }),
  };
}

/** Every filled (made-up) value is said on stderr, whatever the output mode: never silently. */
export function reportFilled(panel: Panel): void {
  const problems = [...panel.problems, ...panel.series.flatMap((s) => s.problems)];
  for (const p of problems)
    if (/filled by linear interpolation/.test(p.message))
      process.stderr.write(
        `${escapeControls(panel.file)}: ${p.column !== undefined ? `column ${showText(p.column)}: ` : ''}${escapeControls(p.message)}\n`,
      );
}

export async function trainPanel(
  file: string,
  panel: Panel,
  config: Partial<TrainConfig>,
  hooks: TrainHooks,
  flags: PanelFlags,
): Promise<number> {
  const place = flags.out
    ? placeOfFolder(flags.out)
    : modelPlace(process.cwd(), file, { column: panel.column, series: flags.series });
  const model = await trainGlobal(panel, config, hooks);
  try {
    const meta = await saveModel(place, model, {
      dataFile: relative(process.cwd(), file),
      column: panel.column,
      dataHash: await hashFile(file),
    });
    const kept = panel.series.filter((s) => meta.series?.some((m) => m.name === (s.label ?? panel.column)));
    const perSeries = (meta.series ?? []).map((sm, k) => {
      const f = forecastSeries(model, kept[k], 1);
      return {
        name: sm.name,
        rows: sm.rows,
        metrics: sm.metrics,
        baselines: sm.baselines,
        next: f.next,
        interval: f.interval,
      };
    });
    const skipped = [...panel.skipped, ...model.skipped];
    for (const s of skipped)
      process.stderr.write(
        `${escapeControls(file)}: series ${showText(s.name)} left out: ${escapeControls(s.reason)}\n`,
      );
    const one = flags.series !== undefined || (panel.key === undefined && !panel.columns);
    if (flags.json) {
      printJson({
        column: meta.column,
        ...(meta.seriesColumn !== undefined && { seriesColumn: meta.seriesColumn }),
        cell: meta.config.cell,
        epochs: meta.epochsRun,
        bestEpoch: meta.bestEpoch,
        stopped: meta.stopped,
        trainSeconds: meta.trainSeconds,
        window: meta.window,
        differenced: meta.differenced,
        // A model over a key, wide columns or covariates never removes a season (README, "Season removal").
        deseasonalized: null,
        backend: meta.backend,
        features: meta.features ?? [],
        rows: meta.rows,
        metrics: meta.metrics,
        baselines: meta.baselines,
        ...(one
          ? {
              ...(flags.series !== undefined && { series: flags.series }),
              next: perSeries[0].next,
              interval: perSeries[0].interval,
            }
          : { series: perSeries }),
        skipped,
        modelDir: place.dir,
      });
    } else process.stdout.write(summary(meta, perSeries, place.dir));
    return EXIT_OK;
  } finally {
    model.dispose();
  }
}

function summary(
  meta: ModelMeta,
  rows: {
    name: string;
    rows: number;
    metrics: ModelMeta['metrics'];
    baselines: ModelMeta['baselines'];
    next: number;
    interval: [number, number];
  }[],
  dir: string,
): string {
  const row = (name: string, m: ModelMeta['metrics']['val']) => [
    name,
    ...[m.mae, m.rmse, m.mase].map(tableNumber),
  ];
  const pooled = formatTable(
    ['validation (pooled)', 'MAE', 'RMSE', 'MASE'],
    [
      row(`${meta.config.cell.toUpperCase()} model`, meta.metrics.val),
      row('naive', meta.baselines.naive),
      row('seasonal naive', meta.baselines.seasonalNaive),
    ],
  );
  const each = formatTable(
    ['series', 'rows', 'MAE', 'MASE', 'naive MASE', 'next', '80% interval'],
    rows.map((r) => [
      showText(r.name),
      String(r.rows),
      tableNumber(r.metrics.val.mae),
      tableNumber(r.metrics.val.mase),
      tableNumber(r.baselines.naive.mase),
      tableNumber(r.next),
      `${tableNumber(r.interval[0])} … ${tableNumber(r.interval[1])}`,
    ]),
  );
  const inputs = meta.features?.length ? `; features ${meta.features.map(showText).join(', ')}` : '';
  return (
    `${pooled}\n\n${each}\n\n${meta.config.cell.toUpperCase()} ${meta.config.units} units, window ${meta.window}` +
    `${meta.differenced ? ', first differences' : ''}${inputs}; ${meta.epochsRun} epochs, ${meta.trainSeconds.toFixed(1)} s\n` +
    `model saved to ${escapeControls(relative(process.cwd(), dir) || dir)}\n`
  );
}
