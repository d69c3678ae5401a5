/**
 * A model folder answers only for the model it was asked for: meta.json's column and series are held to the request
 * before any forecast, so a folder that holds another model (one an older, ambiguous folder name let replace it, or
 * one named with --model) fails with one line instead of answering for the wrong series.
 */
import { join } from 'node:path';
import { quoteText } from '../../shared/quote';
import type { ModelMeta } from '../types';
import { StoreError } from './errors';
import type { ModelTarget } from './paths';

/** `column "close"`, `column "close", series "B"`, `column "close", 3 series`. */
function describe(column: string, series: readonly string[] | undefined): string {
  const col = `column ${quoteText(column)}`;
  if (!series) return col;
  return series.length === 1 ? `${col}, series ${quoteText(series[0])}` : `${col}, ${series.length} series`;
}

/**
 * Throws when meta.json is of another column than `asked.column`, or knows no series `asked.series` (each checked
 * only when given).
 */
export function checkModelTarget(dir: string, meta: ModelMeta, asked: Partial<ModelTarget>): void {
  const names = meta.series?.map((s) => s.name);
  const columnOk = asked.column === undefined || meta.column === asked.column;
  const seriesOk = asked.series === undefined || (names?.includes(asked.series) ?? false);
  if (columnOk && seriesOk) return;
  const wanted = describe(
    asked.column ?? meta.column,
    asked.series === undefined ? undefined : [asked.series],
  );
  throw new StoreError(
    join(dir, 'meta.json'),
    `this model is of ${describe(meta.column, names)}, not of ${wanted}; train that one again`,
  );
}
