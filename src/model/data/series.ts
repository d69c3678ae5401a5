/** Table column → clean Series: time-ordered, inner gaps interpolated, edges trimmed, or a DataError. */
import { DataError } from './errors';
import { timeOrder } from './order';
import { showText } from '../../shared/quote';
import type { Table, TableColumn } from './table';
import type { Problem, Series } from './types';

export const MIN_VALUES = 10;

/** The column to model: the one asked for, or the only numeric one. */
export function chooseColumn(file: string, table: Table, wanted?: string): TableColumn {
  const numeric = table.columns.filter((c) => c.kind === 'numeric');
  if (wanted !== undefined) {
    const col = table.columns.find((c) => c.name === wanted);
    if (!col)
      throw new DataError(file, `no such column (columns: ${names(table.columns)})`, {
        column: wanted,
      });
    if (col.kind !== 'numeric')
      throw new DataError(file, `the column holds ${col.kind === 'date' ? 'dates' : 'text'}, not numbers`, {
        column: wanted,
      });
    return col;
  }
  if (numeric.length === 1) return numeric[0];
  if (numeric.length === 0) throw new DataError(file, 'no numeric column');
  throw new DataError(file, `several numeric columns; choose one of: ${names(numeric)}`);
}

function names(columns: TableColumn[]): string {
  return columns.map((c) => showText(c.name)).join(', ');
}

/**
 * The column (and `features`, other columns carried along as inputs) in time order. Rows are dropped at the ends until
 * every column has a value; inner gaps are interpolated, and each filled column gets a warning naming its lines.
 */
export function buildSeries(
  file: string,
  table: Table,
  col: TableColumn,
  problems: Problem[],
  features: TableColumn[] = [],
): Series {
  const timeCol = table.columns.find((c) => c.kind === 'date');
  let order: ArrayLike<number> | undefined;
  if (timeCol) {
    const sorted = timeOrder(timeCol.values, table.lines, timeCol.name);
    problems.push(...sorted.problems);
    order = sorted.order;
    const dropped = table.lines.length - sorted.order.length;
    if (dropped > 0) {
      problems.push({
        line: 0,
        column: timeCol.name,
        severity: 'warning',
        message: `${dropped} rows without a usable time were dropped`,
      });
    }
  }
  const n = order ? order.length : col.values.length;
  const columns = [col, ...features].map((c) => ({ name: c.name, values: new Float64Array(n) }));
  const time = timeCol ? new Float64Array(n) : undefined;
  const lines = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    for (let f = 0; f < columns.length; f++) columns[f].values[k] = [col, ...features][f].values[i];
    if (time && timeCol) time[k] = timeCol.values[i];
    lines[k] = table.lines[i];
  }
  for (const { name, values } of columns) {
    let usable = 0;
    for (let k = 0; k < n; k++) if (!Number.isNaN(values[k])) usable++;
    const missing = n - usable;
    const where = { column: name };
    if (missing * 2 > n)
      throw new DataError(file, `${missing} of ${n} values are missing (more than half)`, where);
    if (usable < MIN_VALUES)
      throw new DataError(file, `only ${usable} usable values; at least ${MIN_VALUES} are needed`, where);
  }
  return trimAndFill(file, columns, time, lines, problems);
}

/** Lines shown in a message about filled values. */
const SHOWN_LINES = 5;

function trimAndFill(
  file: string,
  columns: { name: string; values: Float64Array }[],
  time: Float64Array | undefined,
  lines: Uint32Array,
  problems: Problem[],
): Series {
  const complete = (k: number) => columns.every((c) => !Number.isNaN(c.values[k]));
  const n = lines.length;
  let first = 0;
  let last = n - 1;
  while (first < n && !complete(first)) first++;
  while (last > first && !complete(last)) last--;
  const name = columns[0].name;
  if (last - first + 1 < MIN_VALUES)
    throw new DataError(file, `only ${Math.max(0, last - first + 1)} rows have every column needed`, {
      column: name,
    });
  const dropped = first + (n - 1 - last);
  if (dropped > 0) {
    const line = first > 0 ? lines[0] : lines[last + 1];
    problems.push({
      line,
      column: name,
      severity: 'warning',
      message: `${dropped} missing values at the start or end were dropped`,
    });
  }
  const t = time?.slice(first, last + 1);
  const kept = lines.subarray(first, last + 1);
  const [target, ...rest] = columns.map((c) =>
    fillGaps(c.name, c.values.slice(first, last + 1), t, kept, problems),
  );
  const series: Series = t ? { name, values: target, time: t, problems } : { name, values: target, problems };
  if (rest.length) series.covariates = rest;
  return series;
}

/** Linear interpolation of inner NaN runs, in time when there is a time axis so uneven steps are honoured. */
function fillGaps(
  name: string,
  v: Float64Array,
  t: Float64Array | undefined,
  lines: Uint32Array,
  problems: Problem[],
): Float64Array {
  const filledLines: number[] = [];
  let filled = 0;
  for (let k = 1; k < v.length; k++) {
    if (!Number.isNaN(v[k])) continue;
    let end = k;
    while (Number.isNaN(v[end])) end++;
    const x0 = t ? t[k - 1] : k - 1;
    const x1 = t ? t[end] : end;
    for (let j = k; j < end; j++) {
      const x = t ? t[j] : j;
      v[j] = x1 === x0 ? v[k - 1] : v[k - 1] + ((v[end] - v[k - 1]) * (x - x0)) / (x1 - x0);
      if (filledLines.length < SHOWN_LINES) filledLines.push(lines[j]);
    }
    filled += end - k;
    k = end;
  }
  if (filled > 0) {
    const more = filled > filledLines.length ? `, … ${filled - filledLines.length} more` : '';
    problems.push({
      line: filledLines[0],
      column: name,
      severity: 'warning',
      message: `${filled} missing value${filled === 1 ? ' was' : 's were'} filled by linear interpolation between neighbours and used for training (line${filled === 1 ? '' : 's'} ${filledLines.join(', ')}${more})`,
    });
  }
  return v;
}
