/** The explain request: saliency, unit meanings, memory, matches and the state trajectory of a saved model. */
import { inspectData } from '../model/data';
import { loadModel, readModelPanel } from '../model';
import { explain } from '../model/explain/explain';
import { chartPoints, chooseSeries } from '../model/explain/modelSeries';
import type { Explained, ExplainRequest } from '../shared/protocol';

export async function explainRequest(req: ExplainRequest): Promise<Explained> {
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    // Read as the model was trained (key, wide columns, features), every series, so the view can offer the others.
    const panel = await readModelPanel(req.source, model.meta);
    const chosen = chooseSeries(panel, model.meta, req.series);
    const { series } = chosen;
    const line = await lineOfRow0(req.source, series.values.length, series.problems.length);
    return {
      type: 'explained',
      column: model.meta.column,
      window: model.meta.window,
      seriesLength: series.values.length,
      report: explain(model, series, {
        windowAt: req.windowAt,
        ...(req.match ? { match: req.match } : {}),
      }),
      ...(line !== undefined ? { lineOfRow0: line } : {}),
      points: chartPoints(series.values),
      ...(chosen.names.length > 1 || series.label !== undefined
        ? { series: chosen.name, seriesNames: chosen.names }
        : {}),
    };
  } finally {
    model.dispose();
  }
}

/**
 * Row i is line lineOfRow0 + i only when each record is one line and the series kept every record in file order:
 * CSV/TSV/JSON Lines, no rows dropped (no problems) and as many values as records. One series of a long file has
 * fewer values than the file has records, so it gets no line (the host says why it cannot point at the row).
 */
async function lineOfRow0(
  source: ExplainRequest['source'],
  values: number,
  problems: number,
): Promise<number | undefined> {
  const { layout, rows } = await inspectData(source);
  if (problems > 0 || rows !== values || layout.format === 'json') return undefined;
  return layout.format === 'jsonl' ? 0 : layout.hasHeader === false ? 0 : 1;
}
