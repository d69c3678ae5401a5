/** `seqlab inspect FILE [--json]`: what the data layer sees in a file, and whether a series can be made from it. */
import {
  escapeControls,
  inspectData,
  quoteText,
  showText,
  usableColumns,
  type ColumnSummary,
  type Inspection,
  type Problem,
} from '../model/data';
import { parseFileCommand } from './fileCommand';
import { EXIT_OK, tableNumber, formatTable, printJson } from './output';

const FLAGS = {
  json: { type: 'boolean', help: 'print one JSON object on stdout' },
  'max-size-mb': { type: 'int', min: 1, help: 'refuse larger files (default 1024)' },
  'series-column': {
    type: 'string',
    help: "column naming each row's series; none: one series (default: found)",
  },
} as const;

const SHOWN_PROBLEMS = 10;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseFileCommand('inspect', argv, FLAGS);
  if (!parsed) return EXIT_OK;
  const { file, flags } = parsed;
  const maxMb = flags['max-size-mb'];
  const inspection = await inspectData(
    { path: file },
    {
      ...(maxMb && { maxBytes: maxMb * 1024 * 1024 }),
      ...(flags['series-column'] !== undefined && { seriesColumn: flags['series-column'] }),
    },
  );
  const usable = usableColumns(inspection);
  if (flags.json) printJson(toJson(inspection, usable));
  else process.stdout.write(`${summary(inspection, usable)}\n`);
  // A file that could be read is described and exits 0 even with nothing to train on (DESIGN.md): exit 1 is for
  // files that cannot be read. The reason still goes to stderr, since stdout may be one JSON object.
  if (usable.length === 0)
    process.stderr.write(`${escapeControls(inspection.file)}: ${whyUnusable(inspection)}\n`);
  return EXIT_OK;
}

/** DESIGN.md's inspect contract (rows, columns, problems with row/column/message), plus layout and usable columns. */
export function toJson(inspection: Inspection, usable: string[]): object {
  return {
    file: inspection.file,
    rows: inspection.rows,
    columns: inspection.columns,
    problems: inspection.problems.map((p) => ({
      row: p.line || null,
      column: p.column ?? null,
      message: p.message,
      severity: p.severity,
    })),
    layout: inspection.layout,
    usable,
    seriesKey: inspection.seriesKey,
  };
}

function whyUnusable({ rows, columns }: Inspection): string {
  if (rows === 0) return 'no data rows';
  const numeric = columns.filter((c) => c.kind === 'numeric');
  if (numeric.length === 0) return 'no numeric column, so there is no series to train on';
  const c = numeric[0];
  if (c.count < 10)
    return `column ${quoteText(c.name)}: only ${c.count} usable values; at least 10 are needed`;
  return `column ${quoteText(c.name)}: ${c.missing} of ${c.count + c.missing} values are missing (more than half)`;
}

function summary(inspection: Inspection, usable: string[]): string {
  const { layout } = inspection;
  const shape =
    layout.format === 'csv' || layout.format === 'tsv'
      ? `${layout.format.toUpperCase()}, delimiter ${JSON.stringify(layout.delimiter)}, ${layout.hasHeader ? 'header row' : 'no header'}`
      : `${layout.format.toUpperCase()} (${layout.jsonShape})`;
  const time = layout.timeColumn
    ? `; ordered by ${quoteText(layout.timeColumn)}${layout.timeStepMs ? ` every ${formatStep(layout.timeStepMs)}` : ''}`
    : '';
  const lines = [`${escapeControls(inspection.file)}: ${inspection.rows} rows, ${shape}${time}`, ''];
  const rows = inspection.columns.map((c) => [
    showText(c.name),
    c.kind,
    String(c.count),
    String(c.missing),
    cellValue(c, c.min),
    cellValue(c, c.max),
  ]);
  lines.push(formatTable(['column', 'kind', 'count', 'missing', 'min', 'max'], rows), '');
  lines.push(
    usable.length
      ? `usable for training: ${usable.map(showText).join(', ')}`
      : 'no column is usable for training',
  );
  if (inspection.seriesKey) lines.push(...seriesLines(inspection.seriesKey));
  if (inspection.problems.length) lines.push('', ...problemLines(inspection.problems));
  return lines.join('\n');
}

const SHOWN_SERIES = 20;

function seriesLines({ column, series }: NonNullable<Inspection['seriesKey']>): string[] {
  const shown = series.slice(0, SHOWN_SERIES).map((s) => `${showText(s.name)} (${s.rows})`);
  const more = series.length > SHOWN_SERIES ? `, … and ${series.length - SHOWN_SERIES} more` : '';
  return [
    `${series.length} series named in column ${quoteText(column)} (rows): ${shown.join(', ')}${more}`,
    'training builds one model over all of them; --series NAME trains on one',
  ];
}

function problemLines(problems: Problem[]): string[] {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => {
    const where = [
      p.line ? `line ${p.line}` : '',
      p.column !== undefined ? `column ${quoteText(p.column)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `  ${p.severity}: ${where ? `${where}: ` : ''}${escapeControls(p.message)}`;
  });
  const more = problems.length - shown.length;
  return [
    `problems (${problems.length}):`,
    ...shown,
    ...(more > 0 ? [`  … and ${more} more (see --json)`] : []),
  ];
}

function cellValue(c: ColumnSummary, v: number | undefined): string {
  if (v === undefined) return '';
  return c.kind === 'date'
    ? new Date(v).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', 'Z')
    : tableNumber(v);
}

function formatStep(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${unit}`;
  return `${ms} ms`;
}
