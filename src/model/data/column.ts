/** One column while rows stream in: every cell classified once, values kept in typed arrays (no row objects). */
import { parseDate } from './dates';
import { FLOAT32_MAX, isMissing, parseStrictNumber } from './numbers';

/** What a single cell turned out to be. */
export const enum Cell {
  Missing = 0,
  Number = 1,
  Date = 2,
  Text = 3,
  /** A number written with a decimal comma; only counts as a number if the whole column writes them so. */
  CommaNumber = 4,
}

class Growable<T extends Float64Array | Uint8Array | Uint32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export function growableF64(): Growable<Float64Array> {
  return new Growable(new Float64Array(1024), (n) => new Float64Array(n));
}
export function growableU32(): Growable<Uint32Array> {
  return new Growable(new Uint32Array(1024), (n) => new Uint32Array(n));
}
export type { Growable };

/** Enough quoted cells for the problems a column reports one by one. */
const SAMPLES = 25;

export class ColumnBuilder {
  /** The number (or epoch ms for a date cell) of each row; NaN where the cell is neither. */
  readonly values = growableF64();
  readonly cells = new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
  readonly counts = [0, 0, 0, 0, 0];
  /** Decimal-point numbers seen, to decide whether decimal commas are used consistently. */
  pointNumbers = 0;
  /** The raw text of the first few cells of each sort, by row, so problems can quote what is wrong. */
  readonly samples = new Map<number, string>();
  private numberSamples = 0;
  private otherSamples = 0;

  constructor(
    public readonly name: string,
    private readonly decimalComma: boolean,
  ) {}

  addString(raw: string): void {
    let kind: Cell;
    let value = parseStrictNumber(raw);
    if (value === value) {
      kind = Cell.Number;
      if (this.decimalComma && raw.includes('.')) this.pointNumbers++;
    } else if (isMissing(raw)) {
      kind = Cell.Missing;
    } else if (this.decimalComma && !Number.isNaN((value = parseStrictNumber(raw, true)))) {
      kind = Cell.CommaNumber;
    } else {
      value = parseDate(raw);
      kind = value === value ? Cell.Date : Cell.Text;
    }
    if (kind === Cell.Number ? this.numberSamples++ < SAMPLES : kind !== Cell.Missing && this.otherSamples++ < SAMPLES) {
      this.samples.set(this.cells.length, raw);
    }
    this.push(kind, value);
  }

  /** A value that arrived typed (JSON): numbers are numbers, strings go through the same strict parse. */
  addValue(v: unknown): void {
    if (typeof v === 'string') return this.addString(v);
    if (v === null || v === undefined) return this.push(Cell.Missing, NaN);
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= FLOAT32_MAX) return this.push(Cell.Number, v);
    if (this.otherSamples++ < SAMPLES) this.samples.set(this.cells.length, JSON.stringify(v));
    this.push(Cell.Text, NaN);
  }

  addMissing(): void {
    this.push(Cell.Missing, NaN);
  }

  private push(kind: Cell, value: number): void {
    this.cells.push(kind);
    this.values.push(value);
    this.counts[kind]++;
  }
}
