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
}

/** A clean numeric series ready for windowing: no NaN inside, ordered by time when a date column exists. */
export interface Series {
  name: string;
  values: Float64Array;
  /** Epoch milliseconds, same length as values. */
  time?: Float64Array;
  problems: Problem[];
}

/** Where the bytes come from: a path read with fs, or bytes already read (e.g. through vscode.workspace.fs). */
export type DataSource = { path: string } | { name: string; bytes: Uint8Array };

export interface ReadOptions {
  /** Files larger than this are refused before reading. Default 1 GiB. */
  maxBytes?: number;
}

export interface SeriesOptions extends ReadOptions {
  /** Column to use; default: the only numeric column, else an error listing them. */
  column?: string;
}
