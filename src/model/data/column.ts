/** One column while rows stream in: every cell classified once, values kept in typed arrays (no row objects). */
import { parseDateIn } from './dates';
import { FLOAT32_MAX, isMissing, numberOverflow, parseNumberIn, parseStrictNumber } from './numbers';
import { clip, MAX_QUOTED } from '../../shared/quote';

/** What a single cell turned out to be. */
export const enum Cell {
  Missing = 0,
  Number = 1,
  Date = 2,
  Text = 3,
  /** A number written with a decimal comma; only counts as a number if the whole column writes them so. */
  CommaNumber = 4,
}

/** A growing list of row numbers. One concrete class per element type keeps the hot `push` monomorphic. */
export class U32List {
  private data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, new Uint32Array(this.data.length * 2));
    this.data[this.length++] = v;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

function grow<T extends Uint8Array | Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A loop, not indexOf: indexOf would scan past `end` through the rest of the chunk on every integer cell. */
function hasPoint(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 46) return true;
  return false;
}

/** Enough quoted cells for the problems a column reports one by one. */
const SAMPLES = 25;

/** A text column with more distinct values than this is no series key, so its texts are not kept. */
export const MAX_LABELS = 10_000;

export class ColumnBuilder {
  /** The number (or epoch ms for a date cell) of each row; NaN where the cell is neither. */
  private values: Float64Array;
  /** What each row's cell is (a Cell). */
  private cells: Uint8Array;
  length = 0;
  readonly counts = [0, 0, 0, 0, 0];
  /** Decimal-point numbers seen, to decide whether decimal commas are used consistently. */
  pointNumbers = 0;
  /** The text of the first few cells of each sort, by row and clipped to what a message shows, so problems can quote what is wrong. */
  readonly samples = new Map<number, string>();
  /** Sampled rows whose cell is a number too large to use, and which limit it passes. */
  readonly overflows = new Map<number, 'float64' | 'float32'>();
  private numberSamples = 0;
  private otherSamples = 0;
  private lastKind: Cell = Cell.Missing;
  /** Each distinct text's code while there are at most MAX_LABELS (a series key needs them); text cells hold their code. */
  private labelCodes: Map<string, number> | undefined = new Map();

  /** `capacity`: the expected row count, so a large file's arrays are allocated once instead of doubling. */
  constructor(
    public readonly name: string,
    private readonly decimalComma: boolean,
    capacity = 1024,
  ) {
    this.values = new Float64Array(Math.max(16, capacity));
    this.cells = new Uint8Array(Math.max(16, capacity));
  }

  valuesView(): Float64Array {
    return this.values.subarray(0, this.length);
  }

  cellsView(): Uint8Array {
    return this.cells.subarray(0, this.length);
  }

  addString(raw: string): void {
    this.addIn(raw, 0, raw.length);
  }

  /**
   * Classifies the cell `text.slice(start, end)`. Numbers and ISO dates are read in place, so the usual cell of a
   * large file allocates no string; the order does not matter because numbers, dates and missing markers are
   * disjoint.
   */
  addIn(text: string, start: number, end: number): void {
    // In a date column, try the date first: most cells are dates, and no number is also a date.
    if (this.lastKind === Cell.Date) {
      const time = parseDateIn(text, start, end);
      if (time === time) {
        if (this.otherSamples++ < SAMPLES) this.sample(text, start, end);
        return this.push(Cell.Date, time);
      }
    }
    let value = parseNumberIn(text, start, end);
    if (value === value) {
      if (this.decimalComma && hasPoint(text, start, end)) this.pointNumbers++;
      if (this.numberSamples++ < SAMPLES) this.sample(text, start, end);
      return this.push(Cell.Number, value);
    }
    value = parseDateIn(text, start, end);
    let kind: Cell = Cell.Date;
    if (value !== value) {
      const raw = text.slice(start, end);
      if (isMissing(raw)) return this.push(Cell.Missing, NaN);
      value = this.decimalComma ? parseStrictNumber(raw, true) : NaN;
      kind = value === value ? Cell.CommaNumber : Cell.Text;
      // Checked on the whole cell: the kept sample is clipped.
      const overflow = kind === Cell.Text && this.otherSamples < SAMPLES ? numberOverflow(raw) : undefined;
      if (overflow) this.overflows.set(this.length, overflow);
    }
    if (this.otherSamples++ < SAMPLES) this.sample(text, start, end);
    this.push(kind, kind === Cell.Text ? this.labelCode(text.slice(start, end).trim()) : value);
  }

  private labelCode(raw: string): number {
    const codes = this.labelCodes;
    if (!codes) return NaN;
    let code = codes.get(raw);
    if (code === undefined) {
      if (codes.size >= MAX_LABELS) {
        this.labelCodes = undefined;
        return NaN;
      }
      code = codes.size;
      codes.set(raw, code);
    }
    return code;
  }

  /** The distinct texts by code, or undefined when there were too many to keep. */
  labels(): string[] | undefined {
    return this.labelCodes && [...this.labelCodes.keys()];
  }

  /** A value that arrived typed (JSON): numbers are numbers, strings go through the same strict parse. */
  addValue(v: unknown): void {
    if (typeof v === 'string') return this.addString(v);
    if (v === null || v === undefined) return this.push(Cell.Missing, NaN);
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= FLOAT32_MAX)
      return this.push(Cell.Number, v);
    // The JSON reader has already put the source text in place of a number that overflowed float64.
    if (typeof v === 'number' && Number.isFinite(v) && this.otherSamples < SAMPLES)
      this.overflows.set(this.length, 'float32');
    if (this.otherSamples++ < SAMPLES) this.samples.set(this.length, clip(stringifyValue(v)));
    this.push(Cell.Text, NaN);
  }

  /** Only a message's worth is kept: a slice would hold on to a whole multi-megabyte cell (and its chunk). */
  private sample(text: string, start: number, end: number): void {
    this.samples.set(this.length, clip(text.slice(start, Math.min(end, start + MAX_QUOTED + 1))));
  }

  addMissing(): void {
    this.push(Cell.Missing, NaN);
  }

  private push(kind: Cell, value: number): void {
    this.lastKind = kind;
    if (this.length === this.cells.length) {
      this.cells = grow(this.cells, new Uint8Array(this.length * 2));
      this.values = grow(this.values, new Float64Array(this.length * 2));
    }
    this.cells[this.length] = kind;
    this.values[this.length++] = value;
    this.counts[kind]++;
  }
}

/** Moves text cells' codes out of `values`, which keeps NaN for every cell that is not a number. */
export function labelCodes(cells: Uint8Array, values: Float64Array): Int32Array {
  const codes = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i] === Cell.Text;
    codes[i] = text && values[i] === values[i] ? values[i] : -1;
    if (text) values[i] = NaN;
  }
  return codes;
}

/** A JSON value as its JSON text for a message; a value JSON cannot write (too deep, a BigInt) by its type. */
function stringifyValue(v: unknown): string {
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return Array.isArray(v) ? 'an array' : typeof v;
  }
}
