/**
 * The text edits that append one row to a data file in its own format: CSV/TSV delimiter, line ending, decimal comma,
 * date step, and JSON shape and spacing. Pure (no vscode): it maps file text to insertions, tested in plain Node.
 */
import type { Layout } from '../types';
import { itemSeparator, scanJsonSpans, type JsonNode } from './jsonSpans';
import { nextStamp, nextTime } from './nextTime';

export interface Insertion {
  offset: number;
  text: string;
}

export interface NewRow {
  /** Column that receives the value; the other columns stay empty (null in JSON) except the time column. */
  column: string;
  value: number;
  /** Column names in file order (CSV without a header: as the data layer named them). */
  columns: string[];
  /**
   * Epoch ms of the series' two latest parsed rows, in time order: the new stamp follows these, not the file's last
   * lines (which may be out of time order, or lines inside a quoted multi-line cell).
   */
  latest?: { last: number; prev?: number };
}

export function newRowEdits(text: string, layout: Layout, row: NewRow): Insertion[] {
  switch (layout.format) {
    case 'csv':
    case 'tsv':
      return [csvRow(text, layout, row)];
    case 'jsonl':
      return [jsonLine(text, layout, row)];
    case 'json':
      return jsonRow(text, layout, row);
  }
}

function csvRow(text: string, layout: Layout, row: NewRow): Insertion {
  const delimiter = layout.delimiter ?? (layout.format === 'tsv' ? '\t' : ',');
  const eol = layout.lineEnding ?? '\n';
  const lines = dataLines(text);
  const first = layout.hasHeader ? 1 : 0;
  if (lines.length <= first) throw new Error('the file has no data row to follow');
  const cells = (i: number): string[] => splitCells(lines[i].text, delimiter);
  const last = cells(lines.length - 1);
  const prev = lines.length - 2 >= first ? cells(lines.length - 2) : undefined;
  const target = row.columns.indexOf(row.column);
  if (target < 0) throw new Error(`no column "${row.column}"`);
  const recent = lines
    .slice(Math.max(first, lines.length - 10))
    .map((l) => splitCells(l.text, delimiter)[target] ?? '');
  if (unquote(last[target] ?? '') === '')
    throw new Error(
      `the last row has no value for "${row.column}"; fill it in rather than add a row after it`,
    );
  const comma = layout.decimalComma?.includes(row.column) ?? false;
  const out = row.columns.map((name, i) => {
    if (i === target) return formatValue(row.value, recent, comma);
    if (name === layout.timeColumn)
      return continueTime(name, unquote(last[i] ?? ''), prev && unquote(prev[i] ?? ''), layout, row.latest);
    return '';
  });
  return { offset: lines[lines.length - 1].end, text: eol + out.join(delimiter) };
}

function jsonLine(text: string, layout: Layout, row: NewRow): Insertion {
  const eol = layout.lineEnding ?? '\n';
  const lines = dataLines(text);
  if (lines.length === 0) throw new Error('the file has no data row to follow');
  const lastLine = lines[lines.length - 1];
  const prevLine = lines.length > 1 ? lines[lines.length - 2] : undefined;
  const lastNode = scanJsonSpans(text, lastLine.start);
  const prevNode = prevLine ? scanJsonSpans(text, prevLine.start) : undefined;
  const recent = lines.slice(-10).map((l) => rawOf(text, scanJsonSpans(text, l.start), row.column));
  return { offset: lastLine.end, text: eol + recordText(text, lastNode, prevNode, row, layout, recent) };
}

function jsonRow(text: string, layout: Layout, row: NewRow): Insertion[] {
  const root = scanJsonSpans(text);
  if (root.kind === 'array') {
    const items = root.items;
    if (items.length === 0) throw new Error('the file has no data row to follow');
    const last = items[items.length - 1];
    const recent = items.slice(-10).map((n) => rawOf(text, n, row.column));
    const item = recordText(text, last, items[items.length - 2], row, layout, recent);
    return [{ offset: last.end, text: ',' + itemSeparator(text, items) + item }];
  }
  if (root.kind === 'object') {
    // Columns shape: { "date": [...], "co2": [...] } — every array grows by one.
    return root.entries.flatMap(({ key, value }) => {
      if (value.kind !== 'array' || value.items.length === 0) return [];
      const items = value.items;
      const raws = items.map((n) => text.slice(n.start, n.end));
      let item = 'null';
      if (key === row.column) item = formatValue(row.value, raws.slice(-10), false);
      else if (key === layout.timeColumn)
        item = continueJsonTime(key, raws[raws.length - 1], raws[raws.length - 2], layout, row.latest);
      return [{ offset: items[items.length - 1].end, text: ',' + itemSeparator(text, items) + item }];
    });
  }
  throw new Error('the JSON file is neither an array nor an object of columns');
}

/** A new record shaped like the last one: same keys, order and spacing; only the values change. */
function recordText(
  text: string,
  last: JsonNode,
  prev: JsonNode | undefined,
  row: NewRow,
  layout: Layout,
  recent: string[],
): string {
  if (last.kind === 'value') return formatValue(row.value, recent, false);
  if (last.kind !== 'object') throw new Error('rows must be numbers or objects');
  const own = last.entries.find((e) => e.key === row.column)?.value;
  if (!own || (own.kind === 'value' && own.raw.trim() === 'null'))
    throw new Error(
      `the last record has no value for "${row.column}"; fill it in rather than add a record after it`,
    );
  let out = text.slice(last.start, last.end);
  for (const { key, value } of [...last.entries].reverse()) {
    let replacement = 'null';
    if (key === row.column) replacement = formatValue(row.value, recent, false);
    else if (key === layout.timeColumn) {
      const prevRaw = prev?.kind === 'object' ? prev.entries.find((e) => e.key === key)?.value : undefined;
      replacement = continueJsonTime(
        key,
        value.kind === 'value' ? value.raw : '',
        prevRaw?.kind === 'value' ? prevRaw.raw : undefined,
        layout,
        row.latest,
      );
    }
    out = out.slice(0, value.start - last.start) + replacement + out.slice(value.end - last.start);
  }
  return out;
}

function rawOf(text: string, node: JsonNode, column: string): string {
  if (node.kind === 'value') return node.raw;
  if (node.kind === 'object') {
    const v = node.entries.find((e) => e.key === column)?.value;
    return v ? text.slice(v.start, v.end) : '';
  }
  return '';
}

export function continueJsonTime(
  column: string,
  lastRaw: string,
  prevRaw: string | undefined,
  layout: Layout,
  latest?: NewRow['latest'],
): string {
  const quoted = lastRaw.trim().startsWith('"');
  const decode = (raw: string): string => (raw.trim().startsWith('"') ? String(JSON.parse(raw)) : raw.trim());
  const next = continueTime(
    column,
    decode(lastRaw),
    prevRaw === undefined ? undefined : decode(prevRaw),
    layout,
    latest,
  );
  return quoted ? JSON.stringify(next) : next;
}

export function continueTime(
  column: string,
  last: string,
  prev: string | undefined,
  layout: Layout,
  latest?: NewRow['latest'],
): string {
  const next = latest
    ? nextStamp(last, latest.last, latest.prev, layout.timeStepMs)
    : nextTime(last, prev, layout.timeStepMs);
  if (next === undefined) throw new Error(`cannot continue the dates of column "${column}" after "${last}"`);
  return next;
}

/** As many decimals as the column's recent cells use, so the new row looks like its neighbours. */
export function formatValue(value: number, recent: string[], decimalComma: boolean): string {
  if (!Number.isFinite(value)) throw new Error('the forecast is not a finite number');
  let decimals = 0;
  for (const raw of recent) {
    const m = /[.,](\d+)(?:[eE][-+]?\d+)?\s*$/.exec(raw.trim().replace(/^"|"$/g, ''));
    if (m) decimals = Math.max(decimals, m[1].length);
  }
  const text = value.toFixed(Math.min(decimals, 10));
  return decimalComma ? text.replace('.', ',') : text;
}

export interface Line {
  start: number;
  end: number;
  text: string;
}

/** Non-blank lines with their offsets; `end` excludes the line ending. */
export function dataLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(\r\n|\n|\r|$)/g;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    const body = m[0].replace(/[\r\n]+$/, '');
    if (body.trim()) out.push({ start: m.index, end: m.index + body.length, text: body });
  }
  return out;
}

/** Splits one CSV line, honouring double quotes (a quoted cell may hold the delimiter). */
export function splitCells(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && line.startsWith(delimiter, i)) {
      cells.push(cur);
      cur = '';
      i += delimiter.length - 1;
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

export function unquote(cell: string): string {
  const t = cell.trim();
  return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}
