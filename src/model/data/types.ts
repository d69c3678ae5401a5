/** Plain-data shapes of the data layer. They cross threads and feed the Problems panel, so no classes inside. */

import type { ColumnSummary, Problem } from '../../shared/types';
export type { ColumnSummary, Problem } from '../../shared/types';

export type ColumnKind = ColumnSummary['kind'];
export type FileFormat = 'csv' | 'tsv' | 'json' | 'jsonl';

/** How the file is laid out, so a writer (e.g. "Insert as new row") can append in the same shape. */
export interface Layout {
  format: FileFormat;
  /** CSV/TSV only. */
  delimiter?: string;
  hasHeader?: boolean;
  /** CSV/TSV only: the column uses a decimal comma (only with `;`). */
  decimalComma?: string[];
  lineEnding?: '\n' | '\r\n' | '\r';
  /** JSON only. */
  jsonShape?: 'numbers' | 'records' | 'columns' | 'lines';
  /** The date column that orders rows, if any, and its median step in ms. */
  timeColumn?: string;
  timeStepMs?: number;
}

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
