/**
 * What a train request reads when it names series, a key or covariates: the reader's Panel, and whether it needs the
 * global model (a key, wide columns or features, the CLI's rule) or is a plain single series.
 */
import { readPanel, type Panel } from '../model/data';
import type { TrainRequest } from '../shared/protocol';

/** True when the request asks for more than the plain single-column path (the host found a key, or covariates). */
export function wantsPanel(req: TrainRequest): boolean {
  return (
    req.series !== undefined ||
    (req.features?.length ?? 0) > 0 ||
    (req.seriesColumn !== undefined && req.seriesColumn !== 'none')
  );
}

export async function readRequestPanel(req: TrainRequest): Promise<Panel> {
  return readPanel(req.source, {
    ...(req.column !== undefined && { column: req.column }),
    ...(req.features?.length && { features: req.features }),
    ...(req.series !== undefined && { series: req.series }),
    ...(req.seriesColumn !== undefined && { seriesColumn: req.seriesColumn }),
  });
}

/** Moved to the model's store, where a panel restored from meta.json reads them too. */
export { seriesScores } from '../model/store/seriesScores';
