/**
 * What a train request reads when it names series, a key or covariates: the reader's Panel, and whether it needs the
 * global model (a key, wide columns or features, the CLI's rule) or is a plain single series.
 */
import { readPanel, type Panel } from '../model/data';
import type { ModelMeta } from '../model';
import type { SeriesScore, TrainRequest } from '../shared/protocol';

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

/** Each series' validation scores, for the panel's table (absent for a single-series model). */
export function seriesScores(meta: ModelMeta): SeriesScore[] | undefined {
  if (!meta.series || meta.series.length < 2) return undefined;
  return meta.series.map((s) => ({
    name: s.name,
    rows: s.rows,
    mae: s.metrics.val.mae,
    rmse: s.metrics.val.rmse,
    mase: s.metrics.val.mase,
    naiveMase: s.baselines.naive.mase,
  }));
}
