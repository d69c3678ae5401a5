/** The explain request: saliency, unit meanings, memory, matches and the state trajectory of a saved model. */
import { readSeries } from '../model/data';
import { loadModel, setBackend } from '../model';
import { explain } from '../model/explain/explain';
import type { Explained, ExplainRequest } from '../shared/protocol';

export async function explainRequest(req: ExplainRequest): Promise<Explained> {
  await setBackend('auto');
  const model = await loadModel({ base: req.modelBase, dir: req.modelDir });
  try {
    const series = await readSeries(req.source, { column: model.meta.column });
    return {
      type: 'explained',
      column: model.meta.column,
      window: model.meta.window,
      seriesLength: series.values.length,
      report: explain(model, series, {
        windowAt: req.windowAt,
        ...(req.match ? { match: req.match } : {}),
      }),
    };
  } finally {
    model.dispose();
  }
}
