/**
 * New rows for a model of many series, in the file's own layout: a long file gets one row per series (its key, the
 * next time stamp of that series, the value); a wide file one row with each series' column filled. Pure, like
 * newRowText.ts, whose CSV reading it shares.
 */
import type { Layout } from '../types';
import {
  continueTime,
  dataLines,
  formatValue,
  splitCells,
  unquote,
  type Insertion,
  type Line,
} from './newRowText';

export interface SeriesValue {
  series: string;
  value: number;
}

export interface SeriesRows {
  /** The model's value column (a long file); a wide file's values go to each series' own column. */
  column: string;
  /** Column names in file order. */
  columns: string[];
  /** A long file's key column; absent for a wide file, whose series are its columns. */
  seriesColumn?: string;
  values: SeriesValue[];
}

/** Recent cells a new value copies its decimals from. */
const RECENT = 10;

export function seriesRowEdits(text: string, layout: Layout, req: SeriesRows): Insertion[] {
  if (layout.format !== 'csv' && layout.format !== 'tsv')
    throw new Error(
      `a row per series can be added to CSV and TSV files only; this is a ${layout.format.toUpperCase()} file`,
    );
  if (req.values.length === 0) throw new Error('there is no forecast to add');
  const delimiter = layout.delimiter ?? (layout.format === 'tsv' ? '\t' : ',');
  const eol = layout.lineEnding ?? '\n';
  const lines = dataLines(text).slice(layout.hasHeader ? 1 : 0);
  if (lines.length === 0) throw new Error('the file has no data row to follow');
  const rows = lines.map((l) => splitCells(l.text, delimiter));
  const at = (name: string): number => {
    const i = req.columns.indexOf(name);
    if (i < 0) throw new Error(`no column "${name}"`);
    return i;
  };
  const comma = (name: string): boolean => layout.decimalComma?.includes(name) ?? false;
  const time = layout.timeColumn === undefined ? -1 : req.columns.indexOf(layout.timeColumn);
  const out: string[][] = [];
  if (req.seriesColumn !== undefined) {
    const key = at(req.seriesColumn);
    const target = at(req.column);
    for (const { series, value } of req.values) {
      const own = rows.filter((r) => unquote(r[key] ?? '') === series);
      if (own.length === 0) throw new Error(`no row of series "${series}" in column "${req.seriesColumn}"`);
      const last = own[own.length - 1];
      const cells = req.columns.map(() => '');
      cells[key] = last[key];
      cells[target] = formatValue(value, recentOf(own, target), comma(req.column));
      if (time >= 0) cells[time] = nextStamp(own, time, layout, series);
      out.push(cells);
    }
  } else {
    const cells = req.columns.map(() => '');
    for (const { series, value } of req.values) {
      const i = at(series);
      cells[i] = formatValue(value, recentOf(rows, i), comma(series));
    }
    if (time >= 0) cells[time] = nextStamp(rows, time, layout);
    out.push(cells);
  }
  const end = (lines[lines.length - 1] as Line).end;
  return [{ offset: end, text: out.map((cells) => eol + cells.join(delimiter)).join('') }];
}

function recentOf(rows: string[][], column: number): string[] {
  return rows.slice(-RECENT).map((r) => r[column] ?? '');
}

/** One step after the series' own last two stamps (a long file interleaves series, so the file's do not do). */
function nextStamp(rows: string[][], time: number, layout: Layout, series?: string): string {
  const name = layout.timeColumn ?? '';
  const last = unquote(rows[rows.length - 1][time] ?? '');
  const prev = rows.length > 1 ? unquote(rows[rows.length - 2][time] ?? '') : undefined;
  try {
    return continueTime(name, last, prev, layout);
  } catch (e) {
    if (series === undefined) throw e;
    throw new Error(`cannot continue the dates of series "${series}" after "${last}"`);
  }
}
