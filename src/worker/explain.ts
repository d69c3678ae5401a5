/** The explain request: saliency, unit meanings, memory, matches and the state trajectory of a saved model. */
import { inspectData, readSeries } from '../model/data';
import { loadModel } from '../model';
import { explain } from '../model/explain/explain';
import type { Explained, ExplainRequest } from '../shared/protocol';

export async function explainRequest(req: ExplainRequest): Promise<Explained> {
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    const series = await readSeries(req.source, { column: model.meta.column });
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
    };
  } finally {
    model.dispose();
  }
}

/**
 * Row i is line lineOfRow0 + i only when each record is one line and the series kept every record in file order:
 * CSV/TSV/JSON Lines, no rows dropped (no problems) and as many values as records.
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
