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

export function buildSeries(file: string, table: Table, col: TableColumn, problems: Problem[]): Series {
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
  const values = new Float64Array(n);
  const time = timeCol ? new Float64Array(n) : undefined;
  const lines = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    values[k] = col.values[i];
    if (time && timeCol) time[k] = timeCol.values[i];
    lines[k] = table.lines[i];
  }
  let usable = 0;
  for (let k = 0; k < n; k++) if (!Number.isNaN(values[k])) usable++;
  const missing = n - usable;
  const where = { column: col.name };
  if (missing * 2 > n)
    throw new DataError(file, `${missing} of ${n} values are missing (more than half)`, where);
  if (usable < MIN_VALUES)
    throw new DataError(file, `only ${usable} usable values; at least ${MIN_VALUES} are needed`, where);
  return trimAndFill(col.name, values, time, lines, problems);
}

function trimAndFill(
  name: string,
  values: Float64Array,
  time: Float64Array | undefined,
  lines: Uint32Array,
  problems: Problem[],
): Series {
  let first = 0;
  let last = values.length - 1;
  while (Number.isNaN(values[first])) first++;
  while (Number.isNaN(values[last])) last--;
  const dropped = first + (values.length - 1 - last);
  if (dropped > 0) {
    const line = first > 0 ? lines[0] : lines[last + 1];
    problems.push({
      line,
      column: name,
      severity: 'warning',
      message: `${dropped} missing values at the start or end were dropped`,
    });
  }
  // Both arrays were made for this series alone: without edges to drop they are kept, not copied (8 MB a column at 1M rows).
  const whole = dropped === 0;
  const v = whole ? values : values.slice(first, last + 1);
  const t = whole ? time : time?.slice(first, last + 1);
  let filled = 0;
  let firstLine = 0;
  for (let k = 1; k < v.length; k++) {
    if (!Number.isNaN(v[k])) continue;
    let end = k;
    while (Number.isNaN(v[end])) end++;
    // Interpolate in time when there is a time axis, so uneven steps are honoured.
    const x0 = t ? t[k - 1] : k - 1;
    const x1 = t ? t[end] : end;
    for (let j = k; j < end; j++) {
      const x = t ? t[j] : j;
      v[j] = x1 === x0 ? v[k - 1] : v[k - 1] + ((v[end] - v[k - 1]) * (x - x0)) / (x1 - x0);
    }
    if (filled === 0) firstLine = lines[first + k];
    filled += end - k;
    k = end;
  }
  if (filled > 0) {
    problems.push({
      line: firstLine,
      column: name,
      severity: 'warning',
      message: `${filled} missing values were filled by linear interpolation (first here)`,
    });
  }
  return t ? { name, values: v, time: t, problems } : { name, values: v, problems };
}
