/** Delimited text (CSV/TSV) → Table, streamed chunk by chunk; rows are never held as an array. */
import { parse, type CastingContext, type CsvError } from 'csv-parse';
import { DataError } from './errors';
import { clip } from '../../shared/quote';
import { sniffDelimiter, sniffLineEnding } from './sniff';
import { TableBuilder, type Table } from './table';
import type { Layout } from './types';

export interface DelimitedResult {
  table: Table;
  layout: Layout;
}

/** `tsv`: the extension says tab-separated, so no sniffing. `sizeBytes` (the file's size, 0 if unknown) lets the column arrays be sized once from the first chunk's lines. */
export async function readDelimited(
  file: string,
  texts: AsyncIterable<string>,
  tsv: boolean,
  sizeBytes = 0,
): Promise<DelimitedResult> {
  const iterator = texts[Symbol.asyncIterator]();
  let table: Table;
  let delimiter: string;
  let lineEnding: Layout['lineEnding'];
  try {
    const first = await iterator.next();
    const head = first.done ? '' : first.value;
    delimiter = tsv ? '\t' : sniffDelimiter(head.slice(0, 65536));
    lineEnding = sniffLineEnding(head);
    const builder = new TableBuilder(file, delimiter === ';', estimateRows(head, sizeBytes));
    const reader = new LineReader(builder, delimiter);
    if (!first.done) await reader.push(first.value);
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      await reader.push(next.value);
    await reader.end();
    table = builder.finish();
  } catch (err) {
    // Stopping early must still run the reader's `finally`, or the file handle is left to the garbage collector.
    await iterator.return?.();
    throw err;
  }
  const layout: Layout = {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    delimiter,
    hasHeader: table.hasHeader,
    lineEnding,
    decimalComma: table.columns.filter((c) => c.decimalComma).map((c) => c.name),
  };
  return { table, layout };
}

/** Rows the file probably has, from the first chunk's average line length; a little over, capped. */
function estimateRows(head: string, sizeBytes: number): number {
  let lines = 0;
  for (let i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) lines++;
  if (lines < 2 || sizeBytes <= head.length) return Math.max(16, lines + 1);
  return Math.min(Math.ceil((sizeBytes / head.length) * lines * 1.02) + 16, 1 << 27);
}

/**
 * Splits plain lines itself while the text has no quote character at all (most numeric series), and hands the
 * rest of the file to csv-parse from the first chunk that has one, so RFC 4180 quoting is always csv-parse's job.
 */
class LineReader {
  private rest = '';
  private line = 1;
  private quoted: QuotedReader | undefined;

  constructor(
    private readonly builder: TableBuilder,
    private readonly delimiter: string,
  ) {}

  async push(chunk: string): Promise<void> {
    if (this.quoted) return this.quoted.push(chunk);
    const text = this.rest ? this.rest + chunk : chunk;
    if (text.includes('"')) {
      this.rest = '';
      this.quoted = new QuotedReader(this.builder, this.delimiter, this.line - 1);
      return this.quoted.push(text);
    }
    // A line ends at \n, \r\n or a lone \r (old Mac exports), mixed in any order. Without a \r in the text, `cr`
    // stays -1 and this is the plain \n split.
    let start = 0;
    let next = -1;
    let nl = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (nl >= 0 || cr >= 0) {
      let end = nl;
      let after = nl + 1;
      if (cr >= 0 && (nl < 0 || cr < nl)) {
        // A \r that ends the chunk may be the first half of a \r\n: decide once the next chunk is here.
        if (cr + 1 === text.length) break;
        end = cr;
        after = cr + 1 === nl ? nl + 1 : cr + 1;
      }
      next = this.addLine(text, start, end, next);
      start = after;
      if (nl >= 0 && nl < start) nl = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    this.rest = text.slice(start);
  }

  private addLine(text: string, start: number, end: number, next: number): number {
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end > start) next = this.builder.addLine(text, start, end, this.delimiter, this.line, next);
    this.line++;
    return next;
  }

  async end(): Promise<void> {
    if (this.quoted) return this.quoted.end();
    if (this.rest) this.addLine(this.rest, 0, this.rest.length, -1);
  }
}

/**
 * csv-parse over the remaining text. Line numbers are counted here rather than with csv-parse's `info` (which
 * triples its cost and counts a CRLF inside quotes as two lines): a record starts one line after the previous one
 * plus the newlines inside the previous one's fields. Blank lines arrive as a single empty field and are skipped.
 */
class QuotedReader {
  private readonly parser;
  private error: unknown;
  private readonly done: Promise<void>;
  /** The file line where the next record starts. */
  private nextLine: number;
  /** Fields of the record being parsed that are unquoted but hold a quote. */
  private readonly strayQuotes: number[] = [];

  constructor(
    private readonly builder: TableBuilder,
    delimiter: string,
    lineOffset: number,
  ) {
    this.nextLine = lineOffset + 1;
    // '\r\n' before '\r': csv-parse takes the first delimiter that matches. relax_quotes reads a quote inside an
    // unquoted field (37°36'37.8"N) as text, as pandas and Python's csv module do; `cast` only notes where.
    this.parser = parse({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      cast: (value: string, context: CastingContext) => {
        if (!context.quoting && value.includes('"')) this.strayQuotes.push(context.index);
        return value;
      },
    });
    this.parser.on('data', (record: string[]) => this.onRecord(record));
    this.done = new Promise((resolve) => {
      this.parser.on('error', (err) => {
        this.error ??= err;
        resolve();
      });
      this.parser.on('end', resolve);
    });
  }

  private onRecord(record: string[]): void {
    const start = this.nextLine;
    let newlines = 0;
    for (const field of record) newlines += lineBreaks(field);
    this.nextLine = start + 1 + newlines;
    if (record.length === 1 && record[0] === '') return;
    this.builder.addRecord(record, start);
    for (const field of this.strayQuotes) this.builder.reportStrayQuote(field, start, record[field]);
    this.strayQuotes.length = 0;
  }

  async push(text: string): Promise<void> {
    this.check();
    // After an error csv-parse never drains; waiting on `done` too keeps that from stalling the read for good.
    if (!this.parser.write(text))
      await Promise.race([new Promise((r) => this.parser.once('drain', r)), this.done]);
    this.check();
  }

  async end(): Promise<void> {
    this.parser.end();
    await this.done;
    this.check();
  }

  /** Errors point at the line where the broken record starts, the same rule as for problems. */
  private check(): void {
    if (this.error === undefined) return;
    const err = this.error as CsvError;
    const where = { line: this.nextLine };
    const file = this.builder.file;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new DataError(file, 'a quoted field opened here is never closed', where);
    if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
      throw new DataError(
        file,
        'a closing quote is followed by text instead of a delimiter or line end',
        where,
      );
    }
    // csv-parse ends some messages with the whole field ("value is ..."), which may be megabytes long.
    const why = clip(err.message.split('\n')[0].replace(/,? value is .*$/, ''), 200);
    throw new DataError(file, `malformed CSV (${why})`, where);
  }
}

/** Line breaks inside a quoted field: \n, \r\n and a lone \r each count once. */
function lineBreaks(field: string): number {
  let n = 0;
  for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) n++;
  for (let at = field.indexOf('\r'); at >= 0; at = field.indexOf('\r', at + 1))
    if (field.charCodeAt(at + 1) !== 10) n++;
  return n;
}
