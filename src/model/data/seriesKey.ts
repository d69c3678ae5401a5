/**
 * Long files hold many series: a key column (symbol, location, unique_id…) names the series and timestamps repeat
 * across keys. A column is a key when every one of its groups has unique timestamps while the whole file does not,
 * so duplicate timestamps are a problem only within one series.
 */
import { DataError } from './errors';
import { quoteText, showText } from '../../shared/quote';
import type { Table, TableColumn } from './table';
import type { Problem } from './types';

/** The rows of each series of a keyed file, in file order. */
export interface SeriesGroups {
  column: string;
  /** Series names in order of first appearance. */
  names: string[];
  /** Table row indices of each series (same order as names). */
  rows: Uint32Array[];
  problems: Problem[];
}

/** An integer column with more distinct values than this is a measurement, not a key. */
const MAX_INTEGER_KEYS = 1000;

/**
 * The key column and its groups: `wanted` (a column, or 'none' for one series), else the one found (undefined for a
 * single series). A text key wins over an integer one, then the one with fewer series.
 */
export function seriesGroups(file: string, table: Table, wanted?: string): SeriesGroups | undefined {
  if (wanted === 'none') return undefined;
  if (wanted !== undefined) {
    const col = table.columns.find((c) => c.name === wanted);
    if (!col)
      throw new DataError(file, `no such column for --series-column (columns: ${names(table.columns)})`, {
        column: wanted,
      });
    const codes = keyCodes(col, Infinity);
    if (!codes) throw new DataError(file, 'a series key must be text or whole numbers', { column: wanted });
    return groupsOf(table, col.name, codes);
  }
  const time = table.columns.find((c) => c.kind === 'date');
  if (!time) return undefined;
  const ranks = timeRanks(time.values);
  const fileDuplicates = ranks.duplicates;
  if (fileDuplicates === 0) return undefined;
  let best: { col: TableColumn; codes: KeyCodes } | undefined;
  for (const col of table.columns) {
    if (col === time) continue;
    const codes = keyCodes(col, MAX_INTEGER_KEYS);
    if (!codes || codes.names.length < 2 || codes.names.length * 2 > table.lines.length) continue;
    // A stray duplicate inside one series is that series' problem (reported), not a reason to miss the key.
    const within = duplicatesWithinGroups(ranks, codes.codes);
    if (within * 10 > fileDuplicates) continue;
    const better =
      !best ||
      (col.kind === 'text' && best.col.kind !== 'text') ||
      (col.kind === best.col.kind && codes.names.length < best.codes.names.length);
    if (better) best = { col, codes };
  }
  return best && groupsOf(table, best.col.name, best.codes);
}

interface KeyCodes {
  names: string[];
  /** Per row: index into names, or -1 where the row has no key. */
  codes: Int32Array;
}

/** Text labels as they are; whole numbers by their decimal text. Undefined when the column cannot be a key. */
function keyCodes(col: TableColumn, maxIntegers: number): KeyCodes | undefined {
  if (col.kind === 'text') return col.labels;
  if (col.kind !== 'numeric') return undefined;
  const index = new Map<number, number>();
  const codes = new Int32Array(col.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    if (!Number.isInteger(v)) return undefined;
    let code = index.get(v);
    if (code === undefined) {
      if (index.size >= maxIntegers) return undefined;
      index.set(v, (code = index.size));
    }
    codes[i] = code;
  }
  return { names: [...index.keys()].map(String), codes };
}

interface TimeRanks {
  /** Each row's time as its rank among the distinct times (NaN where missing). */
  ranks: Float64Array;
  distinct: number;
  /** Rows whose time an earlier row already has. */
  duplicates: number;
}

/** Sorting typed arrays keeps this linear-ish on a million rows; a Set of boxed doubles per group took seconds. */
function timeRanks(times: Float64Array): TimeRanks {
  const sorted = times.filter((t) => !Number.isNaN(t)).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  const unique = sorted.subarray(0, distinct);
  const ranks = new Float64Array(times.length);
  let present = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (Number.isNaN(t)) {
      ranks[i] = NaN;
      continue;
    }
    present++;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (unique[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo;
  }
  return { ranks, distinct, duplicates: present - distinct };
}

/** Rows whose timestamp an earlier row of the same group already has. */
function duplicatesWithinGroups({ ranks, distinct }: TimeRanks, codes: Int32Array): number {
  const keys = new Float64Array(codes.length);
  let n = 0;
  for (let i = 0; i < codes.length; i++)
    if (codes[i] >= 0 && !Number.isNaN(ranks[i])) keys[n++] = codes[i] * distinct + ranks[i];
  const sorted = keys.subarray(0, n).sort();
  let dup = 0;
  for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) dup++;
  return dup;
}

function groupsOf(table: Table, column: string, { names, codes }: KeyCodes): SeriesGroups {
  const counts = new Uint32Array(names.length);
  let unkeyed = 0;
  let firstUnkeyed = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] >= 0) counts[codes[i]]++;
    else if (unkeyed++ === 0) firstUnkeyed = table.lines[i];
  }
  const rows = Array.from(counts, (n) => new Uint32Array(n));
  const fill = new Uint32Array(names.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) rows[codes[i]][fill[codes[i]]++] = i;
  // Labels of a column that also holds numbers may never occur as a row's key.
  const used = names.map((_, k) => counts[k] > 0);
  const problems: Problem[] = [];
  if (unkeyed > 0)
    problems.push({
      line: firstUnkeyed,
      column,
      severity: 'warning',
      message: `${unkeyed} row${unkeyed === 1 ? ' has' : 's have'} no series name in this column (first here) and ${unkeyed === 1 ? 'is' : 'are'} left out`,
    });
  return {
    column,
    names: names.filter((_, k) => used[k]),
    rows: rows.filter((_, k) => used[k]),
    problems,
  };
}

/** The table's rows of one series (values copied), for the readers that build a series from a whole table. */
export function subTable(table: Table, rows: Uint32Array): Table {
  return {
    columns: table.columns.map(({ labels: _labels, ...c }) => ({ ...c, values: pickRows(c.values, rows) })),
    lines: pickRows(table.lines, rows),
    problems: [],
    hasHeader: table.hasHeader,
  };
}

/** `a` at `rows`, as a new array of the same type. */
export function pickRows<T extends Float64Array | Uint32Array>(a: T, rows: Uint32Array): T {
  const out = new (a.constructor as new (n: number) => T)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
  return out;
}

/** The rows of series `name`, or a DataError listing the series there are. */
export function selectSeries(file: string, groups: SeriesGroups, name: string): Uint32Array {
  const k = groups.names.indexOf(name);
  if (k < 0) {
    const shown = groups.names.slice(0, 20).map(quoteText).join(', ');
    const more = groups.names.length > 20 ? `, … (${groups.names.length} in all)` : '';
    throw new DataError(file, `no series ${quoteText(name)} (series: ${shown}${more})`, {
      column: groups.column,
    });
  }
  return groups.rows[k];
}

function names(columns: TableColumn[]): string {
  return columns.map((c) => showText(c.name)).join(', ');
}
