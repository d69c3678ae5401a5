/** Delimited text (CSV/TSV) → Table, streamed chunk by chunk; rows are never held as an array. */
import { parse, type CsvError, type Info } from 'csv-parse';
import { DataError } from './errors';
import { sniffDelimiter, sniffLineEnding } from './sniff';
import { TableBuilder, type Table } from './table';
import type { Layout } from './types';

export interface DelimitedResult {
  table: Table;
  layout: Layout;
}

/** `tsv`: the extension says tab-separated, so no sniffing. `sizeBytes` (the file's size, 0 if unknown) lets the column arrays be sized once from the first chunk's lines. */
export async function readDelimited(file: string, texts: AsyncIterable<string>, tsv: boolean, sizeBytes = 0): Promise<DelimitedResult> {
  const iterator = texts[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : first.value;
  const delimiter = tsv ? '\t' : sniffDelimiter(head.slice(0, 65536));
  const lineEnding = sniffLineEnding(head);
  const builder = new TableBuilder(file, delimiter === ';', estimateRows(head, sizeBytes));
  const reader = new LineReader(builder, delimiter);
  if (!first.done) await reader.push(first.value);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) await reader.push(next.value);
  await reader.end();
  const table = builder.finish();
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
    let start = 0;
    let next = -1;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      next = this.addLine(text, start, nl, next);
      start = nl + 1;
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

/** csv-parse over the remaining text; tracks where each record starts so problems point at its first line. */
class QuotedReader {
  private readonly parser;
  private error: unknown;
  private readonly done: Promise<void>;
  private endLine = 0;
  private emptyLines = 0;
  /** csv-parse counts a CRLF inside quotes as two lines; this many lines have to come off its count. */
  private overcount = 0;

  constructor(
    private readonly builder: TableBuilder,
    delimiter: string,
    private readonly lineOffset: number,
  ) {
    this.parser = parse({
      delimiter,
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    this.parser.on('data', (r: { record: string[]; info: Info }) => this.onRecord(r.record, r.info));
    this.done = new Promise((resolve) => {
      this.parser.on('error', (err) => {
        this.error ??= err;
        resolve();
      });
      this.parser.on('end', resolve);
    });
  }

  private onRecord(record: string[], info: Info): void {
    const start = this.lineOffset + this.endLine + 1 + (info.empty_lines - this.emptyLines);
    for (const field of record) {
      for (let at = field.indexOf('\r\n'); at >= 0; at = field.indexOf('\r\n', at + 2)) this.overcount++;
    }
    this.endLine = info.lines - this.overcount;
    this.emptyLines = info.empty_lines;
    this.builder.addRecord(record, start);
  }

  async push(text: string): Promise<void> {
    this.check();
    if (!this.parser.write(text)) await new Promise((r) => this.parser.once('drain', r));
    this.check();
  }

  async end(): Promise<void> {
    this.parser.end();
    await this.done;
    this.check();
  }

  private check(): void {
    if (this.error === undefined) return;
    const err = this.error as CsvError & { lines?: number };
    const recordStart = this.lineOffset + this.endLine + 1;
    const file = this.builder.file;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new DataError(file, 'a quoted field opened here is never closed', { line: recordStart });
    }
    const line = err.lines === undefined ? recordStart : this.lineOffset + err.lines - this.overcount;
    if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
      throw new DataError(file, 'a closing quote is followed by text instead of a delimiter or line end', { line });
    }
    throw new DataError(file, `malformed CSV (${err.message.split('\n')[0]})`, { line });
  }
}
