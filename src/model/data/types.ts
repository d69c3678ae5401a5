/** Plain-data shapes of the data layer. They cross threads and feed the Problems panel, so no classes inside. */

import type { ColumnSummary, Layout, Problem } from '../../shared/types';
export type { ColumnSummary, Layout, Problem } from '../../shared/types';

export type ColumnKind = ColumnSummary['kind'];
export type FileFormat = Layout['format'];

export interface Inspection {
  file: string;
  rows: number;
  columns: ColumnSummary[];
  problems: Problem[];
  layout: Layout;
  /** The column that names the series of a long file, and each series' row count; null for one series. */
  seriesKey: SeriesKey | null;
}

export interface SeriesKey {
  column: string;
  series: { name: string; rows: number }[];
}

/** A clean numeric series ready for windowing: no NaN inside, ordered by time when a date column exists. */
export interface Series {
  name: string;
  values: Float64Array;
  /** Epoch milliseconds, same length as values. */
  time?: Float64Array;
  problems: Problem[];
  /** Which series of the file this is (a key's value, or a column of a wide file), when the file holds several. */
  label?: string;
  /** Other columns' values at the same time steps (inputs only), in the order of the requested features. */
  covariates?: Float64Array[];
}

/** Where the bytes come from: a path read with fs, or bytes already read (e.g. through vscode.workspace.fs). */
export type DataSource = { path: string } | { name: string; bytes: Uint8Array };

export interface ReadOptions {
  /** Files larger than this are refused before reading. Default 1 GiB. */
  maxBytes?: number;
  /** The column naming each row's series (long files); 'none': one series; default: detected. */
  seriesColumn?: string;
}

export interface SeriesOptions extends ReadOptions {
  /** Column to use; default: the only numeric column, else an error listing them. */
  column?: string;
  /** In a keyed file: the one series to read (required by readSeries when the file has several). */
  series?: string;
  /** Columns to carry along as inputs (covariates). */
  features?: string[];
}
