/** The data layer's entry points: a user's CSV/JSON file → an Inspection, or a clean numeric Series. */
import { readDelimited } from './csvReader';
import { DataError } from './errors';
import { decodeChunks } from './decode';
import { readJson, readJsonLines } from './jsonReader';
import { timeOrder } from './order';
import { buildSeries, chooseColumn, MIN_VALUES } from './series';
import { extensionOf, openSource } from './source';
import type { Table } from './table';
import type {
  ColumnSummary,
  DataSource,
  Inspection,
  Layout,
  Problem,
  ReadOptions,
  Series,
  SeriesOptions,
} from './types';

export { DataError } from './errors';
export { parseStrictNumber, isMissing } from './numbers';
export { parseDate } from './dates';
export { DEFAULT_MAX_BYTES } from './source';
export { escapeControls, quoteText, showText } from '../../shared/quote';
export * from './types';

interface Loaded {
  file: string;
  table: Table;
  layout: Layout;
}

/** Reads and classifies every column, reporting problems; throws DataError only when the file cannot be read at all. */
export async function inspectData(source: DataSource, opts: ReadOptions = {}): Promise<Inspection> {
  const { file, table, layout } = await load(source, opts);
  const problems = [...table.problems];
  const timeCol = table.columns.find((c) => c.kind === 'date');
  if (timeCol) {
    const order = timeOrder(timeCol.values, table.lines, timeCol.name);
    problems.push(...order.problems);
    layout.timeColumn = timeCol.name;
    if (order.stepMs !== undefined) layout.timeStepMs = order.stepMs;
  }
  const columns: ColumnSummary[] = table.columns.map(({ name, kind, count, missing, min, max }) =>
    min === undefined ? { name, kind, count, missing } : { name, kind, count, missing, min, max },
  );
  return { file, rows: table.lines.length, columns, problems: sortProblems(problems), layout };
}

/** One numeric column as a clean series; throws DataError when no column is usable. */
export async function readSeries(source: DataSource, opts: SeriesOptions = {}): Promise<Series> {
  const { file, table } = await load(source, opts);
  const col = chooseColumn(file, table, opts.column);
  const problems = table.problems.filter(
    (p) => p.column === undefined || p.column === col.name || isTimeProblem(table, p),
  );
  const series = buildSeries(file, table, col, problems);
  series.problems = sortProblems(series.problems);
  return series;
}

/** Columns an inspection says can become a series (numeric, at least 10 values, at most half missing). */
export function usableColumns(inspection: Inspection): string[] {
  return inspection.columns
    .filter((c) => c.kind === 'numeric' && c.count >= MIN_VALUES && c.missing <= c.count)
    .map((c) => c.name);
}

function isTimeProblem(table: Table, p: Problem): boolean {
  return table.columns.some((c) => c.kind === 'date' && c.name === p.column);
}

/** File order, with whole-file notes (line 0) last. */
function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.line || Infinity) - (b.line || Infinity));
}

async function load(source: DataSource, opts: ReadOptions): Promise<Loaded> {
  const opened = await openSource(source, opts.maxBytes);
  const { file } = opened;
  if (opened.size === 0) throw new DataError(file, 'the file is empty');
  const texts = decodeChunks(file, opened.chunks);
  const ext = extensionOf(file);
  if (ext === 'jsonl' || ext === 'ndjson') return { file, ...readJsonLines(file, await collect(texts)) };
  if (ext === 'json') return { file, ...readJson(file, await collect(texts)) };
  if (ext === 'csv' || ext === 'tsv' || ext === 'tab')
    return { file, ...(await readDelimited(file, texts, ext !== 'csv', opened.size)) };
  // Unknown extension: JSON if it starts like JSON, delimited text otherwise.
  const iterator = texts[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? '' : first.value;
  const rest = { [Symbol.asyncIterator]: () => iterator };
  if (/^\s*[[{]/.test(head)) {
    const text = head + (await collect(rest));
    return {
      file,
      ...(/^\s*\{[^\n]*\}\s*\n\s*\{/.test(text) ? readJsonLines(file, text) : readJson(file, text)),
    };
  }
  return { file, ...(await readDelimited(file, prepend(head, rest), false, opened.size)) };
}

async function collect(texts: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const t of texts) parts.push(t);
  return parts.join('');
}

async function* prepend(head: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  if (head) yield head;
  yield* rest;
}
