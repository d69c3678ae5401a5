/**
 * A file read the way a saved model was trained on it (its key, wide columns and features), so that predicting,
 * probing and explaining a global or covariate model never re-detect a layout the model did not see.
 */
import type { ModelMeta } from '../types';
import { readPanel, type DataSource, type Panel } from './index';

export type PanelMeta = Pick<ModelMeta, 'column' | 'columns' | 'features' | 'seriesColumn'>;

export interface ModelPanelOptions {
  /** One series of the model's, by name; every series when absent. */
  series?: string;
  /** The key column when meta.json names none (older models): the caller's override, else none. */
  seriesColumn?: string;
}

export function readModelPanel(
  source: DataSource,
  meta: PanelMeta,
  opts: ModelPanelOptions = {},
): Promise<Panel> {
  return readPanel(source, {
    ...(meta.columns ? { columns: meta.columns } : { column: meta.column }),
    ...(meta.features && { features: meta.features }),
    ...(opts.series !== undefined && { series: opts.series }),
    seriesColumn: meta.seriesColumn ?? opts.seriesColumn ?? 'none',
  });
}
