/**
 * Predict, Probe, Inspect, Check and NewRow: answered as requests, on a saved model (or just the data) as it is now.
 * Every parse of a data file happens here, so the extension host never parses one, however large; it only turns
 * the answers into quick picks, diagnostics and editor edits.
 */
import { plainMethodForecast, type CheckMethod } from '../model/forecast/check';
import type { Forecast } from '../shared/types';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { inspectData, readPanel, readSeries, usableColumns, type Layout } from '../model/data';
import { newRowEdits } from '../model/data/newRow/newRowText';
import { seriesRowEdits } from '../model/data/newRow/seriesRows';
import { sourceName } from '../model/data/source';
import { errorText } from '../shared/errorText';
import { sparkline } from '../shared/sparkline';
import { MAX_TRACE_POINTS, recentTrace } from './traces';
import {
  checkModelTarget,
  forecast,
  forecastPanel,
  loadModel,
  probeHidden,
  readModelPanel,
  seriesMetaFor,
  type LoadedModel,
} from '../model';
import { seriesHidden, seriesTrace } from '../model/forecast/seriesViews';
import { chooseSeries } from '../model/explain/modelSeries';
import type {
  CheckRequest,
  Checked,
  NewRowPlanned,
  WireSource,
  NewRowRequest,
  NewSeriesRowsRequest,
  InspectRequest,
  Inspected,
  PredictRequest,
  Predicted,
  ProbeRequest,
  Probed,
} from '../shared/protocol';

/** Sparklines parse the file once per column: beyond this size the column pick shows counts and ranges only. */
const SPARK_MAX_BYTES = 64 * 1024 * 1024;
const SPARK_MAX_COLUMNS = 20;

export async function inspect(req: InspectRequest): Promise<Inspected> {
  const inspection = await inspectData(req.source);
  const usable = usableColumns(inspection);
  const sparklines: Record<string, string> = {};
  const size = 'bytes' in req.source ? req.source.bytes.length : await fileSize(req.source.path);
  if (usable.length > 1 && size <= SPARK_MAX_BYTES) {
    for (const column of usable.slice(0, SPARK_MAX_COLUMNS)) {
      try {
        sparklines[column] = sparkline((await readSeries(req.source, { column })).values);
      } catch {
        // A column that cannot become a series simply has no sparkline.
      }
    }
  }
  const firstError = inspection.problems.find((p) => p.severity === 'error')?.message;
  const seriesKey = inspection.seriesKey;
  const seriesSparklines =
    seriesKey && size <= SPARK_MAX_BYTES
      ? await sparklinesBySeries(req.source, usable, seriesKey.column)
      : {};
  return {
    type: 'inspected',
    rows: inspection.rows,
    columns: inspection.columns,
    usable,
    sparklines,
    firstError,
    seriesKey,
    seriesSparklines,
  };
}

/** A sparkline of each series of each usable column of a keyed file (one parse per column, like `sparklines`). */
async function sparklinesBySeries(
  source: InspectRequest['source'],
  usable: string[],
  seriesColumn: string,
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const column of usable.slice(0, SPARK_MAX_COLUMNS)) {
    try {
      const panel = await readPanel(source, { column, seriesColumn });
      out[column] = Object.fromEntries(panel.series.map((s) => [s.label ?? column, sparkline(s.values)]));
    } catch {
      // A column that cannot become series simply has no sparklines.
    }
  }
  return out;
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

/** A plain method's forecast from the end of the series, its 80% interval the method's own. */
function plainMethodPrediction(
  method: CheckMethod,
  values: Float64Array,
  steps: number,
  season: number,
): Forecast {
  const f = plainMethodForecast(method, values, values.length, Math.max(1, steps), season);
  const intervals = f.point.map((_, i): [number, number] => [
    (f.lower ?? f.point)[i],
    (f.upper ?? f.point)[i],
  ]);
  return {
    next: f.point[0],
    level: 0.8,
    interval: intervals[0],
    forecast: f.point,
    intervals,
    intervalMethod: 'residual',
  };
}

export async function predict(req: PredictRequest): Promise<Predicted> {
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    checkModelTarget(req.modelDir, model.meta, {
      ...(req.column !== undefined && { column: req.column }),
      ...(req.series !== undefined && { series: req.series }),
    });
    if (model.meta.series) return await predictPanel(req, model);
    const series = await readSeries(req.source, { column: model.meta.column });
    const history = req.history ? Array.from(series.values.subarray(-req.history)) : undefined;
    return {
      type: 'predicted',
      column: model.meta.column,
      forecast: req.method
        ? plainMethodPrediction(req.method, series.values, req.steps, model.meta.season)
        : forecast(model, series, req.steps),
      history,
    };
  } finally {
    model.dispose();
  }
}

/**
 * A model of many series, or with covariates: the file is read the way it was trained. A model of one series of a
 * keyed file forecasts that series; a global one the series asked for, or all it knows when none is.
 */
async function predictPanel(req: PredictRequest, model: LoadedModel): Promise<Predicted> {
  const m = model.meta;
  const keyed = m.seriesColumn !== undefined || m.columns !== undefined;
  const asked = req.series ?? (keyed && m.series?.length === 1 ? m.series[0].name : undefined);
  const panel = await readModelPanel(req.source, m, asked === undefined ? {} : { series: asked });
  const { forecasts, skipped } = forecastPanel(model, panel, {
    ...(asked !== undefined && { asked }),
    steps: req.steps,
  });
  if (forecasts.length === 0)
    throw new Error(
      `${basename(sourceName(req.source))}: no series could be forecast (${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})`,
    );
  const [{ series, ...first }] = forecasts;
  const values = panel.series[0].values;
  return {
    type: 'predicted',
    column: m.column,
    forecast: first,
    history: req.history ? Array.from(values.subarray(-req.history)) : undefined,
    ...(keyed && asked !== undefined && { series }),
    ...(keyed && asked === undefined && { forecasts, skipped }),
  };
}

export async function probe(req: ProbeRequest): Promise<Probed> {
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    // Read as the model was trained (key, wide columns, features): a keyed model's column alone is no one series.
    const chosen = chooseSeries(await readModelPanel(req.source, model.meta), model.meta, req.series);
    const { series } = chosen;
    const m = model.meta;
    // A global or covariate model: the series' own scalers and split (the panel's series views do the same).
    const place = m.series ? seriesMetaFor(model, series) : undefined;
    const shape = { window: m.window, differenced: m.differenced };
    return {
      type: 'probed',
      states: place
        ? seriesHidden(model.net, series, place, shape, req.start)
        : probeHidden(model, series, req.start),
      seriesLength: series.values.length,
      window: m.window,
      trace: !req.trace
        ? undefined
        : place
          ? seriesTrace(model.net, series, place, shape, MAX_TRACE_POINTS)
          : recentTrace(model, series),
      ...(chosen.names.length > 1 || series.label !== undefined
        ? { series: chosen.name, seriesNames: chosen.names }
        : {}),
    };
  } finally {
    model.dispose();
  }
}

/** More would only slow the Problems panel down; the host says how many were left out. */
export const MAX_PROBLEMS = 1000;

export async function check(req: CheckRequest): Promise<Checked> {
  const inspection = await inspectData(req.source);
  const { rows, columns, layout, problems } = inspection;
  return {
    type: 'checked',
    rows,
    columns,
    layout,
    problems: problems.slice(0, MAX_PROBLEMS),
    omitted: Math.max(0, problems.length - MAX_PROBLEMS),
  };
}

/**
 * Offsets are into the text the request sent (the editor's document, so they match its positions exactly), decoded
 * the way VS Code holds it: UTF-8 without a BOM.
 */
async function planRows(
  source: WireSource,
  plan: (text: string, layout: Layout, columns: string[]) => NewRowPlanned['insertions'],
): Promise<NewRowPlanned> {
  const inspection = await inspectData(source);
  const bytes = 'bytes' in source ? source.bytes : await readFile(source.path);
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    const columns = inspection.columns.map((c) => c.name);
    return { type: 'newRowPlanned', insertions: plan(text, inspection.layout, columns) };
  } catch (e) {
    throw new Error(`${basename(sourceName(source))}: ${errorText(e)}`);
  }
}

export async function newRow(req: NewRowRequest): Promise<NewRowPlanned> {
  const latest = await latestRows(req.source, req.column);
  return planRows(req.source, (text, layout, columns) =>
    newRowEdits(text, layout, { column: req.column, value: req.value, columns, ...(latest && { latest }) }),
  );
}

/**
 * The series' two latest parsed rows (epoch ms, in time order): the forecast follows them, whatever order or quoting
 * the file's last lines have. Undefined without a time column, or when the file does not read as one series (the
 * text's own rows are continued then, as before).
 */
async function latestRows(
  source: WireSource,
  column: string,
): Promise<{ last: number; prev?: number } | undefined> {
  const series = await readSeries(source, { column }).catch(() => undefined);
  const time = series?.time;
  if (!time || time.length === 0) return undefined;
  const n = time.length;
  return { last: time[n - 1], ...(n > 1 && { prev: time[n - 2] }) };
}

/** Like newRow, for a model of many series: the rows of every series asked for, as one insertion. */
export function newSeriesRows(req: NewSeriesRowsRequest): Promise<NewRowPlanned> {
  return planRows(req.source, (text, layout, columns) => seriesRowEdits(text, layout, { ...req, columns }));
}
