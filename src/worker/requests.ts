/** Predict, Probe and Inspect: answered as requests, on a saved model (or just the data) as it is now. */
import { stat } from 'node:fs/promises';
import { inspectData, readSeries, usableColumns } from '../model/data';
import { sparkline } from '../shared/sparkline';
import { recentTrace } from './traces';
import { forecast, loadModel, probeHidden, setBackend } from '../model';
import type { InspectRequest, Inspected, PredictRequest, Predicted, ProbeRequest, Probed } from '../shared/protocol';


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
  return { type: 'inspected', rows: inspection.rows, columns: inspection.columns, usable, sparklines, firstError };
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

export async function predict(req: PredictRequest): Promise<Predicted> {
  await setBackend('auto');
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    const series = await readSeries(req.source, { column: model.meta.column });
    return { type: 'predicted', column: model.meta.column, forecast: forecast(model, series, req.steps) };
  } finally {
    model.dispose();
  }
}

export async function probe(req: ProbeRequest): Promise<Probed> {
  await setBackend('auto');
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    const series = await readSeries(req.source, { column: model.meta.column });
    return {
      type: 'probed',
      states: probeHidden(model, series, req.start),
      seriesLength: series.values.length,
      window: model.meta.window,
      trace: req.trace ? recentTrace(model, series) : undefined,
    };
  } finally {
    model.dispose();
  }
}
