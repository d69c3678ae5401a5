/** Collects records from any reader into columns, with the file line of every row, then settles column kinds. */
import { Cell, ColumnBuilder, labelCodes, U32List } from './column';
import { epochUnit, parseDate } from './dates';
import { parseStrictNumber } from './numbers';
import { quoteText, showText } from '../../shared/quote';
import type { ColumnKind, Problem } from './types';

export interface TableColumn {
  name: string;
  kind: ColumnKind;
  /** Numbers for a numeric column, epoch ms for a date column; NaN where missing or unusable. */
  values: Float64Array;
  count: number;
  missing: number;
  min?: number;
  max?: number;
  decimalComma: boolean;
  /** Text columns with at most MAX_LABELS distinct texts: the texts, and each row's code (-1: not a text cell). */
  labels?: { names: string[]; codes: Int32Array };
}

export interface Table {
  columns: TableColumn[];
  /** 1-based file line where each row starts. */
  lines: Uint32Array;
  problems: Problem[];
  hasHeader: boolean;
}

/** Per column, at most this many bad cells are reported one by one; the rest are counted. */
const CELL_PROBLEMS_PER_COLUMN = 20;

export class TableBuilder {
  private columns: ColumnBuilder[] = [];
  private readonly lines: U32List;
  readonly problems: Problem[] = [];
  private header: boolean | undefined;
  private raggedReported = 0;
  private ragged = 0;
  private strayQuotes = 0;

  /** `capacity`: expected rows (an estimate is fine; arrays grow past it). */
  constructor(
    readonly file: string,
    private readonly decimalComma = false,
    private readonly capacity = 1024,
  ) {
    this.lines = new U32List(capacity);
  }

  get rows(): number {
    return this.lines.length;
  }

  setHeader(names: string[]): void {
    this.header = true;
    this.columns = uniqueNames(names).map((n) => new ColumnBuilder(n, this.decimalComma, this.capacity));
  }

  /** A CSV record: the first one decides whether the file has a header. */
  addRecord(cells: string[], line: number): void {
    if (this.header === undefined) {
      if (looksLikeHeader(cells)) return this.setHeader(cells.map((c) => c.trim()));
      this.header = false;
      this.columns = uniqueNames(cells.map(() => '')).map(
        (n) => new ColumnBuilder(n, this.decimalComma, this.capacity),
      );
    }
    const width = this.columns.length;
    if (cells.length !== width) this.reportRagged(cells.length, width, line);
    this.lines.push(line);
    const n = Math.min(width, cells.length);
    for (let i = 0; i < n; i++) this.columns[i].addString(cells[i]);
    for (let i = n; i < width; i++) this.columns[i].addMissing();
  }

  /**
   * The same as addRecord(text.slice(start, end).split(delimiter), line) for an unquoted line, without the array:
   * this is the hot path of a large CSV. `next` is a delimiter position already found at or after some earlier
   * point (-1 if none known); the return value is the one to pass for the next line of the same text. Reusing it
   * keeps a file with few delimiters from rescanning the rest of the chunk on every line.
   */
  addLine(text: string, start: number, end: number, delimiter: string, line: number, next: number): number {
    if (this.header === undefined) {
      this.addRecord(text.slice(start, end).split(delimiter), line);
      return -1;
    }
    const columns = this.columns;
    const width = columns.length;
    let field = 0;
    let from = start;
    for (;;) {
      if (next < from) {
        next = text.indexOf(delimiter, from);
        if (next < 0) next = text.length;
      }
      const last = next >= end;
      if (field < width) columns[field].addIn(text, from, last ? end : next);
      field++;
      if (last) break;
      from = next + delimiter.length;
    }
    for (let i = field; i < width; i++) columns[i].addMissing();
    if (field !== width) this.reportRagged(field, width, line);
    this.lines.push(line);
    return next;
  }

  /** A JSON row: values by column name; names not seen before become new columns, padded with missing. */
  addObject(row: Map<string, unknown>, line: number): void {
    if (this.header === undefined) this.setHeader([]);
    const seen = new Set<string>();
    for (const [name, value] of row) {
      let col = this.columns.find((c) => c.name === name);
      if (!col) {
        col = new ColumnBuilder(name, false);
        for (let i = 0; i < this.rows; i++) col.addMissing();
        this.columns.push(col);
      }
      col.addValue(value);
      seen.add(name);
    }
    for (const col of this.columns) if (!seen.has(col.name)) col.addMissing();
    this.lines.push(line);
  }

  /** A quote inside an unquoted field, read as text: worth a warning, since it may be a broken quoted field. */
  reportStrayQuote(field: number, line: number, cell: string): void {
    if (this.strayQuotes++ >= CELL_PROBLEMS_PER_COLUMN) return;
    const column = this.header ? this.columns[field]?.name : undefined;
    const message = `a quote inside an unquoted field; ${quoteText(cell)} is read as it stands`;
    this.problems.push(
      column === undefined
        ? { line, severity: 'warning', message }
        : { line, column, severity: 'warning', message },
    );
  }

  private reportRagged(got: number, want: number, line: number): void {
    this.ragged++;
    if (this.raggedReported++ < CELL_PROBLEMS_PER_COLUMN) {
      this.problems.push({
        line,
        severity: 'error',
        message: `${got} field${got === 1 ? '' : 's'}, expected ${want} like the first row`,
      });
    }
  }

  finish(): Table {
    if (this.ragged > CELL_PROBLEMS_PER_COLUMN) {
      const more = this.ragged - CELL_PROBLEMS_PER_COLUMN;
      this.problems.push({
        line: 0,
        severity: 'error',
        message: `${more} more rows have the wrong number of fields`,
      });
    }
    if (this.strayQuotes > CELL_PROBLEMS_PER_COLUMN) {
      const more = this.strayQuotes - CELL_PROBLEMS_PER_COLUMN;
      this.problems.push({
        line: 0,
        severity: 'warning',
        message: `${more} more unquoted fields hold a quote`,
      });
    }
    const lines = this.lines.view();
    // A ragged row is already reported once; its padded cells are not reported again as missing.
    const rowProblems = new Set(this.problems.filter((p) => p.column === undefined).map((p) => p.line));
    const columns = this.columns.map((c) => settleColumn(c, lines, this.problems, rowProblems));
    return { columns, lines, problems: this.problems, hasHeader: this.header === true };
  }
}

/** A first row is a header when none of its cells is a number or a date and at least one is not blank. */
function looksLikeHeader(cells: string[]): boolean {
  let named = false;
  for (const c of cells) {
    if (!Number.isNaN(parseStrictNumber(c)) || !Number.isNaN(parseDate(c))) return false;
    if (c.trim() !== '') named = true;
  }
  return named;
}

function uniqueNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let name = raw || `col${i + 1}`;
    for (let k = 2; used.has(name); k++) name = `${raw || `col${i + 1}`}_${k}`;
    used.add(name);
    return name;
  });
}

/** Decides the column's kind from its cells and reports the cells that do not fit it. */
function settleColumn(
  c: ColumnBuilder,
  lines: Uint32Array,
  problems: Problem[],
  rowProblems: Set<number>,
): TableColumn {
  const [missing, numbers, texts, commas] = [
    c.counts[Cell.Missing],
    c.counts[Cell.Number],
    c.counts[Cell.Text],
    c.counts[Cell.CommaNumber],
  ];
  let dates = c.counts[Cell.Date];
  const commaColumn = commas > 0 && c.pointNumbers === 0;
  const numeric = numbers + (commaColumn ? commas : 0);
  const present = numbers + dates + texts + commas;
  let kind: ColumnKind =
    present === 0 ? 'text' : numeric * 2 >= present ? 'numeric' : dates * 2 >= present ? 'date' : 'text';
  const cells = c.cellsView();
  const values = c.valuesView();
  if (kind === 'numeric' && numbers === present && epochColumn(c.name, cells, values)) {
    kind = 'date';
    dates = numbers;
  }
  const fits =
    kind === 'numeric'
      ? (k: number) => k === Cell.Number || (commaColumn && k === Cell.CommaNumber)
      : (k: number) => k === Cell.Date;
  let bad = 0;
  let gaps = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < cells.length; i++) {
    const k = cells[i];
    if (kind === 'text') continue;
    if (k === Cell.Missing) {
      // Missing is never 0: the series interpolates or drops it, and the user should see where it was.
      if (!rowProblems.has(lines[i]) && gaps++ < CELL_PROBLEMS_PER_COLUMN)
        problems.push({
          line: lines[i],
          column: c.name,
          severity: 'warning',
          message: 'the cell is missing',
        });
      continue;
    }
    if (!fits(k)) {
      values[i] = NaN;
      if (bad++ < CELL_PROBLEMS_PER_COLUMN)
        problems.push(cellProblem(c.name, kind, k, lines[i], c.samples.get(i), c.overflows.get(i)));
      continue;
    }
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (bad > CELL_PROBLEMS_PER_COLUMN) {
    const message = `${bad - CELL_PROBLEMS_PER_COLUMN} more cells are not ${kind === 'numeric' ? 'numbers' : 'dates'} and count as missing`;
    problems.push({ line: 0, column: c.name, severity: 'warning', message });
  }
  if (gaps > CELL_PROBLEMS_PER_COLUMN) {
    const message = `${gaps - CELL_PROBLEMS_PER_COLUMN} more cells are missing`;
    problems.push({ line: 0, column: c.name, severity: 'warning', message });
  }
  const count = kind === 'text' ? present : kind === 'numeric' ? numeric : dates;
  const summary: TableColumn = {
    name: c.name,
    kind,
    values,
    count,
    missing: missing + bad,
    decimalComma: commaColumn && kind === 'numeric',
  };
  if (count > 0 && kind !== 'text') Object.assign(summary, { min, max });
  if (kind === 'text') {
    const names = c.labels();
    if (names) summary.labels = { names, codes: labelCodes(cells, values) };
  }
  return summary;
}

function cellProblem(
  column: string,
  kind: ColumnKind,
  cell: number,
  line: number,
  raw?: string,
  overflow?: 'float64' | 'float32',
): Problem {
  if (raw !== undefined && overflow) {
    const why =
      overflow === 'float64'
        ? 'overflows a 64-bit float'
        : 'is too large for a 32-bit float (the model computes in float32)';
    return { line, column, severity: 'warning', message: `${showText(raw)} ${why}; counted as missing` };
  }
  const want = kind === 'numeric' ? 'a number' : 'a date';
  const why = cell === Cell.CommaNumber ? ' (the column mixes decimal commas and decimal points)' : '';
  const what = raw === undefined ? 'the cell' : quoteText(raw);
  return { line, column, severity: 'warning', message: `${what} is not ${want}${why}; counted as missing` };
}

/** Turns an integer column of epoch seconds or milliseconds (named like a time) into epoch ms in place. */
function epochColumn(name: string, cells: Uint8Array, values: Float64Array): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (cells[i] !== Cell.Number) continue;
    const v = values[i];
    if (!Number.isInteger(v)) return false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const unit = epochUnit(name, min, max, true);
  if (!unit) return false;
  if (unit === 's') for (let i = 0; i < values.length; i++) values[i] *= 1000;
  for (let i = 0; i < cells.length; i++) if (cells[i] === Cell.Number) cells[i] = Cell.Date;
  return true;
}
