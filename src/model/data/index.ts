/** The data layer's entry points: a user's CSV/JSON file → an Inspection, or a clean numeric Series. */
import { readDelimited } from './csvReader';
import { DataError } from './errors';
import { decodeChunks } from './decode';
import { readJson, readJsonLines } from './jsonReader';
import { timeOrder } from './order';
import { MIN_VALUES } from './series';
import { allSeries, oneSeries, type Panel, type PanelOptions } from './panel';
import { pickRows, seriesGroups, type SeriesGroups } from './seriesKey';
import type { Table } from './table';
import { checkWholeSize, extensionOf, openSource } from './source';
import { cachedParse } from './tableCache';
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
import { quoteText } from '../../shared/quote';
export * from './types';
export type { Panel, PanelOptions } from './panel';
export { selectSeries } from './seriesKey';
export { enableTableCache, forgetTables } from './tableCache';

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
  const groups = seriesGroups(file, table, opts.seriesColumn);
  if (groups) problems.push(...groups.problems, ...shortSeries(groups, table));
  if (timeCol) {
    const order = timeOrder(timeCol.values, table.lines, timeCol.name);
    layout.timeColumn = timeCol.name;
    if (order.stepMs !== undefined) layout.timeStepMs = order.stepMs;
    // In a long file, time order and duplicates matter within each series only.
    if (!groups) problems.push(...order.problems);
    else
      groups.rows.forEach((rows, k) => {
        const own = timeOrder(pickRows(timeCol.values, rows), pickRows(table.lines, rows), timeCol.name);
        const name = quoteText(groups.names[k]);
        problems.push(...own.problems.map((p) => ({ ...p, message: `series ${name}: ${p.message}` })));
        if (k === 0 && own.stepMs !== undefined) layout.timeStepMs = own.stepMs;
      });
  }
  const columns: ColumnSummary[] = table.columns.map(({ name, kind, count, missing, min, max }) =>
    min === undefined ? { name, kind, count, missing } : { name, kind, count, missing, min, max },
  );
  const seriesKey = groups
    ? {
        column: groups.column,
        series: groups.names.map((name, k) => ({ name, rows: groups.rows[k].length })),
      }
    : null;
  return { file, rows: table.lines.length, columns, problems: sortProblems(problems), layout, seriesKey };
}

/** One numeric column as a clean series; throws DataError when no column is usable. */
export async function readSeries(source: DataSource, opts: SeriesOptions = {}): Promise<Series> {
  const { file, table } = await load(source, opts);
  const series = oneSeries(file, table, opts);
  series.problems = sortProblems(series.problems);
  return series;
}

/** Every series of a file (one per key, or per column with `columns`), each with its features, for a global model. */
export async function readPanel(source: DataSource, opts: PanelOptions = {}): Promise<Panel> {
  const { file, table } = await load(source, opts);
  const panel = allSeries(file, table, opts);
  panel.problems = sortProblems(panel.problems);
  for (const s of panel.series) s.problems = sortProblems(s.problems);
  return panel;
}

function shortSeries(groups: SeriesGroups, table: Table): Problem[] {
  return groups.names.flatMap((name, k) =>
    groups.rows[k].length < MIN_VALUES
      ? [
          {
            line: table.lines[groups.rows[k][0]],
            column: groups.column,
            severity: 'warning' as const,
            message: `series ${quoteText(name)} has ${groups.rows[k].length} rows; at least ${MIN_VALUES} are needed, so training leaves it out`,
          },
        ]
      : [],
  );
}

/**
 * Columns an inspection says can become a series (numeric, at least 10 values, at most half missing); a series key
 * is not one, even when its names are numbers.
 */
export function usableColumns(inspection: Inspection): string[] {
  return inspection.columns
    .filter((c) => c.kind === 'numeric' && c.count >= MIN_VALUES && c.missing <= c.count)
    .filter((c) => c.name !== inspection.seriesKey?.column)
    .map((c) => c.name);
}

/** File order, with whole-file notes (line 0) last. */
function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.line || Infinity) - (b.line || Infinity));
}

async function load(source: DataSource, opts: ReadOptions): Promise<Loaded> {
  const { file, table, layout } = await cachedParse(source, opts.maxBytes, () => parse(source, opts));
  // inspectData completes the layout it gets: each caller gets its own.
  return { file, table, layout: { ...layout } };
}

async function parse(source: DataSource, opts: ReadOptions): Promise<Loaded> {
  const opened = await openSource(source, opts.maxBytes);
  const { file } = opened;
  if (opened.size === 0) throw new DataError(file, 'the file is empty');
  const texts = decodeChunks(file, opened.chunks);
  const ext = extensionOf(file);
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') checkWholeSize(file, opened.size);
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
    checkWholeSize(file, opened.size);
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
