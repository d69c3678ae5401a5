/**
 * New rows for a model of many series, in the file's own layout: a long file gets one row per series (its key as
 * written, the next time stamp of that series, the value); a wide file one row with each series' column filled.
 * CSV/TSV, JSON Lines and JSON arrays of records; pure, like newRowText.ts, whose cell and time rules it shares.
 */
import type { Layout } from '../types';
import { itemSeparator, scanJsonSpans, type JsonNode } from './jsonSpans';
import {
  continueJsonTime,
  continueTime,
  dataLines,
  formatValue,
  splitCells,
  unquote,
  type Insertion,
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

/** One row of the file: each column's cell as written, and a new row shaped like it from replaced cells. */
interface Row {
  raw(column: string): string;
  /** The cell as the reader sees it: CSV quotes and JSON string escapes undone. */
  value(column: string): string;
  /** The other columns are left empty (CSV) or null (JSON). */
  render(cells: Map<string, string>): string;
}

interface Rows {
  rows: Row[];
  /** The time cell one step after `last`, stepping like `prev → last`, written as the file writes it. */
  nextTime(last: Row, prev: Row | undefined): string;
  /** Where the new rows go and how they join the file. */
  insert(rendered: string[]): Insertion;
}

export function seriesRowEdits(text: string, layout: Layout, req: SeriesRows): Insertion[] {
  if (req.values.length === 0) throw new Error('there is no forecast to add');
  const file = rowsOf(text, layout, req.columns);
  const { rows } = file;
  if (rows.length === 0) throw new Error('the file has no data row to follow');
  const need = (name: string): string => {
    if (!req.columns.includes(name)) throw new Error(`no column "${name}"`);
    return name;
  };
  const comma = (name: string): boolean => layout.decimalComma?.includes(name) ?? false;
  const recent = (own: Row[], column: string) => own.slice(-RECENT).map((r) => r.value(column));
  const time =
    layout.timeColumn !== undefined && req.columns.includes(layout.timeColumn) ? layout.timeColumn : '';
  const stamp = (own: Row[], series?: string): string => {
    try {
      return file.nextTime(own[own.length - 1], own[own.length - 2]);
    } catch (e) {
      if (series === undefined) throw e;
      const last = own[own.length - 1].value(time);
      throw new Error(`cannot continue the dates of series "${series}" after "${last}"`);
    }
  };
  const out: string[] = [];
  if (req.seriesColumn !== undefined) {
    const key = need(req.seriesColumn);
    const target = need(req.column);
    for (const { series, value } of req.values) {
      const own = rows.filter((r) => r.value(key) === series);
      if (own.length === 0) throw new Error(`no row of series "${series}" in column "${key}"`);
      const last = own[own.length - 1];
      const cells = new Map([
        [key, last.raw(key)],
        [target, formatValue(value, recent(own, target), comma(target))],
      ]);
      if (time) cells.set(time, stamp(own, series));
      out.push(last.render(cells));
    }
  } else {
    const cells = new Map<string, string>();
    for (const { series, value } of req.values)
      cells.set(need(series), formatValue(value, recent(rows, series), comma(series)));
    if (time) cells.set(time, stamp(rows));
    out.push(rows[rows.length - 1].render(cells));
  }
  return [file.insert(out)];
}

function rowsOf(text: string, layout: Layout, columns: string[]): Rows {
  if (layout.format === 'csv' || layout.format === 'tsv') return csvRows(text, layout, columns);
  if (layout.format === 'jsonl') return jsonLineRows(text, layout);
  if (layout.format === 'json' && layout.jsonShape === 'records') return jsonArrayRows(text, layout);
  throw new Error(
    'a row per series can be added to CSV, TSV, JSON Lines and JSON arrays of records only; this JSON file holds ' +
      (layout.jsonShape === 'columns' ? 'columns' : 'plain numbers'),
  );
}

function csvRows(text: string, layout: Layout, columns: string[]): Rows {
  const delimiter = layout.delimiter ?? (layout.format === 'tsv' ? '\t' : ',');
  const eol = layout.lineEnding ?? '\n';
  const lines = dataLines(text).slice(layout.hasHeader ? 1 : 0);
  const rows = lines.map((l): Row => {
    const cells = splitCells(l.text, delimiter);
    const raw = (c: string): string => cells[columns.indexOf(c)] ?? '';
    return {
      raw,
      value: (c) => unquote(raw(c)),
      render: (m) => columns.map((c) => m.get(c) ?? '').join(delimiter),
    };
  });
  const time = layout.timeColumn ?? '';
  return {
    rows,
    nextTime: (last, prev) => continueTime(time, last.value(time), prev?.value(time), layout),
    insert: (rendered) => ({
      offset: lines[lines.length - 1].end,
      text: rendered.map((r) => eol + r).join(''),
    }),
  };
}

/** A JSON record: a new one copies its keys, order and spacing, with only the values replaced. */
function jsonRow(text: string, node: JsonNode): Row {
  if (node.kind !== 'object') throw new Error('rows must be objects to add a row per series');
  const raw = (c: string): string => {
    const v = node.entries.find((e) => e.key === c)?.value;
    return v ? text.slice(v.start, v.end) : '';
  };
  const render = (m: Map<string, string>): string => {
    let out = text.slice(node.start, node.end);
    for (const { key, value } of [...node.entries].reverse())
      out =
        out.slice(0, value.start - node.start) + (m.get(key) ?? 'null') + out.slice(value.end - node.start);
    return out;
  };
  const value = (c: string): string => {
    const r = raw(c).trim();
    return r.startsWith('"') ? String(JSON.parse(r)) : r;
  };
  return { raw, value, render };
}

function jsonTime(layout: Layout): Rows['nextTime'] {
  const time = layout.timeColumn ?? '';
  return (last, prev) => continueJsonTime(time, last.raw(time), prev?.raw(time), layout);
}

function jsonLineRows(text: string, layout: Layout): Rows {
  const eol = layout.lineEnding ?? '\n';
  const lines = dataLines(text);
  return {
    rows: lines.map((l) => jsonRow(text, scanJsonSpans(text, l.start))),
    nextTime: jsonTime(layout),
    insert: (rendered) => ({
      offset: lines[lines.length - 1].end,
      text: rendered.map((r) => eol + r).join(''),
    }),
  };
}

function jsonArrayRows(text: string, layout: Layout): Rows {
  const root = scanJsonSpans(text);
  if (root.kind !== 'array') throw new Error('the JSON file is not an array of records');
  const items = root.items;
  return {
    rows: items.map((n) => jsonRow(text, n)),
    nextTime: jsonTime(layout),
    insert: (rendered) => {
      const sep = itemSeparator(text, items);
      return { offset: items[items.length - 1].end, text: rendered.map((r) => ',' + sep + r).join('') };
    },
  };
}
