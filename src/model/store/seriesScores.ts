/** A global model's per-series validation scores beside its naive baseline: the panel's sortable table. */
import type { ModelMeta } from '../types';
import type { SeriesScore } from '../../shared/protocol';

/** Absent for a model of one series. */
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
