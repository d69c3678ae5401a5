/**
 * What a training run reads from a file of many series or with covariates: the column, then (when the file has a
 * series key) "All series (one model)" or one series; training starts then. Covariates are asked for only after the
 * column pick's "Customize…" entry: the column again, the series, then a multi-select of the other columns (none by
 * default). Callers that pass the column (tests, the panel's Retrain) are not asked: all series, and no covariates
 * unless given.
 */
import * as vscode from 'vscode';
import type { Inspected, WireSource } from '../../shared/protocol';
import { chooseColumn, chooseColumnOrCustomize, CUSTOMIZE } from './columnPick';
import type { WorkerClient } from './workerClient';

export interface TrainTarget {
  column: string;
  /** One series of a keyed file; absent: every series (one global model) or the file's only series. */
  series?: string;
  /** The key column found by the inspection. */
  seriesColumn?: string;
  features: string[];
}

export interface TargetArgs {
  column?: string;
  /** A series name, or null for "All series (one model)". */
  series?: string | null;
  features?: string[];
}

/** Undefined when the user dismissed a step. */
export async function pickTarget(
  client: WorkerClient,
  source: WireSource,
  label: string,
  args: TargetArgs,
): Promise<TrainTarget | undefined> {
  const inspected = await client.inspect(source);
  const asked = args.column === undefined;
  let column = args.column;
  let customize = false;
  if (column === undefined) {
    const first =
      args.features === undefined
        ? await chooseColumnOrCustomize(inspected, label)
        : await chooseColumn(inspected, label);
    customize = first === CUSTOMIZE;
    column = first === CUSTOMIZE ? await chooseColumn(inspected, label) : first;
  }
  if (column === undefined) return undefined;
  const key = inspected.seriesKey ?? undefined;
  let series = args.series ?? undefined;
  if (key && args.series === undefined && asked) {
    const picked = await pickSeries(inspected, column, label);
    if (picked === undefined) return undefined;
    series = picked.series;
  }
  let features = args.features;
  if (features === undefined) {
    features = asked && customize ? await pickFeatures(inspected, column, label) : [];
    if (features === undefined) return undefined;
  }
  return {
    column,
    ...(series !== undefined && { series }),
    ...(key && { seriesColumn: key.column }),
    features,
  };
}

async function pickSeries(
  inspected: Inspected,
  column: string,
  label: string,
): Promise<{ series?: string } | undefined> {
  const key = inspected.seriesKey;
  if (!key) return {};
  const sparks = inspected.seriesSparklines?.[column] ?? {};
  const all = {
    label: vscode.l10n.t('All series (one model)'),
    description: vscode.l10n.t('{0} series · one network learns from every one', key.series.length),
    series: undefined as string | undefined,
  };
  const items = [
    all,
    ...key.series.map((s) => ({
      label: s.name,
      description: vscode.l10n.t('{0} rows', s.rows),
      detail: sparks[s.name],
      series: s.name as string | undefined,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('SeqLab: which series of {0} ({1} names the series)?', label, key.column),
    placeHolder: vscode.l10n.t('Series to train on'),
    matchOnDescription: true,
  });
  return picked && { series: picked.series };
}

/** Other usable numeric columns as covariates; none is picked by default, and an empty pick means none. */
async function pickFeatures(
  inspected: Inspected,
  column: string,
  label: string,
): Promise<string[] | undefined> {
  const others = inspected.usable.filter((c) => c !== column);
  if (others.length === 0) return [];
  const items = others.map((name) => ({
    label: name,
    detail: inspected.sparklines[name],
    picked: false,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('SeqLab: covariates for {0} ({1})', column, label),
    placeHolder: vscode.l10n.t('Columns fed as inputs beside {0} (none: press Enter)', column),
    canPickMany: true,
  });
  return picked?.map((p) => p.label);
}
