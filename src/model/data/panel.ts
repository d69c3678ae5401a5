/**
 * A file as the series it holds: one series, one per key of a long file (`symbol, date, close`), or one per column of
 * a wide file (`--columns a,b,c`), each with the feature columns carried along as inputs.
 */
import { DataError } from './errors';
import { buildSeries, chooseColumn } from './series';
import { seriesGroups, selectSeries, subTable, type SeriesGroups } from './seriesKey';
import { quoteText } from '../../shared/quote';
import type { Table, TableColumn } from './table';
import type { Problem, Series, SeriesOptions } from './types';

export interface PanelOptions extends SeriesOptions {
  /** Wide files: these numeric columns become the series (the key is not used). */
  columns?: string[];
}

/** Every series of a file, ready for one global model. */
export interface Panel {
  file: string;
  /** The modelled column (long files and single series); for a wide file, the columns joined with ','. */
  column: string;
  /** The key column of a long file. */
  key?: string;
  /** Wide files: the columns used as series. */
  columns?: string[];
  features: string[];
  /** Each with `label` (its series name) when the file holds several. */
  series: Series[];
  /** Series that could not be read, and why (never padded or made up). */
  skipped: { name: string; reason: string }[];
  problems: Problem[];
}

/** The table without the named columns, so that a key or a feature is never taken for the series itself. */
function without(table: Table, names: Set<string>): Table {
  return { ...table, columns: table.columns.filter((c) => !names.has(c.name)) };
}

function featureColumns(file: string, table: Table, features: string[] = []): TableColumn[] {
  return features.map((f) => chooseColumn(file, table, f));
}

function checkDistinct(file: string, target: string, features: string[], key?: string): void {
  for (const f of features) {
    if (f === target)
      throw new DataError(file, 'a feature cannot be the modelled column itself', { column: f });
    if (f === key) throw new DataError(file, 'a feature cannot be the series key', { column: f });
  }
  if (new Set(features).size !== features.length) throw new DataError(file, 'a feature is named twice');
}

/** The series a model needs: `series` of a keyed file, or the file's only series. */
export function oneSeries(file: string, table: Table, opts: SeriesOptions): Series {
  const groups = seriesGroups(file, table, opts.seriesColumn);
  const features = opts.features ?? [];
  if (opts.column !== undefined) checkDistinct(file, opts.column, features, groups?.column);
  const skip = new Set([...features, ...(groups ? [groups.column] : [])]);
  const col = chooseColumn(file, without(table, skip), opts.column);
  checkDistinct(file, col.name, features, groups?.column);
  const feats = featureColumns(file, table, features);
  if (!groups) {
    if (opts.series !== undefined)
      throw new DataError(
        file,
        `the file holds one series (no column names series), so there is no series ${quoteText(opts.series)}`,
      );
    return buildSeries(file, table, col, ownProblems(table, col, feats), feats);
  }
  if (opts.series === undefined)
    throw new DataError(
      file,
      `the file holds ${groups.names.length} series named in column ${quoteText(groups.column)}; choose one (e.g. --series ${groups.names[0]}) or train one model on all`,
    );
  const s = seriesOf(file, table, groups, opts.series, col, feats);
  s.problems.unshift(...groups.problems, ...ownProblems(table, col, feats));
  return s;
}

function seriesOf(
  file: string,
  table: Table,
  groups: SeriesGroups,
  name: string,
  col: TableColumn,
  feats: TableColumn[],
): Series {
  const part = subTable(table, selectSeries(file, groups, name));
  const problems: Problem[] = [];
  const s = buildSeries(
    file,
    part,
    pick(part, col),
    problems,
    feats.map((f) => pick(part, f)),
  );
  s.label = name;
  s.problems = problems.map((p) => named(name, p));
  return s;
}

/** Every series of the file for one global model; a series that cannot be read is skipped with its reason. */
export function allSeries(file: string, table: Table, opts: PanelOptions): Panel {
  const features = opts.features ?? [];
  const feats = featureColumns(file, table, features);
  if (opts.columns?.length) {
    if (opts.seriesColumn !== undefined && opts.seriesColumn !== 'none')
      throw new DataError(file, '--columns reads a wide file; it cannot be combined with a series column');
    const cols = opts.columns.map((c) => chooseColumn(file, table, c));
    for (const c of cols) checkDistinct(file, c.name, features);
    const panel = emptyPanel(file, cols.map((c) => c.name).join(','), features);
    panel.columns = cols.map((c) => c.name);
    for (const c of cols)
      collect(panel, c.name, () => buildSeries(file, table, c, ownProblems(table, c, feats), feats));
    return finish(panel);
  }
  const groups = seriesGroups(file, table, opts.seriesColumn);
  if (opts.column !== undefined) checkDistinct(file, opts.column, features, groups?.column);
  const skip = new Set([...features, ...(groups ? [groups.column] : [])]);
  const col = chooseColumn(file, without(table, skip), opts.column);
  checkDistinct(file, col.name, features, groups?.column);
  const panel = emptyPanel(file, col.name, features);
  if (!groups) {
    if (opts.series !== undefined) oneSeries(file, table, opts);
    panel.series.push(buildSeries(file, table, col, ownProblems(table, col, feats), feats));
    return panel;
  }
  panel.key = groups.column;
  panel.problems.push(...groups.problems, ...ownProblems(table, col, feats));
  if (opts.series !== undefined) selectSeries(file, groups, opts.series);
  const names = opts.series !== undefined ? [opts.series] : groups.names;
  for (const name of names) collect(panel, name, () => seriesOf(file, table, groups, name, col, feats));
  return finish(panel);
}

function emptyPanel(file: string, column: string, features: string[]): Panel {
  return { file, column, features, series: [], skipped: [], problems: [] };
}

function collect(panel: Panel, name: string, read: () => Series): void {
  try {
    const s = read();
    s.label = name;
    panel.series.push(s);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    panel.skipped.push({ name, reason: e.message.slice(panel.file.length + 2) });
  }
}

function finish(panel: Panel): Panel {
  if (panel.series.length === 0) {
    const why = panel.skipped.map((s) => `${quoteText(s.name)}: ${s.reason}`).join('; ');
    throw new DataError(panel.file, `no series can be used (${why})`);
  }
  return panel;
}

/** The same column of a sub-table. */
function pick(part: Table, col: TableColumn): TableColumn {
  return part.columns.find((c) => c.name === col.name) ?? col;
}

/** The table's own problems that concern these columns (or whole rows, or the time). */
function ownProblems(table: Table, col: TableColumn, feats: TableColumn[]): Problem[] {
  const names = new Set([col.name, ...feats.map((f) => f.name)]);
  const time = table.columns.find((c) => c.kind === 'date')?.name;
  return table.problems.filter((p) => p.column === undefined || names.has(p.column) || p.column === time);
}

function named(series: string, p: Problem): Problem {
  return { ...p, message: `series ${quoteText(series)}: ${p.message}` };
}
